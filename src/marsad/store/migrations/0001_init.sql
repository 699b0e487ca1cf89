-- Pages as read, the articles cut from them, their removed spans and metadata evidence,
-- a full-text index of normalised search terms, and the runs that put them there.
CREATE TABLE pages (
    id               TEXT PRIMARY KEY,          -- content hash (Page.page_id)
    source           TEXT NOT NULL,             -- the input path it was first read from
    locator          TEXT,
    url              TEXT,
    fetched_at       TEXT,
    format           TEXT NOT NULL,
    encoding         TEXT NOT NULL,
    pipeline_version TEXT NOT NULL,
    analysed_at      TEXT NOT NULL
);

CREATE TABLE articles (
    rowid       INTEGER PRIMARY KEY,            -- shared with articles_fts
    id          TEXT NOT NULL UNIQUE,
    page_id     TEXT NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    appended_to TEXT,
    outlet      TEXT,
    headline    TEXT,
    author      TEXT,
    published   TEXT,
    language    TEXT,
    text        TEXT NOT NULL,
    record      TEXT NOT NULL                   -- the exported JSON record
);
CREATE INDEX articles_page ON articles(page_id, seq);
CREATE INDEX articles_published ON articles(published);

CREATE TABLE removed_spans (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    reason     TEXT NOT NULL,
    line       INTEGER,
    text       TEXT NOT NULL,
    PRIMARY KEY (article_id, seq)
);

CREATE TABLE evidence (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    field      TEXT NOT NULL,                   -- outlet | author | published | updated
    value      TEXT NOT NULL,
    text       TEXT NOT NULL,
    rule       TEXT NOT NULL,
    line       INTEGER,
    PRIMARY KEY (article_id, field)
);

-- Terms are marsad's own search keys (normalised, clitics stripped), so the tokenizer only splits.
CREATE VIRTUAL TABLE articles_fts USING fts5(terms, tokenize = 'unicode61 remove_diacritics 0');

CREATE TABLE runs (
    id          INTEGER PRIMARY KEY,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    inputs      TEXT NOT NULL,                  -- JSON list of the paths given
    summary     TEXT                            -- JSON: counts and problems
);

CREATE TABLE run_pages (
    run_id  INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    seq     INTEGER NOT NULL,
    page_id TEXT NOT NULL REFERENCES pages(id),
    source  TEXT NOT NULL,                      -- the path (and locator) this run read it from
    locator TEXT,
    PRIMARY KEY (run_id, seq)
);

-- PostgreSQL edition of migrations/0001_init.sql: the same tables and columns; the full-text
-- index is a tsvector over the same normalised search terms, with a GIN index.
CREATE TABLE pages (
    id               TEXT PRIMARY KEY,
    source           TEXT NOT NULL,
    locator          TEXT,
    url              TEXT,
    fetched_at       TEXT,
    format           TEXT NOT NULL,
    encoding         TEXT NOT NULL,
    pipeline_version TEXT NOT NULL,
    analysed_at      TEXT NOT NULL
);

CREATE TABLE articles (
    rowid       BIGSERIAL PRIMARY KEY,          -- insertion order, as SQLite's rowid
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
    record      TEXT NOT NULL                   -- the exported JSON record, as text: key order kept
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
    field      TEXT NOT NULL,
    value      TEXT NOT NULL,
    text       TEXT NOT NULL,
    rule       TEXT NOT NULL,
    line       INTEGER,
    PRIMARY KEY (article_id, field)
);

-- marsad's own search keys (normalised, clitics stripped); the 'simple' configuration only
-- splits and lower-cases, so a key is matched as marsad wrote it.
CREATE TABLE articles_fts (
    rowid BIGINT PRIMARY KEY REFERENCES articles(rowid) ON DELETE CASCADE,
    terms TEXT NOT NULL,
    tsv   tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, terms)) STORED
);
CREATE INDEX articles_fts_tsv ON articles_fts USING GIN (tsv);

CREATE TABLE runs (
    id          BIGSERIAL PRIMARY KEY,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    inputs      TEXT NOT NULL,
    summary     TEXT
);

CREATE TABLE run_pages (
    run_id  BIGINT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    seq     INTEGER NOT NULL,
    page_id TEXT NOT NULL REFERENCES pages(id),
    source  TEXT NOT NULL,
    locator TEXT,
    PRIMARY KEY (run_id, seq)
);
CREATE INDEX run_pages_page ON run_pages(page_id);

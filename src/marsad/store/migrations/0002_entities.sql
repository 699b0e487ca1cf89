-- Names found in articles, the entities they resolve to across the store, and the search terms
-- that let one spelling of an entity find the others.
CREATE TABLE mentions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    type       TEXT NOT NULL,                   -- PER | LOC | ORG | MISC, as tagged
    start      INTEGER NOT NULL,                -- offsets into articles.text
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    key        TEXT NOT NULL,                   -- normalised reading, clitics off
    entity_id  TEXT,                            -- set by entity resolution after each run
    PRIMARY KEY (article_id, seq)
);
CREATE INDEX mentions_entity ON mentions(entity_id);

CREATE TABLE entities (
    id     TEXT PRIMARY KEY,
    name   TEXT NOT NULL,
    type   TEXT NOT NULL,
    record TEXT NOT NULL                        -- JSON: variants with counts per outlet, articles
);

-- Each word of each spelling of an entity, with the slot it fills in the entity's name: words
-- sharing a slot are spellings of one another (شويغو / شويجو), words in other slots are not.
CREATE TABLE entity_terms (
    term      TEXT NOT NULL,
    entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    slot      TEXT NOT NULL,
    PRIMARY KEY (term, entity_id, slot)
);
CREATE INDEX entity_terms_slot ON entity_terms(entity_id, slot);

-- PostgreSQL edition of migrations/0002_entities.sql, with a trigram index on the words of
-- entity names (pg_trgm): a misspelt name in a search finds the spellings the store knows.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE mentions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    type       TEXT NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    key        TEXT NOT NULL,
    entity_id  TEXT,
    PRIMARY KEY (article_id, seq)
);
CREATE INDEX mentions_entity ON mentions(entity_id);

CREATE TABLE entities (
    id     TEXT PRIMARY KEY,
    name   TEXT NOT NULL,
    type   TEXT NOT NULL,
    record TEXT NOT NULL
);

CREATE TABLE entity_terms (
    term      TEXT NOT NULL,
    entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    slot      TEXT NOT NULL,
    PRIMARY KEY (term, entity_id, slot)
);
CREATE INDEX entity_terms_slot ON entity_terms(entity_id, slot);
CREATE INDEX entity_terms_trgm ON entity_terms USING GIN (term gin_trgm_ops);

-- Incremental entity resolution (engine/cross.py): each mention's name keys (entities/resolve.py
-- NameKeys), so a run finds the stored entities its new mentions may join without reading every
-- mention; the entities whose mentions a re-analysed page took away, to rebuild; and the registry
-- the stored entities were resolved with (another registry means resolving everything again).
-- A store made before this migration has no keys yet: its next run resolves in full and fills them.
ALTER TABLE mentions ADD COLUMN words INTEGER;
ALTER TABLE mentions ADD COLUMN sound TEXT;
ALTER TABLE mentions ADD COLUMN first_sound TEXT;
ALTER TABLE mentions ADD COLUMN last_sound TEXT;
CREATE INDEX mentions_sound ON mentions(sound, words);
CREATE INDEX mentions_first_sound ON mentions(first_sound, words);
CREATE INDEX mentions_last_sound ON mentions(last_sound, words);
CREATE INDEX entities_name ON entities(name);

CREATE TABLE stale_entities (
    entity_id TEXT PRIMARY KEY
);

CREATE TABLE resolution_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

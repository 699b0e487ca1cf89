-- Each story's claim search as its last dossier left it (stories/dossier.ClaimSearch.to_json: the
-- sentences read, the claim each states, the disagreements found; zlib-compressed) and the
-- articles it read, in story order. A run whose new members of the story all come after those
-- goes on from it instead of reading every member's sentences again (engine/cross.py). SQLite's
-- form; PostgreSQL's (BYTEA) is in migrations_pg.
CREATE TABLE claim_searches (
    story_id TEXT PRIMARY KEY,
    members  TEXT NOT NULL,
    search   BLOB NOT NULL
);

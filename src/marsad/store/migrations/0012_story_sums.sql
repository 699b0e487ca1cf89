-- Each story as clustering holds it, without its members' vectors (stories/cluster.StorySums: the
-- sums of their word and entity counts, first and last day, index keys), with a digest of the
-- members they sum. A run restores a candidate story from its sums when the digest is of the
-- members the story has now and none of them had its entities changed, instead of reading every
-- member's vector (engine/cross.py). A store made before has none: its stories are restored from
-- their members once, and their sums kept then. Plain SQL read by both backends.
CREATE TABLE story_sums (
    story_id TEXT PRIMARY KEY,
    members  TEXT NOT NULL,
    sums     TEXT NOT NULL
);

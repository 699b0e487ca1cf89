-- Each article's story vector, computed once when the article is first clustered, so a run
-- vectorises only its new articles (stories/build.py). Plain SQL read by both backends.
CREATE TABLE story_vectors (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    terms      TEXT NOT NULL,                   -- JSON object: content word -> count, in text order
    signature  TEXT NOT NULL                    -- MinHash signature: hex of its little-endian uint64s
);

-- Each article's top words (stories/cluster.py `top_words`: its words by weighted count, the
-- weights fixed by the reference list), one row each: with the entities its mentions name, the
-- keys by which it finds the stories it may join. A run placing an undated article reads the
-- stories sharing enough of its keys, not every stored story (engine/cross.py). Plain SQL read
-- by both backends.
CREATE TABLE story_words (
    word       TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (word, article_id)
);
CREATE INDEX story_words_article ON story_words(article_id);
-- The vectors stored before had no words kept: dropped, the next run computes them again (from
-- the stored texts, the same vectors) with their words. Placements are kept.
DELETE FROM story_vectors;

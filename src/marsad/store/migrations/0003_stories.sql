-- Stories: which articles tell one event (kept from run to run, so new articles join them) and
-- each story's dossier as built from its articles.
CREATE TABLE story_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id   TEXT NOT NULL,
    copy_of    TEXT                              -- a near-copy of this article (syndication)
);
CREATE INDEX story_articles_story ON story_articles(story_id);

CREATE TABLE stories (
    id         TEXT PRIMARY KEY,
    title      TEXT NOT NULL,
    first_date TEXT,
    last_date  TEXT,
    articles   INTEGER NOT NULL,
    record     TEXT NOT NULL                     -- JSON: the dossier (see stories/dossier.py)
);
CREATE INDEX stories_last_date ON stories(last_date);

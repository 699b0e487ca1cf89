-- A small card per story (title, counts, outlets, top entities, dates) for list pages, so a
-- list does not parse every dossier.
ALTER TABLE stories ADD COLUMN card TEXT;

-- Each person mention's blocks (entities/resolve.completion_blocks: the words, first-word and
-- last-word sounds of the name it makes with the word after it, and with the word before it), so
-- a run finds the stored names one word short of a full name the store has just come to know by
-- that name's block instead of reading every mention beginning or ending alike. A store made
-- before has them filled by its next run (the mark below; engine/cross.py).
ALTER TABLE mentions ADD COLUMN next_block TEXT;
ALTER TABLE mentions ADD COLUMN previous_block TEXT;
CREATE INDEX mentions_next_block ON mentions(next_block);
CREATE INDEX mentions_previous_block ON mentions(previous_block);
INSERT INTO resolution_state (key, value) SELECT 'completion_blocks', 'to fill' WHERE EXISTS (SELECT 1 FROM mentions);

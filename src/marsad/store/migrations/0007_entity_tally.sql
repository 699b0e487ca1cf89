-- Each entity's mentions counted by (key, text, type, outlet): JSON [[key, text, type, outlet,
-- count], ...] (entities/resolve.py Tally). An incremental run reads a stored entity's tally
-- instead of every mention of it. Entities stored before this migration have none: the next run
-- resolves in full (resolve.RESOLUTION_FORMAT) and writes them.
ALTER TABLE entities ADD COLUMN tally TEXT;

-- The keys of a feed's items already ingested (a JSON array), so that a
-- restarted watch does not fetch and extract them again.
ALTER TABLE feeds ADD COLUMN seen TEXT NOT NULL DEFAULT '[]';

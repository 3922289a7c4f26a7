-- The extractor's structured reading of a people figure (what it
-- measures, whether it adds to an earlier figure, where it counts) and
-- the PDF page it was read on, so that reconciliation never re-parses
-- quotes. Older rows keep NULL and 0: re-extract to fill them.
ALTER TABLE claims ADD COLUMN measure TEXT;
ALTER TABLE claims ADD COLUMN increment BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE claims ADD COLUMN scope TEXT;
ALTER TABLE claims ADD COLUMN page INTEGER NOT NULL DEFAULT 0;

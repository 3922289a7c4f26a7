-- Pairs of claim filters that no single index served, each of whose
-- filters alone matches many claims, made queries read every claim of one
-- filter to check the other: "nationals in Moscow" (no such claim) read all
-- 60,000 Moscow claims, each looked up in the claims_grp index, and
-- "workers, at least 22,000" read all 480,000 workers' claims, each looked
-- up in the table. (100,000 articles; 0.4 and 2 s.)

-- claim_places copies its claim's group and event, so that a place with
-- either is checked on the place's own rows, without a lookup for each.
-- The writer may give them; the trigger copies them when it does not.
-- Neither changes after insert (a claim's other fields are replaced by
-- deleting it).
ALTER TABLE claim_places ADD COLUMN grp TEXT;
ALTER TABLE claim_places ADD COLUMN event TEXT;
UPDATE claim_places SET (grp, event) = (SELECT c.grp, c.event FROM claims c WHERE c.id = claim_places.claim_id);
-- A place with a group, in claim id order: the rows of a pair that no
-- claim has ("nationals in Moscow") are not read at all.
CREATE INDEX claim_places_grp ON claim_places (place, grp);
CREATE TRIGGER claim_places_copy AFTER INSERT ON claim_places
	WHEN new.grp IS NULL AND new.event IS NULL BEGIN
	UPDATE claim_places SET (grp, event) = (SELECT c.grp, c.event FROM claims c WHERE c.id = new.claim_id)
		WHERE place = new.place AND claim_id = new.claim_id;
END;

-- The minimum-figure filter (the larger end of a range, else the only
-- figure), so that a minimum few claims reach is read from here and
-- sorted rather than found by reading claims in id order.
CREATE INDEX claims_value ON claims (COALESCE(high, low));

-- The search index's terms, read by Search to learn whether a query word
-- is the start of any longer term: when it is not, the word is searched
-- as a term rather than as a prefix, which FTS5 answers lazily instead of
-- merging the word's whole document list first (and again for bm25).
-- A view of article_fts: it stores nothing.
CREATE VIRTUAL TABLE article_fts_vocab USING fts5vocab(article_fts, 'row');

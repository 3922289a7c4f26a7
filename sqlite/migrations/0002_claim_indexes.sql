-- Claim indexes end in latest: the API asks for latest versions' claims,
-- and an index whose columns are all matched by equality returns rows in
-- id order, so that a page (ORDER BY id LIMIT n) needs no sort and a count
-- reads the index alone. The low/high indexes never served the COALESCE
-- value filters.
DROP INDEX claims_kind;
DROP INDEX claims_grp;
DROP INDEX claims_event;
DROP INDEX claims_source;
DROP INDEX claims_outlet;
DROP INDEX claims_low;
DROP INDEX claims_high;
CREATE INDEX claims_kind_grp ON claims (kind, grp, latest);
CREATE INDEX claims_kind ON claims (kind, latest);
CREATE INDEX claims_grp ON claims (grp, latest);
CREATE INDEX claims_event ON claims (event, latest);
CREATE INDEX claims_source ON claims (source, latest);
CREATE INDEX claims_outlet ON claims (outlet, latest);

-- The search index holds latest versions only: a superseded text is never
-- a hit, and search need not look each match up to find out.
DROP TRIGGER article_versions_ai;
DROP TRIGGER article_versions_ad;
DROP TRIGGER article_versions_au;
INSERT INTO article_fts (article_fts, rowid, title, text)
	SELECT 'delete', id, title, text FROM article_versions WHERE latest = 0;
CREATE TRIGGER article_versions_ai AFTER INSERT ON article_versions WHEN new.latest = 1 BEGIN
	INSERT INTO article_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER article_versions_ad AFTER DELETE ON article_versions WHEN old.latest = 1 BEGIN
	INSERT INTO article_fts (article_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER article_versions_superseded AFTER UPDATE OF latest ON article_versions
	WHEN old.latest = 1 AND new.latest = 0 BEGIN
	INSERT INTO article_fts (article_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER article_versions_current AFTER UPDATE OF latest ON article_versions
	WHEN old.latest = 0 AND new.latest = 1 BEGIN
	INSERT INTO article_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER article_versions_au AFTER UPDATE OF title, text ON article_versions
	WHEN old.latest = 1 AND new.latest = 1 BEGIN
	INSERT INTO article_fts (article_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
	INSERT INTO article_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

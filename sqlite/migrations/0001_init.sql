-- One row per article identity: its canonical URL, or the hash of its
-- text when the URL is unknown.
CREATE TABLE articles (
	id       INTEGER PRIMARY KEY,
	identity TEXT NOT NULL UNIQUE
);

-- One row per distinct text seen at an identity. Claims point here, so a
-- changed article keeps the claims of each of its versions.
CREATE TABLE article_versions (
	id         INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	version    INTEGER NOT NULL,
	latest     INTEGER NOT NULL DEFAULT 1,
	name       TEXT NOT NULL,
	url        TEXT,
	title      TEXT,
	outlet     TEXT,
	published  TEXT, -- YYYY-MM-DD
	lang       TEXT,
	text       TEXT NOT NULL,
	hash       TEXT NOT NULL,
	first_seen TEXT NOT NULL, -- RFC 3339, UTC
	last_seen  TEXT NOT NULL,
	UNIQUE (article_id, hash),
	UNIQUE (article_id, version)
);
CREATE INDEX article_versions_published ON article_versions (published, id);
CREATE INDEX article_versions_outlet ON article_versions (outlet, published);
CREATE INDEX article_versions_latest ON article_versions (latest, published);

-- outlet, url, published and latest copy the article version's so that
-- claim filters need no join.
CREATE TABLE claims (
	id         INTEGER PRIMARY KEY,
	version_id INTEGER NOT NULL REFERENCES article_versions (id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	latest     INTEGER NOT NULL DEFAULT 1,
	article    TEXT NOT NULL,
	kind       TEXT NOT NULL,
	grp        TEXT,
	event      TEXT,
	low        REAL,
	high       REAL,
	qualifier  TEXT,
	unit       TEXT,
	per        TEXT,
	place      TEXT NOT NULL DEFAULT '[]', -- JSON array
	when_from  TEXT,
	when_to    TEXT,
	source     TEXT,
	via        TEXT,
	orgs       TEXT NOT NULL DEFAULT '[]', -- JSON array
	lang       TEXT,
	quote      TEXT NOT NULL,
	start      INTEGER NOT NULL,
	"end"      INTEGER NOT NULL,
	extractor  TEXT,
	outlet     TEXT,
	url        TEXT,
	published  TEXT,
	UNIQUE (version_id, seq)
);
CREATE INDEX claims_kind ON claims (kind, grp, event);
CREATE INDEX claims_grp ON claims (grp, event);
CREATE INDEX claims_event ON claims (event);
CREATE INDEX claims_source ON claims (source);
CREATE INDEX claims_outlet ON claims (outlet);
CREATE INDEX claims_article ON claims (article);
CREATE INDEX claims_published ON claims (published);
CREATE INDEX claims_low ON claims (low);
CREATE INDEX claims_high ON claims (high);

-- The place filter's index: one row per place named by a claim.
CREATE TABLE claim_places (
	claim_id INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
	place    TEXT NOT NULL,
	PRIMARY KEY (place, claim_id)
) WITHOUT ROWID;
CREATE INDEX claim_places_claim ON claim_places (claim_id);

CREATE VIRTUAL TABLE article_fts USING fts5 (
	title, text,
	content = 'article_versions', content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER article_versions_ai AFTER INSERT ON article_versions BEGIN
	INSERT INTO article_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER article_versions_ad AFTER DELETE ON article_versions BEGIN
	INSERT INTO article_fts (article_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER article_versions_au AFTER UPDATE OF title, text ON article_versions BEGIN
	INSERT INTO article_fts (article_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
	INSERT INTO article_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE TABLE feeds (
	url           TEXT PRIMARY KEY,
	etag          TEXT,
	last_modified TEXT,
	last_polled   TEXT,
	last_error    TEXT,
	failures      INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE tokens (
	id        INTEGER PRIMARY KEY,
	name      TEXT NOT NULL UNIQUE,
	hash      TEXT NOT NULL UNIQUE,
	created   TEXT NOT NULL,
	last_used TEXT
);

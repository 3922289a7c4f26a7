-- One row per article identity: its canonical URL, or the hash of its
-- text when the URL is unknown.
CREATE TABLE articles (
	id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	identity TEXT NOT NULL UNIQUE
);

-- One row per distinct text seen at an identity. Claims point here, so a
-- changed article keeps the claims of each of its versions.
CREATE TABLE article_versions (
	id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	version    INTEGER NOT NULL,
	latest     BOOLEAN NOT NULL DEFAULT true,
	name       TEXT NOT NULL,
	url        TEXT,
	title      TEXT,
	outlet     TEXT,
	published  DATE,
	lang       TEXT,
	text       TEXT NOT NULL,
	hash       TEXT NOT NULL,
	first_seen TIMESTAMPTZ NOT NULL,
	last_seen  TIMESTAMPTZ NOT NULL,
	-- 'simple': no stemming, so Korean and Russian index as well as English.
	-- The text is cut so that a huge page cannot overflow a tsvector.
	search     TSVECTOR GENERATED ALWAYS AS (
		setweight(to_tsvector('simple', coalesce(title, '')), 'A') ||
		setweight(to_tsvector('simple', left(text, 200000)), 'B')) STORED,
	UNIQUE (article_id, hash),
	UNIQUE (article_id, version)
);
CREATE INDEX article_versions_published ON article_versions (published DESC NULLS LAST, id DESC);
CREATE INDEX article_versions_outlet ON article_versions (outlet, published);
CREATE INDEX article_versions_search ON article_versions USING GIN (search);

-- outlet, url, published and latest copy the article version's so that
-- claim filters need no join.
CREATE TABLE claims (
	id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	version_id BIGINT NOT NULL REFERENCES article_versions (id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	latest     BOOLEAN NOT NULL DEFAULT true,
	article    TEXT NOT NULL,
	kind       TEXT NOT NULL,
	grp        TEXT,
	event      TEXT,
	low        DOUBLE PRECISION,
	high       DOUBLE PRECISION,
	qualifier  TEXT,
	unit       TEXT,
	per        TEXT,
	place      TEXT[] NOT NULL DEFAULT '{}',
	when_from  DATE,
	when_to    DATE,
	source     TEXT,
	via        TEXT,
	orgs       TEXT[] NOT NULL DEFAULT '{}',
	lang       TEXT,
	quote      TEXT NOT NULL,
	start      INTEGER NOT NULL,
	"end"      INTEGER NOT NULL,
	extractor  TEXT,
	outlet     TEXT,
	url        TEXT,
	published  DATE,
	UNIQUE (version_id, seq)
);
CREATE INDEX claims_kind ON claims (kind, grp, event);
CREATE INDEX claims_grp ON claims (grp, event);
CREATE INDEX claims_event ON claims (event);
CREATE INDEX claims_source ON claims (source);
CREATE INDEX claims_outlet ON claims (outlet);
CREATE INDEX claims_article ON claims (article);
CREATE INDEX claims_published ON claims (published);
CREATE INDEX claims_place ON claims USING GIN (place);

CREATE TABLE feeds (
	url           TEXT PRIMARY KEY,
	etag          TEXT,
	last_modified TEXT,
	last_polled   TIMESTAMPTZ,
	last_error    TEXT,
	failures      INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE tokens (
	id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	name      TEXT NOT NULL UNIQUE,
	hash      TEXT NOT NULL UNIQUE,
	created   TIMESTAMPTZ NOT NULL,
	last_used TIMESTAMPTZ
);

-- Who and what together ("soldiers killed") is the dashboard's commonest
-- pair of filters: this index pages and counts it without table lookups.
CREATE INDEX claims_grp_event ON claims (grp, event, latest);

-- Claim indexes end in (latest, id): with each leading column matched by
-- equality, as the API's filters on latest versions are, a page of claims
-- (ORDER BY id LIMIT n) is read in order and needs no sort.
DROP INDEX claims_kind;
DROP INDEX claims_grp;
DROP INDEX claims_event;
DROP INDEX claims_source;
DROP INDEX claims_outlet;
CREATE INDEX claims_kind_grp ON claims (kind, grp, latest, id);
CREATE INDEX claims_grp ON claims (grp, latest, id);
CREATE INDEX claims_grp_event ON claims (grp, event, latest, id);
CREATE INDEX claims_event ON claims (event, latest, id);
CREATE INDEX claims_source ON claims (source, latest, id);
CREATE INDEX claims_outlet ON claims (outlet, latest, id);

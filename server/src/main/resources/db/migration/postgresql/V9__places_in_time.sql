-- One GiST index over place and time (btree_gist gives the time its GiST operators), so a search
-- by place and date window reads only the requests in both, instead of intersecting every
-- request in the place with every request in the window. It also serves searches by place
-- alone, so it replaces the place-only index. Like postgis, the extension must exist or be
-- creatable by the migrating user (it is a trusted extension; see docs/POSTGRESQL.md).
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE INDEX service_requests_place_time ON service_requests USING GIST (location, requested_at);
DROP INDEX service_requests_location;

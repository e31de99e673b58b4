-- A key's request count and last use are now counted from the requests it posted, so no write
-- touches one shared api_keys row (that row serialised every create on a busy key). The old
-- columns stay, unused: migrations are append-only.
CREATE INDEX service_requests_by_key ON service_requests (api_key_id, requested_at);

-- The staff queue's "by expected date" order walks this index: requests with an expected time,
-- soonest first. Migrations are append-only.
CREATE INDEX service_requests_expected_order ON service_requests (jurisdiction_id, expected_at, id);

-- Requests brought in from another system keep that system's id, so that importing the same file
-- again finds them instead of adding them twice. The digest is a hash of the source row as read:
-- a rerun skips a row whose digest did not change, and rewrites one whose digest did.
ALTER TABLE service_requests ADD COLUMN external_source TEXT;
ALTER TABLE service_requests ADD COLUMN external_id TEXT;
ALTER TABLE service_requests ADD COLUMN external_digest TEXT;
CREATE UNIQUE INDEX service_requests_by_external_id
  ON service_requests (jurisdiction_id, external_source, external_id) WHERE external_id IS NOT NULL;

-- Rate limits on writes, and "me too" counted once per supporter and day. Migrations are
-- append-only: never edit a released file.

-- A key's own limit, set by staff: writes a minute and the burst. NULL in both takes the
-- configured default (limits.api_key). The buckets themselves live in memory on SQLite, which
-- serves one node; PostgreSQL keeps them in a table (rate_buckets) that every node shares.
ALTER TABLE api_keys ADD COLUMN writes_per_minute INTEGER;
ALTER TABLE api_keys ADD COLUMN write_burst INTEGER;

-- Who said "me too" to a request on a day (in the jurisdiction's zone), as a hash of the
-- supporter and the day. Rows older than yesterday are deleted as new ones arrive.
CREATE TABLE request_supporters (
  request_id      INTEGER NOT NULL REFERENCES service_requests(id),
  day             INTEGER NOT NULL,           -- days since 1970-01-01
  supporter       TEXT NOT NULL,              -- SHA-256 of the day and the supporter's address
  PRIMARY KEY (request_id, day, supporter)
) WITHOUT ROWID;
CREATE INDEX request_supporters_by_day ON request_supporters (day);

-- Rate limits on writes, and "me too" counted once per supporter and day. Migrations are
-- append-only: never edit a released file.

-- A key's own limit, set by staff: writes a minute and the burst. NULL in both takes the
-- configured default (limits.api_key).
ALTER TABLE api_keys ADD COLUMN writes_per_minute INTEGER;
ALTER TABLE api_keys ADD COLUMN write_burst INTEGER;

-- The token buckets of the limits, shared by every node. The layout is the one Bucket4j's
-- PostgreSQL module reads and writes: the bucket's name, its serialised state, and the time
-- (epoch milliseconds) after which the bucket is full again and its row may be removed.
CREATE TABLE rate_buckets (
  id              TEXT PRIMARY KEY,
  state           BYTEA,
  expires_at      BIGINT
);
CREATE INDEX rate_buckets_by_expiry ON rate_buckets (expires_at);

-- Who said "me too" to a request on a day (in the jurisdiction's zone), as a hash of the
-- supporter and the day, so that nodes agree on whether a supporter counted already. Rows older
-- than yesterday are deleted as new ones arrive.
CREATE TABLE request_supporters (
  request_id      BIGINT NOT NULL REFERENCES service_requests(id),
  day             INTEGER NOT NULL,
  supporter       TEXT NOT NULL,
  PRIMARY KEY (request_id, day, supporter)
);
CREATE INDEX request_supporters_by_day ON request_supporters (day);

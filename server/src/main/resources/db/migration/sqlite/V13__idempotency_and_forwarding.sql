-- Idempotent POSTs and forwarding to upstream Open311 servers (issue 15). Migrations are
-- append-only: never edit a released file.

-- One row per Idempotency-Key an API key has used in the last 24 hours. The primary key is what
-- makes two concurrent posts with one key create one request: the second insert conflicts. The
-- answer stays NULL while the first post is being processed.
CREATE TABLE idempotency_keys (
  api_key_id      INTEGER NOT NULL,
  key_hash        TEXT NOT NULL,              -- SHA-256 of the header's value, hex
  body_hash       TEXT NOT NULL,              -- SHA-256 of the path, parameters and uploads, hex
  created_at      INTEGER NOT NULL,           -- epoch milliseconds
  status          INTEGER,
  content_type    TEXT,
  body            BLOB,
  PRIMARY KEY (api_key_id, key_hash)
) WITHOUT ROWID;
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);

-- The forwarding outbox: one row per request to send upstream, written in the request's own
-- transaction. A sender claims a row by moving claimed_until into the future, so one node sends it.
CREATE TABLE forward_outbox (
  request_id      INTEGER PRIMARY KEY REFERENCES service_requests(id),
  upstream        TEXT NOT NULL,              -- the upstream's name in the configuration
  state           TEXT NOT NULL,              -- waiting, sent, failed, cancelled
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_try_at     INTEGER NOT NULL,
  claimed_until   INTEGER NOT NULL DEFAULT 0,
  last_error      TEXT,
  upstream_id     TEXT,                       -- the upstream's service_request_id
  upstream_token  TEXT,
  created_at      INTEGER NOT NULL,
  sent_at         INTEGER
);
CREATE INDEX forward_outbox_due ON forward_outbox (state, next_try_at);

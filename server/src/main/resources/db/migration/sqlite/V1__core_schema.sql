-- Core GeoReport schema. Migrations are append-only: never edit a released file, add a new one.
CREATE TABLE jurisdictions (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  time_zone  TEXT NOT NULL,
  changeset  INTEGER NOT NULL               -- epoch ms of the last catalogue change
);

CREATE TABLE services (
  jurisdiction_id    TEXT NOT NULL REFERENCES jurisdictions(id),
  code               TEXT NOT NULL,
  position           INTEGER NOT NULL,
  name               TEXT NOT NULL,
  description        TEXT,
  type               TEXT NOT NULL CHECK (type IN ('realtime', 'batch', 'blackbox')),
  keywords           TEXT,
  group_name         TEXT,
  service_notice     TEXT,
  agency_responsible TEXT,
  attributes         TEXT NOT NULL,         -- JSON array of the definition's attributes
  retired            INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (jurisdiction_id, code)
);

CREATE TABLE api_keys (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  jurisdiction_id TEXT NOT NULL REFERENCES jurisdictions(id),
  key_hash        TEXT NOT NULL UNIQUE,     -- SHA-256 of the key; the key itself is never stored
  key_prefix      TEXT NOT NULL,
  label           TEXT NOT NULL,
  source          TEXT NOT NULL,            -- 'config' or 'command'
  created_at      INTEGER NOT NULL,
  revoked_at      INTEGER,
  last_used_at    INTEGER,
  request_count   INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE service_requests (
  id                 INTEGER PRIMARY KEY AUTOINCREMENT,
  jurisdiction_id    TEXT NOT NULL REFERENCES jurisdictions(id),
  service_code       TEXT NOT NULL,
  service_name       TEXT NOT NULL,
  status             TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  status_notes       TEXT,
  description        TEXT,
  agency_responsible TEXT,
  service_notice     TEXT,
  requested_at       INTEGER NOT NULL,      -- epoch ms
  updated_at         INTEGER NOT NULL,
  expected_at        INTEGER,
  address            TEXT,
  address_id         TEXT,
  zipcode            TEXT,
  lat                REAL,
  lon                REAL,
  media_url          TEXT,
  token              TEXT UNIQUE,
  attributes         TEXT NOT NULL,         -- JSON object: code -> list of submitted values
  api_key_id         INTEGER REFERENCES api_keys(id),
  -- personal data: stored for the city, never written to public output
  email              TEXT,
  phone              TEXT,
  first_name         TEXT,
  last_name          TEXT,
  device_id          TEXT,
  account_id         TEXT
);

-- GET requests: newest first within a jurisdiction, ties broken by id.
CREATE INDEX service_requests_newest ON service_requests (jurisdiction_id, requested_at DESC, id DESC);

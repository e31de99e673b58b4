-- The staff back office: accounts, sessions, internal notes, response templates, moderation and
-- an append-only audit log. Migrations are append-only: never edit a released file.

CREATE TABLE staff_users (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  username        TEXT NOT NULL UNIQUE,
  display_name    TEXT NOT NULL,
  password_hash   TEXT NOT NULL,              -- Argon2id, PHC string form
  role            TEXT NOT NULL CHECK (role IN ('administrator', 'agent', 'viewer')),
  active          INTEGER NOT NULL DEFAULT 1,
  created_at      INTEGER NOT NULL,
  failed_logins   INTEGER NOT NULL DEFAULT 0, -- consecutive failures since the last success
  locked_until    INTEGER                     -- epoch ms; logins refused before it
);

-- What an agent may work: a jurisdiction, and within it one agency or (agency NULL) all of them.
CREATE TABLE staff_grants (
  user_id         INTEGER NOT NULL REFERENCES staff_users(id),
  jurisdiction_id TEXT NOT NULL REFERENCES jurisdictions(id),
  agency          TEXT
);
CREATE INDEX staff_grants_by_user ON staff_grants (user_id);

-- Sessions live in the database so that any node can serve any staff page.
CREATE TABLE staff_sessions (
  token_hash      TEXT PRIMARY KEY,           -- SHA-256 of the cookie value
  user_id         INTEGER NOT NULL REFERENCES staff_users(id),
  csrf_token      TEXT NOT NULL,
  created_at      INTEGER NOT NULL,
  expires_at      INTEGER NOT NULL
);
CREATE INDEX staff_sessions_by_user ON staff_sessions (user_id);

CREATE TABLE internal_notes (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  request_id      INTEGER NOT NULL REFERENCES service_requests(id),
  user_id         INTEGER NOT NULL REFERENCES staff_users(id),
  body            TEXT NOT NULL,
  created_at      INTEGER NOT NULL
);
CREATE INDEX internal_notes_by_request ON internal_notes (request_id, created_at);

CREATE TABLE response_templates (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  jurisdiction_id TEXT NOT NULL REFERENCES jurisdictions(id),
  service_code    TEXT,                       -- NULL: offered for every service
  title           TEXT NOT NULL,
  body            TEXT NOT NULL,
  status          TEXT                        -- extended status it suggests, or NULL
);
CREATE INDEX response_templates_by_service ON response_templates (jurisdiction_id, service_code);

CREATE TABLE audit_log (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  at              INTEGER NOT NULL,
  user_id         INTEGER,
  username        TEXT NOT NULL,
  action          TEXT NOT NULL,
  target_type     TEXT NOT NULL,
  target_id       TEXT NOT NULL,
  jurisdiction_id TEXT,
  before_json     TEXT,
  after_json      TEXT,
  client          TEXT
);
CREATE INDEX audit_log_by_time ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_by_target ON audit_log (target_type, target_id, at DESC);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- Moderation: a hidden request is left out of every public answer.
ALTER TABLE service_requests ADD COLUMN hidden_reason TEXT;
ALTER TABLE service_requests ADD COLUMN hidden_at INTEGER;

CREATE INDEX service_requests_by_duplicate ON service_requests (duplicate_of);
CREATE INDEX service_requests_by_expected ON service_requests (jurisdiction_id, status, expected_at);

-- 'config': the configuration file is the catalogue's source; 'staff': edited in the back
-- office, and from then on the file's services no longer overwrite it.
ALTER TABLE jurisdictions ADD COLUMN catalogue_source TEXT NOT NULL DEFAULT 'config';

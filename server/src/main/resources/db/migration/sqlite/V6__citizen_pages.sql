-- The citizen pages: "me too" support, followers who hear of status changes by mail, and the
-- mail notifier's position in the update history. Migrations are append-only.

ALTER TABLE service_requests ADD COLUMN support_count INTEGER NOT NULL DEFAULT 0;

CREATE TABLE request_followers (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  request_id      INTEGER NOT NULL REFERENCES service_requests(id),
  email           TEXT NOT NULL,
  locale          TEXT NOT NULL,              -- language of the mails: en, es
  token           TEXT NOT NULL UNIQUE,       -- in the unsubscribe link
  created_at      INTEGER NOT NULL,
  unsubscribed_at INTEGER
);
CREATE INDEX request_followers_by_request ON request_followers (request_id);

-- Where each background job got to in request_updates (by row id), so that any node can take
-- the next batch and nothing is mailed twice in the normal course.
CREATE TABLE job_cursors (
  name            TEXT PRIMARY KEY,
  position        INTEGER NOT NULL
);
INSERT INTO job_cursors (name, position) SELECT 'status_mail', COALESCE(MAX(id), 0) FROM request_updates;

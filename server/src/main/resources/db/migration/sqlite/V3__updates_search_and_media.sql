-- The update history (mySociety model), full-text search, and media of requests.
ALTER TABLE service_requests ADD COLUMN extended_status TEXT;
ALTER TABLE service_requests ADD COLUMN channel TEXT NOT NULL DEFAULT 'api';
ALTER TABLE service_requests ADD COLUMN parent_request_id INTEGER REFERENCES service_requests(id);
ALTER TABLE service_requests ADD COLUMN duplicate_of INTEGER REFERENCES service_requests(id);

CREATE INDEX service_requests_updated ON service_requests (jurisdiction_id, updated_at DESC, id DESC);
CREATE INDEX service_requests_by_agency ON service_requests (jurisdiction_id, agency_responsible, requested_at DESC, id DESC);

CREATE TABLE request_updates (
  id                   INTEGER PRIMARY KEY AUTOINCREMENT,
  jurisdiction_id      TEXT NOT NULL REFERENCES jurisdictions(id),
  request_id           INTEGER NOT NULL REFERENCES service_requests(id),
  update_id            TEXT NOT NULL,        -- public id, given by the poster or made from id
  status               TEXT NOT NULL,        -- extended status, lower case
  description          TEXT,
  updated_at           INTEGER NOT NULL,     -- when it happened, epoch ms
  recorded_at          INTEGER NOT NULL,     -- when it was stored, epoch ms
  media_url            TEXT,
  external_status_code TEXT,
  api_key_id           INTEGER REFERENCES api_keys(id),
  UNIQUE (jurisdiction_id, update_id)
);
CREATE INDEX request_updates_by_time ON request_updates (jurisdiction_id, updated_at, id);
CREATE INDEX request_updates_by_request ON request_updates (request_id, updated_at, id);

CREATE TABLE request_media (
  request_id   INTEGER REFERENCES service_requests(id),
  update_id    INTEGER REFERENCES request_updates(id),
  position     INTEGER NOT NULL,
  media_key    TEXT,                         -- stored upload (content address); null for a link
  media_type   TEXT,
  url          TEXT,                         -- a posted media_url
  thumb_key    TEXT
);
CREATE INDEX request_media_by_request ON request_media (request_id, position);
CREATE INDEX request_media_by_update ON request_media (update_id, position);

-- Full-text search over description, address and status notes, kept in step by triggers.
CREATE VIRTUAL TABLE service_requests_text USING fts5(
  description, address, status_notes, content='service_requests', content_rowid='id');
INSERT INTO service_requests_text (rowid, description, address, status_notes)
  SELECT id, description, address, status_notes FROM service_requests;

CREATE TRIGGER service_requests_text_insert AFTER INSERT ON service_requests BEGIN
  INSERT INTO service_requests_text (rowid, description, address, status_notes)
    VALUES (NEW.id, NEW.description, NEW.address, NEW.status_notes);
END;
CREATE TRIGGER service_requests_text_delete AFTER DELETE ON service_requests BEGIN
  INSERT INTO service_requests_text (service_requests_text, rowid, description, address, status_notes)
    VALUES ('delete', OLD.id, OLD.description, OLD.address, OLD.status_notes);
END;
CREATE TRIGGER service_requests_text_update AFTER UPDATE OF description, address, status_notes ON service_requests
BEGIN
  INSERT INTO service_requests_text (service_requests_text, rowid, description, address, status_notes)
    VALUES ('delete', OLD.id, OLD.description, OLD.address, OLD.status_notes);
  INSERT INTO service_requests_text (rowid, description, address, status_notes)
    VALUES (NEW.id, NEW.description, NEW.address, NEW.status_notes);
END;

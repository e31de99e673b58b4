-- Live events (issue 17): one durable log of public events, written by triggers in the same
-- transaction as the change, so no write path can forget it. Migrations are append-only: never
-- edit a released file.
--
-- A row holds only what the filters need (jurisdiction, service, core status, place) and what
-- names the change; the public text of an event is made when it is read, through the same public
-- view as the API, so no free text is copied here unmasked. SQLite has one writer, so ids are
-- committed in order and a reader that has seen id n never later finds an id below n.
CREATE TABLE events (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  at              INTEGER NOT NULL,           -- when it was logged, epoch ms
  kind            TEXT NOT NULL,              -- request.created, request.updated, request.hidden, request.restored, request.merged
  jurisdiction_id TEXT NOT NULL,
  request_id      INTEGER NOT NULL,
  update_row      INTEGER,                    -- request_updates.id of a request.updated
  service_code    TEXT NOT NULL,
  status          TEXT NOT NULL,              -- the core status after the change
  lat             REAL,
  lon             REAL
);

-- Imported rows are a city's history, not news: an import writes no events.
CREATE TRIGGER events_request_created AFTER INSERT ON service_requests
  WHEN NEW.channel <> 'import'
BEGIN
  INSERT INTO events (at, kind, jurisdiction_id, request_id, service_code, status, lat, lon)
  VALUES (CAST(unixepoch('subsec') * 1000 AS INTEGER), 'request.created', NEW.jurisdiction_id, NEW.id,
          NEW.service_code, NEW.status, NEW.lat, NEW.lon);
END;

-- An update's core status is worked out from its extended status as the store does
-- (org.civic311.georeport.ExtendedStatus); 'unchanged' keeps the request's.
CREATE TRIGGER events_request_updated AFTER INSERT ON request_updates
  WHEN NOT (NEW.api_key_id IS NULL AND instr(NEW.update_id, ':') > 0
            AND EXISTS (SELECT 1 FROM service_requests r WHERE r.id = NEW.request_id AND r.channel = 'import'))
BEGIN
  INSERT INTO events (at, kind, jurisdiction_id, request_id, update_row, service_code, status, lat, lon)
  SELECT CAST(unixepoch('subsec') * 1000 AS INTEGER), 'request.updated', r.jurisdiction_id, r.id, NEW.id,
         r.service_code,
         CASE WHEN NEW.status IN ('closed', 'fixed', 'duplicate', 'not_councils_responsibility', 'no_further_action', 'cancelled')
              THEN 'closed' WHEN NEW.status = 'unchanged' THEN r.status ELSE 'open' END,
         r.lat, r.lon
  FROM service_requests r WHERE r.id = NEW.request_id;
END;

CREATE TRIGGER events_request_hidden AFTER UPDATE OF hidden_at ON service_requests
  WHEN (OLD.hidden_at IS NULL) <> (NEW.hidden_at IS NULL)
BEGIN
  INSERT INTO events (at, kind, jurisdiction_id, request_id, service_code, status, lat, lon)
  VALUES (CAST(unixepoch('subsec') * 1000 AS INTEGER),
          CASE WHEN NEW.hidden_at IS NULL THEN 'request.restored' ELSE 'request.hidden' END,
          NEW.jurisdiction_id, NEW.id, NEW.service_code, NEW.status, NEW.lat, NEW.lon);
END;

CREATE TRIGGER events_request_merged AFTER UPDATE OF duplicate_of ON service_requests
  WHEN NEW.duplicate_of IS NOT NULL AND (OLD.duplicate_of IS NULL OR OLD.duplicate_of <> NEW.duplicate_of)
BEGIN
  INSERT INTO events (at, kind, jurisdiction_id, request_id, service_code, status, lat, lon)
  VALUES (CAST(unixepoch('subsec') * 1000 AS INTEGER), 'request.merged', NEW.jurisdiction_id, NEW.id,
          NEW.service_code, NEW.status, NEW.lat, NEW.lon);
END;

-- Webhooks: an API key's owner asks for events to be POSTed to a URL. Each hook keeps its own
-- place in the log (position), so delivery resumes after a restart or an outage of the receiver.
CREATE TABLE webhooks (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  api_key_id      INTEGER NOT NULL REFERENCES api_keys(id),
  jurisdiction_id TEXT NOT NULL REFERENCES jurisdictions(id),
  url             TEXT NOT NULL,
  secret          TEXT NOT NULL,              -- the signing key; shared with the receiver, so kept as is
  filters         TEXT NOT NULL,              -- a query string read as GET requests reads one
  position        INTEGER NOT NULL,           -- the last event delivered or passed over
  state           TEXT NOT NULL,              -- active, failed, removed
  attempts        INTEGER NOT NULL DEFAULT 0, -- failed tries of the event after position
  failing_since   INTEGER,                    -- first failed try of that event, epoch ms
  next_try_at     INTEGER NOT NULL DEFAULT 0,
  claimed_until   INTEGER NOT NULL DEFAULT 0, -- a node delivering it holds it until then
  created_at      INTEGER NOT NULL
);
CREATE INDEX webhooks_by_key ON webhooks (api_key_id);

-- The last answers of each hook's receiver, for the back office.
CREATE TABLE webhook_deliveries (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  webhook_id      INTEGER NOT NULL REFERENCES webhooks(id),
  event_id        INTEGER NOT NULL,           -- 0 for a test event
  at              INTEGER NOT NULL,
  status          INTEGER,                    -- the HTTP status, or NULL when there was no answer
  outcome         TEXT NOT NULL,
  millis          INTEGER NOT NULL
);
CREATE INDEX webhook_deliveries_by_hook ON webhook_deliveries (webhook_id, id DESC);

-- Statistics answer from rollups kept in the same transaction as every write to a request, so
-- the dashboard never scans the requests (docs/STATISTICS.md). Every rollup is a sum of
-- contributions of single requests: a trigger takes the old row's away and adds the new row's,
-- so creates, updates, closures, imports, edits by staff and copies all keep them exact.
-- Days are UTC days since 1970 (requested_at / 86400000); the map's counts are per UTC month.
-- A close time falls in a bucket: hours 0..71 for the first three days (buckets 0..71), then one
-- bucket per whole day (bucket 69 + days, from 72 for three days), capped at 1069 (1000 days).
-- stats.CloseTimes in the server reads buckets back; the two must agree.

ALTER TABLE services ADD COLUMN sla_days INTEGER;
-- True while expected_at is the server's estimate, not a date set by staff or a source system.
ALTER TABLE service_requests ADD COLUMN expected_estimated INTEGER NOT NULL DEFAULT 0;

CREATE TABLE stats_days (
  jurisdiction_id TEXT NOT NULL,
  day             INTEGER NOT NULL,
  service_code    TEXT NOT NULL,
  agency          TEXT NOT NULL,          -- '' when none
  opened          INTEGER NOT NULL,       -- requests made that day
  closed          INTEGER NOT NULL,       -- requests whose last closing fell on that day
  PRIMARY KEY (jurisdiction_id, day, service_code, agency)
) WITHOUT ROWID;

CREATE TABLE stats_close_times (
  jurisdiction_id TEXT NOT NULL,
  day             INTEGER NOT NULL,       -- the day of closing
  service_code    TEXT NOT NULL,
  bucket          INTEGER NOT NULL,
  n               INTEGER NOT NULL,
  PRIMARY KEY (jurisdiction_id, day, service_code, bucket)
) WITHOUT ROWID;
-- The learned estimates read one service's recent closings.
CREATE INDEX stats_close_times_by_service ON stats_close_times (jurisdiction_id, service_code, day);

CREATE TABLE stats_cells (
  jurisdiction_id TEXT NOT NULL,
  month           INTEGER NOT NULL,       -- year * 12 + month - 1, UTC
  service_code    TEXT NOT NULL,
  cell_lat        INTEGER NOT NULL,       -- floor(lat * 100): cells of 0.01 degree
  cell_lon        INTEGER NOT NULL,
  n               INTEGER NOT NULL,
  PRIMARY KEY (jurisdiction_id, month, service_code, cell_lat, cell_lon)
) WITHOUT ROWID;

CREATE TABLE stats_open (
  jurisdiction_id TEXT NOT NULL,
  service_code    TEXT NOT NULL,
  agency          TEXT NOT NULL,
  n               INTEGER NOT NULL,       -- requests whose status is open now
  PRIMARY KEY (jurisdiction_id, service_code, agency)
) WITHOUT ROWID;

-- Backfill from the rows already there.
INSERT INTO stats_days (jurisdiction_id, day, service_code, agency, opened, closed)
  SELECT jurisdiction_id, requested_at / 86400000, service_code, COALESCE(agency_responsible, ''), COUNT(*), 0
  FROM service_requests WHERE true GROUP BY 1, 2, 3, 4;
INSERT INTO stats_days (jurisdiction_id, day, service_code, agency, opened, closed)
  SELECT jurisdiction_id, closed_at / 86400000, service_code, COALESCE(agency_responsible, ''), 0, COUNT(*)
  FROM service_requests WHERE closed_at IS NOT NULL GROUP BY 1, 2, 3, 4
  ON CONFLICT (jurisdiction_id, day, service_code, agency) DO UPDATE SET closed = excluded.closed;
INSERT INTO stats_close_times (jurisdiction_id, day, service_code, bucket, n)
  SELECT jurisdiction_id, closed_at / 86400000, service_code,
    CASE WHEN closed_at - requested_at < 259200000 THEN MAX(0, closed_at - requested_at) / 3600000
         ELSE MIN(69 + (closed_at - requested_at) / 86400000, 1069) END, COUNT(*)
  FROM service_requests WHERE closed_at IS NOT NULL GROUP BY 1, 2, 3, 4;
INSERT INTO stats_cells (jurisdiction_id, month, service_code, cell_lat, cell_lon, n)
  SELECT jurisdiction_id,
    CAST(strftime('%Y', requested_at / 1000, 'unixepoch') AS INTEGER) * 12
      + CAST(strftime('%m', requested_at / 1000, 'unixepoch') AS INTEGER) - 1,
    service_code, CAST(floor(lat * 100) AS INTEGER), CAST(floor(lon * 100) AS INTEGER), COUNT(*)
  FROM service_requests WHERE lat IS NOT NULL AND lon IS NOT NULL GROUP BY 1, 2, 3, 4, 5;
INSERT INTO stats_open (jurisdiction_id, service_code, agency, n)
  SELECT jurisdiction_id, service_code, COALESCE(agency_responsible, ''), COUNT(*)
  FROM service_requests WHERE status = 'open' GROUP BY 1, 2, 3;

-- Adding a request's contributions.
CREATE TRIGGER stats_request_added AFTER INSERT ON service_requests
BEGIN
  INSERT INTO stats_days (jurisdiction_id, day, service_code, agency, opened, closed)
    VALUES (NEW.jurisdiction_id, NEW.requested_at / 86400000, NEW.service_code,
      COALESCE(NEW.agency_responsible, ''), 1, 0)
    ON CONFLICT (jurisdiction_id, day, service_code, agency) DO UPDATE SET opened = opened + 1;
  INSERT INTO stats_cells (jurisdiction_id, month, service_code, cell_lat, cell_lon, n)
    SELECT NEW.jurisdiction_id,
      CAST(strftime('%Y', NEW.requested_at / 1000, 'unixepoch') AS INTEGER) * 12
        + CAST(strftime('%m', NEW.requested_at / 1000, 'unixepoch') AS INTEGER) - 1,
      NEW.service_code, CAST(floor(NEW.lat * 100) AS INTEGER), CAST(floor(NEW.lon * 100) AS INTEGER), 1
    WHERE NEW.lat IS NOT NULL AND NEW.lon IS NOT NULL
    ON CONFLICT (jurisdiction_id, month, service_code, cell_lat, cell_lon) DO UPDATE SET n = n + 1;
  INSERT INTO stats_days (jurisdiction_id, day, service_code, agency, opened, closed)
    SELECT NEW.jurisdiction_id, NEW.closed_at / 86400000, NEW.service_code, COALESCE(NEW.agency_responsible, ''), 0, 1
    WHERE NEW.closed_at IS NOT NULL
    ON CONFLICT (jurisdiction_id, day, service_code, agency) DO UPDATE SET closed = closed + 1;
  INSERT INTO stats_close_times (jurisdiction_id, day, service_code, bucket, n)
    SELECT NEW.jurisdiction_id, NEW.closed_at / 86400000, NEW.service_code,
      CASE WHEN NEW.closed_at - NEW.requested_at < 259200000 THEN MAX(0, NEW.closed_at - NEW.requested_at) / 3600000
           ELSE MIN(69 + (NEW.closed_at - NEW.requested_at) / 86400000, 1069) END, 1
    WHERE NEW.closed_at IS NOT NULL
    ON CONFLICT (jurisdiction_id, day, service_code, bucket) DO UPDATE SET n = n + 1;
  INSERT INTO stats_open (jurisdiction_id, service_code, agency, n)
    SELECT NEW.jurisdiction_id, NEW.service_code, COALESCE(NEW.agency_responsible, ''), 1
    WHERE NEW.status = 'open'
    ON CONFLICT (jurisdiction_id, service_code, agency) DO UPDATE SET n = n + 1;
END;

-- Taking a request's contributions away.
CREATE TRIGGER stats_request_removed AFTER DELETE ON service_requests
BEGIN
  UPDATE stats_days SET opened = opened - 1
    WHERE jurisdiction_id = OLD.jurisdiction_id AND day = OLD.requested_at / 86400000
      AND service_code = OLD.service_code AND agency = COALESCE(OLD.agency_responsible, '');
  UPDATE stats_cells SET n = n - 1
    WHERE OLD.lat IS NOT NULL AND OLD.lon IS NOT NULL AND jurisdiction_id = OLD.jurisdiction_id
      AND month = CAST(strftime('%Y', OLD.requested_at / 1000, 'unixepoch') AS INTEGER) * 12
        + CAST(strftime('%m', OLD.requested_at / 1000, 'unixepoch') AS INTEGER) - 1
      AND service_code = OLD.service_code AND cell_lat = CAST(floor(OLD.lat * 100) AS INTEGER)
      AND cell_lon = CAST(floor(OLD.lon * 100) AS INTEGER);
  UPDATE stats_days SET closed = closed - 1
    WHERE OLD.closed_at IS NOT NULL AND jurisdiction_id = OLD.jurisdiction_id AND day = OLD.closed_at / 86400000
      AND service_code = OLD.service_code AND agency = COALESCE(OLD.agency_responsible, '');
  UPDATE stats_close_times SET n = n - 1
    WHERE OLD.closed_at IS NOT NULL AND jurisdiction_id = OLD.jurisdiction_id AND day = OLD.closed_at / 86400000
      AND service_code = OLD.service_code
      AND bucket = CASE WHEN OLD.closed_at - OLD.requested_at < 259200000
                          THEN MAX(0, OLD.closed_at - OLD.requested_at) / 3600000
                        ELSE MIN(69 + (OLD.closed_at - OLD.requested_at) / 86400000, 1069) END;
  UPDATE stats_open SET n = n - 1
    WHERE OLD.status = 'open' AND jurisdiction_id = OLD.jurisdiction_id AND service_code = OLD.service_code
      AND agency = COALESCE(OLD.agency_responsible, '');
END;

-- A change to anything a rollup reads moves the request's contributions: the old row's away,
-- the new row's in.
CREATE TRIGGER stats_request_changed AFTER UPDATE OF jurisdiction_id, service_code, agency_responsible, requested_at, closed_at, lat, lon, status ON service_requests
  WHEN OLD.jurisdiction_id IS NOT NEW.jurisdiction_id OR OLD.service_code IS NOT NEW.service_code OR OLD.agency_responsible IS NOT NEW.agency_responsible OR OLD.requested_at IS NOT NEW.requested_at OR OLD.closed_at IS NOT NEW.closed_at OR OLD.lat IS NOT NEW.lat OR OLD.lon IS NOT NEW.lon OR OLD.status IS NOT NEW.status
BEGIN
  UPDATE stats_days SET opened = opened - 1
    WHERE jurisdiction_id = OLD.jurisdiction_id AND day = OLD.requested_at / 86400000
      AND service_code = OLD.service_code AND agency = COALESCE(OLD.agency_responsible, '');
  UPDATE stats_cells SET n = n - 1
    WHERE OLD.lat IS NOT NULL AND OLD.lon IS NOT NULL AND jurisdiction_id = OLD.jurisdiction_id
      AND month = CAST(strftime('%Y', OLD.requested_at / 1000, 'unixepoch') AS INTEGER) * 12
        + CAST(strftime('%m', OLD.requested_at / 1000, 'unixepoch') AS INTEGER) - 1
      AND service_code = OLD.service_code AND cell_lat = CAST(floor(OLD.lat * 100) AS INTEGER)
      AND cell_lon = CAST(floor(OLD.lon * 100) AS INTEGER);
  UPDATE stats_days SET closed = closed - 1
    WHERE OLD.closed_at IS NOT NULL AND jurisdiction_id = OLD.jurisdiction_id AND day = OLD.closed_at / 86400000
      AND service_code = OLD.service_code AND agency = COALESCE(OLD.agency_responsible, '');
  UPDATE stats_close_times SET n = n - 1
    WHERE OLD.closed_at IS NOT NULL AND jurisdiction_id = OLD.jurisdiction_id AND day = OLD.closed_at / 86400000
      AND service_code = OLD.service_code
      AND bucket = CASE WHEN OLD.closed_at - OLD.requested_at < 259200000
                          THEN MAX(0, OLD.closed_at - OLD.requested_at) / 3600000
                        ELSE MIN(69 + (OLD.closed_at - OLD.requested_at) / 86400000, 1069) END;
  UPDATE stats_open SET n = n - 1
    WHERE OLD.status = 'open' AND jurisdiction_id = OLD.jurisdiction_id AND service_code = OLD.service_code
      AND agency = COALESCE(OLD.agency_responsible, '');

  INSERT INTO stats_days (jurisdiction_id, day, service_code, agency, opened, closed)
    VALUES (NEW.jurisdiction_id, NEW.requested_at / 86400000, NEW.service_code,
      COALESCE(NEW.agency_responsible, ''), 1, 0)
    ON CONFLICT (jurisdiction_id, day, service_code, agency) DO UPDATE SET opened = opened + 1;
  INSERT INTO stats_cells (jurisdiction_id, month, service_code, cell_lat, cell_lon, n)
    SELECT NEW.jurisdiction_id,
      CAST(strftime('%Y', NEW.requested_at / 1000, 'unixepoch') AS INTEGER) * 12
        + CAST(strftime('%m', NEW.requested_at / 1000, 'unixepoch') AS INTEGER) - 1,
      NEW.service_code, CAST(floor(NEW.lat * 100) AS INTEGER), CAST(floor(NEW.lon * 100) AS INTEGER), 1
    WHERE NEW.lat IS NOT NULL AND NEW.lon IS NOT NULL
    ON CONFLICT (jurisdiction_id, month, service_code, cell_lat, cell_lon) DO UPDATE SET n = n + 1;
  INSERT INTO stats_days (jurisdiction_id, day, service_code, agency, opened, closed)
    SELECT NEW.jurisdiction_id, NEW.closed_at / 86400000, NEW.service_code, COALESCE(NEW.agency_responsible, ''), 0, 1
    WHERE NEW.closed_at IS NOT NULL
    ON CONFLICT (jurisdiction_id, day, service_code, agency) DO UPDATE SET closed = closed + 1;
  INSERT INTO stats_close_times (jurisdiction_id, day, service_code, bucket, n)
    SELECT NEW.jurisdiction_id, NEW.closed_at / 86400000, NEW.service_code,
      CASE WHEN NEW.closed_at - NEW.requested_at < 259200000 THEN MAX(0, NEW.closed_at - NEW.requested_at) / 3600000
           ELSE MIN(69 + (NEW.closed_at - NEW.requested_at) / 86400000, 1069) END, 1
    WHERE NEW.closed_at IS NOT NULL
    ON CONFLICT (jurisdiction_id, day, service_code, bucket) DO UPDATE SET n = n + 1;
  INSERT INTO stats_open (jurisdiction_id, service_code, agency, n)
    SELECT NEW.jurisdiction_id, NEW.service_code, COALESCE(NEW.agency_responsible, ''), 1
    WHERE NEW.status = 'open'
    ON CONFLICT (jurisdiction_id, service_code, agency) DO UPDATE SET n = n + 1;
END;

-- A date set by anyone after the request was made is no longer the server's estimate.
CREATE TRIGGER service_requests_expected_set AFTER UPDATE OF expected_at ON service_requests
  WHEN OLD.expected_estimated = 1 AND NEW.expected_estimated = 1 AND OLD.expected_at IS NOT NEW.expected_at
BEGIN
  UPDATE service_requests SET expected_estimated = 0 WHERE id = NEW.id;
END;

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
  agency          TEXT NOT NULL,
  opened          INTEGER NOT NULL,
  closed          INTEGER NOT NULL,
  PRIMARY KEY (jurisdiction_id, day, service_code, agency)
);
CREATE TABLE stats_close_times (
  jurisdiction_id TEXT NOT NULL,
  day             INTEGER NOT NULL,
  service_code    TEXT NOT NULL,
  bucket          INTEGER NOT NULL,
  n               INTEGER NOT NULL,
  PRIMARY KEY (jurisdiction_id, day, service_code, bucket)
);
CREATE INDEX stats_close_times_by_service ON stats_close_times (jurisdiction_id, service_code, day);
CREATE TABLE stats_cells (
  jurisdiction_id TEXT NOT NULL,
  month           INTEGER NOT NULL,
  service_code    TEXT NOT NULL,
  cell_lat        INTEGER NOT NULL,
  cell_lon        INTEGER NOT NULL,
  n               INTEGER NOT NULL,
  PRIMARY KEY (jurisdiction_id, month, service_code, cell_lat, cell_lon)
);
CREATE TABLE stats_open (
  jurisdiction_id TEXT NOT NULL,
  service_code    TEXT NOT NULL,
  agency          TEXT NOT NULL,
  n               INTEGER NOT NULL,
  PRIMARY KEY (jurisdiction_id, service_code, agency)
);

CREATE FUNCTION stats_bucket(requested BIGINT, closed BIGINT) RETURNS INTEGER LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN closed - requested < 259200000 THEN (GREATEST(0, closed - requested) / 3600000)::int
              ELSE LEAST(69 + (closed - requested) / 86400000, 1069)::int END
$$;
CREATE FUNCTION stats_month(at BIGINT) RETURNS INTEGER LANGUAGE sql IMMUTABLE AS $$
  SELECT (EXTRACT(YEAR FROM t) * 12 + EXTRACT(MONTH FROM t) - 1)::int
  FROM (SELECT to_timestamp(at / 1000) AT TIME ZONE 'UTC' AS t) s
$$;

INSERT INTO stats_days (jurisdiction_id, day, service_code, agency, opened, closed)
  SELECT jurisdiction_id, requested_at / 86400000, service_code, COALESCE(agency_responsible, ''), COUNT(*), 0
  FROM service_requests GROUP BY 1, 2, 3, 4;
INSERT INTO stats_days (jurisdiction_id, day, service_code, agency, opened, closed)
  SELECT jurisdiction_id, closed_at / 86400000, service_code, COALESCE(agency_responsible, ''), 0, COUNT(*)
  FROM service_requests WHERE closed_at IS NOT NULL GROUP BY 1, 2, 3, 4
  ON CONFLICT (jurisdiction_id, day, service_code, agency) DO UPDATE SET closed = EXCLUDED.closed;
INSERT INTO stats_close_times (jurisdiction_id, day, service_code, bucket, n)
  SELECT jurisdiction_id, closed_at / 86400000, service_code, stats_bucket(requested_at, closed_at), COUNT(*)
  FROM service_requests WHERE closed_at IS NOT NULL GROUP BY 1, 2, 3, 4;
INSERT INTO stats_cells (jurisdiction_id, month, service_code, cell_lat, cell_lon, n)
  SELECT jurisdiction_id, stats_month(requested_at), service_code, floor(lat * 100)::int, floor(lon * 100)::int,
    COUNT(*)
  FROM service_requests WHERE lat IS NOT NULL AND lon IS NOT NULL GROUP BY 1, 2, 3, 4, 5;
INSERT INTO stats_open (jurisdiction_id, service_code, agency, n)
  SELECT jurisdiction_id, service_code, COALESCE(agency_responsible, ''), COUNT(*)
  FROM service_requests WHERE status = 'open' GROUP BY 1, 2, 3;

-- One request's contributions, added (sign 1) or taken away (sign -1).
CREATE FUNCTION stats_contribute(r service_requests, sign INTEGER) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stats_days AS s (jurisdiction_id, day, service_code, agency, opened, closed)
    VALUES (r.jurisdiction_id, r.requested_at / 86400000, r.service_code, COALESCE(r.agency_responsible, ''), sign, 0)
    ON CONFLICT (jurisdiction_id, day, service_code, agency) DO UPDATE SET opened = s.opened + sign;
  IF r.lat IS NOT NULL AND r.lon IS NOT NULL THEN
    INSERT INTO stats_cells AS s (jurisdiction_id, month, service_code, cell_lat, cell_lon, n)
      VALUES (r.jurisdiction_id, stats_month(r.requested_at), r.service_code, floor(r.lat * 100)::int,
        floor(r.lon * 100)::int, sign)
      ON CONFLICT (jurisdiction_id, month, service_code, cell_lat, cell_lon) DO UPDATE SET n = s.n + sign;
  END IF;
  IF r.closed_at IS NOT NULL THEN
    INSERT INTO stats_days AS s (jurisdiction_id, day, service_code, agency, opened, closed)
      VALUES (r.jurisdiction_id, r.closed_at / 86400000, r.service_code, COALESCE(r.agency_responsible, ''), 0, sign)
      ON CONFLICT (jurisdiction_id, day, service_code, agency) DO UPDATE SET closed = s.closed + sign;
    INSERT INTO stats_close_times AS s (jurisdiction_id, day, service_code, bucket, n)
      VALUES (r.jurisdiction_id, r.closed_at / 86400000, r.service_code, stats_bucket(r.requested_at, r.closed_at), sign)
      ON CONFLICT (jurisdiction_id, day, service_code, bucket) DO UPDATE SET n = s.n + sign;
  END IF;
  IF r.status = 'open' THEN
    INSERT INTO stats_open AS s (jurisdiction_id, service_code, agency, n)
      VALUES (r.jurisdiction_id, r.service_code, COALESCE(r.agency_responsible, ''), sign)
      ON CONFLICT (jurisdiction_id, service_code, agency) DO UPDATE SET n = s.n + sign;
  END IF;
END
$$;

CREATE FUNCTION stats_request_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM stats_contribute(OLD, -1);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM stats_contribute(NEW, 1);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER stats_request_added AFTER INSERT OR DELETE ON service_requests FOR EACH ROW
  EXECUTE FUNCTION stats_request_changed();
CREATE TRIGGER stats_request_changed AFTER UPDATE OF jurisdiction_id, service_code, agency_responsible,
    requested_at, closed_at, lat, lon, status ON service_requests FOR EACH ROW
  WHEN (OLD.jurisdiction_id IS DISTINCT FROM NEW.jurisdiction_id OR OLD.service_code IS DISTINCT FROM NEW.service_code
    OR OLD.agency_responsible IS DISTINCT FROM NEW.agency_responsible OR OLD.requested_at IS DISTINCT FROM NEW.requested_at
    OR OLD.closed_at IS DISTINCT FROM NEW.closed_at OR OLD.lat IS DISTINCT FROM NEW.lat OR OLD.lon IS DISTINCT FROM NEW.lon
    OR OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION stats_request_changed();

-- A date set by anyone after the request was made is no longer the server's estimate.
CREATE FUNCTION service_requests_expected_set() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.expected_estimated := 0;
  RETURN NEW;
END
$$;
CREATE TRIGGER service_requests_expected_set BEFORE UPDATE OF expected_at ON service_requests FOR EACH ROW
  WHEN (OLD.expected_estimated = 1 AND NEW.expected_estimated = 1 AND OLD.expected_at IS DISTINCT FROM NEW.expected_at)
  EXECUTE FUNCTION service_requests_expected_set();

-- Locations as PostGIS geography points with a GiST index, so that bounding-box and radius
-- searches are index-backed, and the indexes the GET filters need. The extension must exist or
-- be creatable by the migrating user (see docs/POSTGRESQL.md).
CREATE EXTENSION IF NOT EXISTS postgis;

ALTER TABLE service_requests ADD COLUMN location geography(Point, 4326)
  GENERATED ALWAYS AS (
    CASE WHEN lat IS NOT NULL AND lon IS NOT NULL
      THEN geography(ST_SetSRID(ST_MakePoint(lon, lat), 4326)) END) STORED;

CREATE INDEX service_requests_location ON service_requests USING GIST (location);
CREATE INDEX service_requests_by_service ON service_requests (jurisdiction_id, service_code, requested_at DESC, id DESC);
CREATE INDEX service_requests_by_status ON service_requests (jurisdiction_id, status, requested_at DESC, id DESC);

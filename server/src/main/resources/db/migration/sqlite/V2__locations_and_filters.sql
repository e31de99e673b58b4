-- Locations in an R*Tree so that bounding-box and radius searches are index-backed, and the
-- indexes the GET filters need. Kept in step with the requests table by triggers.
CREATE VIRTUAL TABLE service_request_locations USING rtree(id, min_lon, max_lon, min_lat, max_lat);

INSERT INTO service_request_locations (id, min_lon, max_lon, min_lat, max_lat)
  SELECT id, lon, lon, lat, lat FROM service_requests WHERE lat IS NOT NULL AND lon IS NOT NULL;

CREATE TRIGGER service_requests_location_insert AFTER INSERT ON service_requests
  WHEN NEW.lat IS NOT NULL AND NEW.lon IS NOT NULL
BEGIN
  INSERT INTO service_request_locations (id, min_lon, max_lon, min_lat, max_lat)
    VALUES (NEW.id, NEW.lon, NEW.lon, NEW.lat, NEW.lat);
END;

CREATE TRIGGER service_requests_location_update AFTER UPDATE OF lat, lon ON service_requests
BEGIN
  DELETE FROM service_request_locations WHERE id = OLD.id;
  INSERT INTO service_request_locations (id, min_lon, max_lon, min_lat, max_lat)
    SELECT NEW.id, NEW.lon, NEW.lon, NEW.lat, NEW.lat WHERE NEW.lat IS NOT NULL AND NEW.lon IS NOT NULL;
END;

CREATE TRIGGER service_requests_location_delete AFTER DELETE ON service_requests
BEGIN
  DELETE FROM service_request_locations WHERE id = OLD.id;
END;

CREATE INDEX service_requests_by_service ON service_requests (jurisdiction_id, service_code, requested_at DESC, id DESC);
CREATE INDEX service_requests_by_status ON service_requests (jurisdiction_id, status, requested_at DESC, id DESC);

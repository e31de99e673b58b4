-- Places and times in one R*Tree, so a search by place and date window reads only the requests
-- in both, instead of every request in the box or every request in the window. The exact time
-- is kept beside each entry (an auxiliary column), so a page newest first can be cut from the
-- tree's answers before any request is read. The R*Tree stores 32-bit floats rounded outwards:
-- searches treat its answers as candidates and check the exact place and time on the request.
-- Time is in units of 5,000 days (milliseconds / 432,000,000,000), so that a search's usual
-- shape, a kilometre or two (0.01-0.02 degrees) and one to three months, is about as long as it is
-- wide: in milliseconds, time would dwarf the place and the tree would group requests by time
-- alone (a box and window took 21 ms for 934 requests that way, 0.7 ms with these units, at 1M).
CREATE VIRTUAL TABLE service_request_places
  USING rtree(id, min_lon, max_lon, min_lat, max_lat, min_at, max_at, +requested_at);

INSERT INTO service_request_places (id, min_lon, max_lon, min_lat, max_lat, min_at, max_at, requested_at)
  SELECT id, lon, lon, lat, lat, requested_at / 432000000000.0, requested_at / 432000000000.0, requested_at
  FROM service_requests WHERE lat IS NOT NULL AND lon IS NOT NULL;

DROP TRIGGER service_requests_location_insert;
DROP TRIGGER service_requests_location_update;
DROP TRIGGER service_requests_location_delete;
DROP TABLE service_request_locations;

CREATE TRIGGER service_requests_place_insert AFTER INSERT ON service_requests
  WHEN NEW.lat IS NOT NULL AND NEW.lon IS NOT NULL
BEGIN
  INSERT INTO service_request_places (id, min_lon, max_lon, min_lat, max_lat, min_at, max_at, requested_at)
    VALUES (NEW.id, NEW.lon, NEW.lon, NEW.lat, NEW.lat, NEW.requested_at / 432000000000.0,
      NEW.requested_at / 432000000000.0, NEW.requested_at);
END;

CREATE TRIGGER service_requests_place_update AFTER UPDATE OF lat, lon, requested_at ON service_requests
BEGIN
  DELETE FROM service_request_places WHERE id = OLD.id;
  INSERT INTO service_request_places (id, min_lon, max_lon, min_lat, max_lat, min_at, max_at, requested_at)
    SELECT NEW.id, NEW.lon, NEW.lon, NEW.lat, NEW.lat, NEW.requested_at / 432000000000.0,
      NEW.requested_at / 432000000000.0, NEW.requested_at
    WHERE NEW.lat IS NOT NULL AND NEW.lon IS NOT NULL;
END;

CREATE TRIGGER service_requests_place_delete AFTER DELETE ON service_requests
BEGIN
  DELETE FROM service_request_places WHERE id = OLD.id;
END;

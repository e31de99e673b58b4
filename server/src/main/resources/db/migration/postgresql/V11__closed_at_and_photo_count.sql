-- When a request last closed and how many photos it has, kept on the request itself. The bulk
-- downloads (and, later, the statistics) read them for every request, and gathering them from the
-- update history and the media table per request cost more than reading the request.
-- The triggers set absolute values (a maximum, a count), so a copy of the tables that inserts the
-- requests first and their updates and media after ends with the same values.
ALTER TABLE service_requests ADD COLUMN closed_at BIGINT, ADD COLUMN photo_count INTEGER NOT NULL DEFAULT 0;

-- The extended statuses whose core status is closed (org.civic311.georeport.ExtendedStatus).
UPDATE service_requests r SET closed_at = u.closed_at
  FROM (SELECT request_id, MAX(updated_at) AS closed_at FROM request_updates
        WHERE status IN ('closed', 'fixed', 'duplicate', 'not_councils_responsibility', 'no_further_action', 'cancelled')
        GROUP BY request_id) u
  WHERE r.id = u.request_id;
UPDATE service_requests r SET photo_count = m.photos
  FROM (SELECT request_id, COUNT(*) AS photos FROM request_media WHERE request_id IS NOT NULL GROUP BY request_id) m
  WHERE r.id = m.request_id;

CREATE FUNCTION service_requests_closed_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE service_requests SET closed_at = GREATEST(closed_at, NEW.updated_at) WHERE id = NEW.request_id;
  RETURN NULL;
END
$$;
CREATE TRIGGER service_requests_closed_at AFTER INSERT ON request_updates FOR EACH ROW
  WHEN (NEW.status IN ('closed', 'fixed', 'duplicate', 'not_councils_responsibility', 'no_further_action', 'cancelled'))
  EXECUTE FUNCTION service_requests_closed_at();

CREATE FUNCTION service_requests_photo_count() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  owner BIGINT := CASE WHEN TG_OP = 'DELETE' THEN OLD.request_id ELSE NEW.request_id END;
BEGIN
  UPDATE service_requests SET photo_count = (SELECT COUNT(*) FROM request_media WHERE request_id = owner)
    WHERE id = owner;
  RETURN NULL;
END
$$;
CREATE TRIGGER service_requests_photo_count AFTER INSERT OR DELETE ON request_media FOR EACH ROW
  EXECUTE FUNCTION service_requests_photo_count();

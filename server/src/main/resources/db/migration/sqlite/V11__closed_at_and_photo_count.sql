-- When a request last closed and how many photos it has, kept on the request itself. The bulk
-- downloads (and, later, the statistics) read them for every request, and gathering them from the
-- update history and the media table per request cost more than reading the request.
-- The triggers set absolute values (a maximum, a count), so a copy of the tables that inserts the
-- requests first and their updates and media after ends with the same values.
ALTER TABLE service_requests ADD COLUMN closed_at INTEGER;
ALTER TABLE service_requests ADD COLUMN photo_count INTEGER NOT NULL DEFAULT 0;

-- The extended statuses whose core status is closed (org.civic311.georeport.ExtendedStatus).
UPDATE service_requests SET closed_at = (
    SELECT MAX(u.updated_at) FROM request_updates u
    WHERE u.request_id = service_requests.id
      AND u.status IN ('closed', 'fixed', 'duplicate', 'not_councils_responsibility', 'no_further_action', 'cancelled'))
  WHERE id IN (SELECT request_id FROM request_updates
    WHERE status IN ('closed', 'fixed', 'duplicate', 'not_councils_responsibility', 'no_further_action', 'cancelled'));
UPDATE service_requests SET photo_count = (
    SELECT COUNT(*) FROM request_media m WHERE m.request_id = service_requests.id)
  WHERE id IN (SELECT request_id FROM request_media WHERE request_id IS NOT NULL);

CREATE TRIGGER service_requests_closed_at AFTER INSERT ON request_updates
  WHEN NEW.status IN ('closed', 'fixed', 'duplicate', 'not_councils_responsibility', 'no_further_action', 'cancelled')
BEGIN
  UPDATE service_requests SET closed_at = MAX(COALESCE(closed_at, NEW.updated_at), NEW.updated_at)
    WHERE id = NEW.request_id;
END;

CREATE TRIGGER service_requests_photo_added AFTER INSERT ON request_media WHEN NEW.request_id IS NOT NULL
BEGIN
  UPDATE service_requests SET photo_count = (SELECT COUNT(*) FROM request_media WHERE request_id = NEW.request_id)
    WHERE id = NEW.request_id;
END;

CREATE TRIGGER service_requests_photo_removed AFTER DELETE ON request_media WHEN OLD.request_id IS NOT NULL
BEGIN
  UPDATE service_requests SET photo_count = (SELECT COUNT(*) FROM request_media WHERE request_id = OLD.request_id)
    WHERE id = OLD.request_id;
END;

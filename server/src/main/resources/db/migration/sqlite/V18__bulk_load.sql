-- Imports write their rows first and fill the full-text and place indexes after, in one
-- statement per batch, inside the batch's own transaction. While a row of bulk_loads exists, the
-- per-row triggers that would fill those indexes (and the closed_at trigger, whose value the
-- import writes itself) stand aside. The row is added and removed within that one transaction,
-- so no other connection ever sees it, and a batch cut off rolls back with its marker: no state
-- outlives a transaction, and nothing needs rebuilding at the next start. Append-only.
CREATE TABLE bulk_loads (id INTEGER PRIMARY KEY);

DROP TRIGGER service_requests_text_insert;
CREATE TRIGGER service_requests_text_insert AFTER INSERT ON service_requests
  WHEN NOT EXISTS (SELECT 1 FROM bulk_loads)
BEGIN
  INSERT INTO service_requests_text (rowid, description, address, status_notes)
    VALUES (NEW.id, NEW.description, NEW.address, NEW.status_notes);
END;

DROP TRIGGER service_requests_place_insert;
CREATE TRIGGER service_requests_place_insert AFTER INSERT ON service_requests
  WHEN NEW.lat IS NOT NULL AND NEW.lon IS NOT NULL AND NOT EXISTS (SELECT 1 FROM bulk_loads)
BEGIN
  INSERT INTO service_request_places (id, min_lon, max_lon, min_lat, max_lat, min_at, max_at, requested_at)
    VALUES (NEW.id, NEW.lon, NEW.lon, NEW.lat, NEW.lat, NEW.requested_at / 432000000000.0,
      NEW.requested_at / 432000000000.0, NEW.requested_at);
END;

DROP TRIGGER service_requests_closed_at;
CREATE TRIGGER service_requests_closed_at AFTER INSERT ON request_updates
  WHEN NEW.status IN ('closed', 'fixed', 'duplicate', 'not_councils_responsibility', 'no_further_action', 'cancelled')
    AND NOT EXISTS (SELECT 1 FROM bulk_loads)
BEGIN
  UPDATE service_requests SET closed_at = MAX(COALESCE(closed_at, NEW.updated_at), NEW.updated_at)
    WHERE id = NEW.request_id;
END;

-- Imports write closed_at with the request and then insert its closing update. Within an
-- import's transaction (the transaction-local setting civic311.bulk_load is 'on', set with
-- set_config(..., true) and gone at its end), the closed_at trigger stands aside: its UPDATE
-- would write every closed request's row a second time, recomputing its full-text and place
-- columns. The full-text and place indexes here are generated columns and index entries that
-- PostgreSQL keeps with the row itself, so nothing else is deferred. Append-only.
CREATE OR REPLACE FUNCTION service_requests_closed_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('civic311.bulk_load', true) = 'on' THEN
    RETURN NULL;
  END IF;
  UPDATE service_requests SET closed_at = GREATEST(closed_at, NEW.updated_at) WHERE id = NEW.request_id;
  RETURN NULL;
END
$$;

-- Mirrors of other cities' Open311 endpoints (issue 15). Migrations are append-only: never edit
-- a released file. One row per mirroring jurisdiction: how its last harvest went, so that every
-- node, and staff, see it, and a restart goes on from the newest change seen.
CREATE TABLE mirror_harvests (
  jurisdiction_id TEXT PRIMARY KEY REFERENCES jurisdictions(id),
  source          TEXT NOT NULL,              -- the mirrored endpoint's base URL
  method          TEXT,                       -- updated_after, windows or pages: how the source is read
  started_at      INTEGER,                    -- epoch milliseconds, as every time here
  finished_at     INTEGER,                    -- the last harvest that ended, well or not
  succeeded_at    INTEGER,                    -- the last harvest that ended well
  newest_change   INTEGER,                    -- the newest updated_datetime seen at the source
  seen            INTEGER NOT NULL DEFAULT 0, -- requests read by the last harvest
  added           INTEGER NOT NULL DEFAULT 0,
  updated         INTEGER NOT NULL DEFAULT 0,
  last_error      TEXT,                       -- why the last harvest failed; NULL when it did not
  error_at        INTEGER
);

-- Kept in step with the PostgreSQL migrations: V8 there sets finer statistics on the search
-- column. SQLite's full-text index needs no such setting.
SELECT 1;

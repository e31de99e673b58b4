-- The planner misjudged how many requests match rare words (it guessed thousands where there
-- were a few hundred) and walked the newest-first index instead of the text index; finer
-- statistics on the search column fix the estimate (bench/queue, PostgreSQL, q with a rare word).
ALTER TABLE service_requests ALTER COLUMN search SET STATISTICS 1000;
ANALYZE service_requests;

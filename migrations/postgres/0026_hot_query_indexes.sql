-- Indexes the hot pages need at a million posts (see perf/tests/query_plans.rs, which explains
-- every statement of those pages on a seeded database). Keep in step with
-- migrations/sqlite/0026_hot_query_indexes.sql.

-- The group directory: local groups in name order, paged by name (no sort of every group).
CREATE INDEX actors_local_kind_name ON actors (kind, name) WHERE local;

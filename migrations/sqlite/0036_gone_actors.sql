-- A remote actor whose own inbox answered 410 Gone: deleted on its server. Its follows are
-- ended and nothing is addressed to it any more until it is fetched again. Keep in step with
-- migrations/postgres/0036_gone_actors.sql.

ALTER TABLE actors ADD COLUMN gone_at INTEGER;
CREATE INDEX actors_inbox_url ON actors (inbox_url) WHERE NOT local;

-- People from elsewhere and account migration: a remote person's avatar (the URL their
-- document names, nothing is downloaded), the other accounts an actor says are also theirs
-- (`alsoKnownAs`, one ActivityPub id a line) and where an account moved (`movedTo`, an
-- ActivityPub id; set on a local account that moved away, or a remote one that sent `Move`).
-- Keep in step with migrations/sqlite/0032_account_moves.sql.

ALTER TABLE actors ADD COLUMN avatar_url TEXT;
ALTER TABLE actors ADD COLUMN also_known_as TEXT NOT NULL DEFAULT '';
ALTER TABLE actors ADD COLUMN moved_to TEXT;
ALTER TABLE actors ADD COLUMN moved_at BIGINT;

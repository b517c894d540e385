-- A member may ask to be told when someone they follow posts (Mastodon's "notify" on a follow,
-- the `status` notification). Keep in step with migrations/postgres/0012_follow_notify.sql.

ALTER TABLE follows ADD COLUMN notify BOOLEAN NOT NULL DEFAULT FALSE;

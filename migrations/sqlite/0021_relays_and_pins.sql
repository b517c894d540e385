-- Activities of remote people about posts in our groups (Create, Update, Delete, Like, Dislike
-- and their Undo) that a group re-announced to its followers (FEP-1b12): one row per activity
-- id, so each is announced once however often it arrives.
-- Keep in step with migrations/postgres/0021_relays_and_pins.sql.

CREATE TABLE group_relayed_activities (
    activity_ap_id TEXT PRIMARY KEY,
    group_id       INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    relayed_at     INTEGER NOT NULL
);

-- Pinned threads: a moderator pins a thread to the top of its group (Lemmy's `featured`).
ALTER TABLE posts ADD COLUMN pinned_at INTEGER;

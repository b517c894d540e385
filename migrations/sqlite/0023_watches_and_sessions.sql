-- Notifications on the web and the account lifecycle: a notification can be marked read on its
-- own, or name a group or an event (the `notifications` marker still covers everything up to it), members watch threads
-- (told of each new reply) and groups (told of each new thread), and a browser session keeps
-- the browser it was opened in, for the sessions page. Keep in step with
-- migrations/postgres/0023_watches_and_sessions.sql.

ALTER TABLE notifications ADD COLUMN read_at INTEGER;
-- What a notification without a post is about: the group someone joined, the event someone
-- will go to.
ALTER TABLE notifications ADD COLUMN group_id INTEGER REFERENCES actors (id) ON DELETE CASCADE;
ALTER TABLE notifications ADD COLUMN event_id INTEGER REFERENCES events (id) ON DELETE CASCADE;

CREATE TABLE thread_watches (
    account_id INTEGER NOT NULL REFERENCES accounts (actor_id) ON DELETE CASCADE,
    root_id    INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, root_id)
);
CREATE INDEX thread_watches_root ON thread_watches (root_id);

CREATE TABLE group_watches (
    account_id INTEGER NOT NULL REFERENCES accounts (actor_id) ON DELETE CASCADE,
    group_id   INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, group_id)
);
CREATE INDEX group_watches_group ON group_watches (group_id);

ALTER TABLE sessions ADD COLUMN user_agent TEXT;

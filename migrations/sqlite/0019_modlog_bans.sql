-- Moderation with reasons (issue 14): removals that keep the content so it can be restored,
-- bans of people from groups, and the public modlog of every moderation action.
-- Keep in step with migrations/postgres/0019_modlog_bans.sql.

-- A post removed by moderators: the row in posts is marked deleted (so every reader hides it)
-- and its content is kept here until it is restored or the removal is final.
CREATE TABLE post_removals (
    post_id           INTEGER PRIMARY KEY REFERENCES posts (id) ON DELETE CASCADE,
    reason            TEXT NOT NULL DEFAULT '',
    moderator_id      INTEGER REFERENCES actors (id) ON DELETE SET NULL,
    saved_source      TEXT,
    saved_content_html TEXT NOT NULL,
    removed_at        INTEGER NOT NULL
);

-- A person banned from a group (ours, or a remote group that banned one of our members).
-- A ban whose expires_at has passed no longer counts: queries compare it with the time.
CREATE TABLE group_bans (
    group_id     INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    actor_id     INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    moderator_id INTEGER REFERENCES actors (id) ON DELETE SET NULL,
    reason       TEXT NOT NULL DEFAULT '',
    expires_at   INTEGER,
    remove_data  BOOLEAN NOT NULL DEFAULT FALSE,
    ap_id        TEXT,
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (group_id, actor_id)
);

-- The modlog: one row per moderation action, taken here or by a remote moderator on our copy.
CREATE TABLE modlog (
    id              INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL,
    moderator_id    INTEGER REFERENCES actors (id) ON DELETE SET NULL,
    group_id        INTEGER REFERENCES actors (id) ON DELETE CASCADE,
    target_actor_id INTEGER REFERENCES actors (id) ON DELETE SET NULL,
    target_post_id  INTEGER REFERENCES posts (id) ON DELETE SET NULL,
    reason          TEXT NOT NULL DEFAULT '',
    expires_at      INTEGER,
    remote          BOOLEAN NOT NULL DEFAULT FALSE,
    created_at      INTEGER NOT NULL
);

CREATE INDEX modlog_group ON modlog (group_id, id);

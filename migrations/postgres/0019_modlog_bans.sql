-- Moderation with reasons (issue 14): removals that keep the content so it can be restored,
-- bans of people from groups, and the public modlog of every moderation action.
-- Keep in step with migrations/sqlite/0019_modlog_bans.sql.

-- A post removed by moderators: the row in posts is marked deleted (so every reader hides it)
-- and its content is kept here until it is restored or the removal is final.
CREATE TABLE post_removals (
    post_id           BIGINT PRIMARY KEY REFERENCES posts (id) ON DELETE CASCADE,
    reason            TEXT NOT NULL DEFAULT '',
    moderator_id      BIGINT REFERENCES actors (id) ON DELETE SET NULL,
    saved_source      TEXT,
    saved_content_html TEXT NOT NULL,
    removed_at        BIGINT NOT NULL
);

-- A person banned from a group (ours, or a remote group that banned one of our members).
-- A ban whose expires_at has passed no longer counts: queries compare it with the time.
CREATE TABLE group_bans (
    group_id     BIGINT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    actor_id     BIGINT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    moderator_id BIGINT REFERENCES actors (id) ON DELETE SET NULL,
    reason       TEXT NOT NULL DEFAULT '',
    expires_at   BIGINT,
    remove_data  BOOLEAN NOT NULL DEFAULT FALSE,
    ap_id        TEXT,
    created_at   BIGINT NOT NULL,
    PRIMARY KEY (group_id, actor_id)
);

-- The modlog: one row per moderation action, taken here or by a remote moderator on our copy.
CREATE TABLE modlog (
    id              BIGINT PRIMARY KEY,
    kind            TEXT NOT NULL,
    moderator_id    BIGINT REFERENCES actors (id) ON DELETE SET NULL,
    group_id        BIGINT REFERENCES actors (id) ON DELETE CASCADE,
    target_actor_id BIGINT REFERENCES actors (id) ON DELETE SET NULL,
    target_post_id  BIGINT REFERENCES posts (id) ON DELETE SET NULL,
    reason          TEXT NOT NULL DEFAULT '',
    expires_at      BIGINT,
    remote          BOOLEAN NOT NULL DEFAULT FALSE,
    created_at      BIGINT NOT NULL
);

CREATE INDEX modlog_group ON modlog (group_id, id);

-- Boosts (ActivityPub `Announce` by a person): a member shares a post with their followers.
-- The id is also the id of the boost as a status in the client API. Keep in step with
-- migrations/sqlite/0009_boosts.sql.

CREATE TABLE boosts (
    id         BIGINT PRIMARY KEY NOT NULL,
    post_id    BIGINT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    actor_id   BIGINT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    -- The remote `Announce` (NULL for local boosts, whose id is built from this row).
    ap_id      TEXT UNIQUE,
    created_at BIGINT NOT NULL,
    UNIQUE (post_id, actor_id)
);
CREATE INDEX boosts_actor ON boosts (actor_id, id);

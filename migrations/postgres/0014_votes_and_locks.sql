-- Lemmy's downvotes (`Dislike`), one per person and post; a like and a downvote by the same
-- person replace each other. Kept apart from likes, so Mastodon's favourites count only likes.
-- And thread locks: a locked thread (its opener's locked_at is set) takes no new replies.
-- Keep in step with migrations/sqlite/0014_votes_and_locks.sql.

CREATE TABLE downvotes (
    post_id    BIGINT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    actor_id   BIGINT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    ap_id      TEXT UNIQUE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (post_id, actor_id)
);

ALTER TABLE posts ADD COLUMN locked_at BIGINT;

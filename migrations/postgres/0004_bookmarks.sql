-- Posts a member keeps for later (Mastodon bookmarks). Keep in step with
-- migrations/sqlite/0004_bookmarks.sql.

CREATE TABLE bookmarks (
    id         BIGINT PRIMARY KEY NOT NULL,
    account_id BIGINT NOT NULL REFERENCES accounts (actor_id) ON DELETE CASCADE,
    post_id    BIGINT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    UNIQUE (account_id, post_id)
);
CREATE INDEX bookmarks_account ON bookmarks (account_id, id);

-- Images attached to posts: uploaded here (a file under the data directory) or attached to a
-- remote post (its URL). An upload belongs to its owner alone until a post uses it. Keep in step
-- with migrations/sqlite/0008_media.sql.

CREATE TABLE media_attachments (
    id           BIGINT PRIMARY KEY NOT NULL,
    owner_id     BIGINT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    post_id      BIGINT REFERENCES posts (id) ON DELETE CASCADE,
    position     BIGINT NOT NULL DEFAULT 0,
    content_type TEXT NOT NULL,
    -- Local uploads: the file and its smaller preview under <data_dir>/media.
    file_name    TEXT,
    preview_name TEXT,
    -- Remote attachments: where the image lives.
    remote_url   TEXT,
    description  TEXT NOT NULL DEFAULT '',
    width        BIGINT,
    height       BIGINT,
    blurhash     TEXT,
    focus_x      DOUBLE PRECISION NOT NULL DEFAULT 0,
    focus_y      DOUBLE PRECISION NOT NULL DEFAULT 0,
    size_bytes   BIGINT NOT NULL DEFAULT 0,
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT
);
CREATE INDEX media_attachments_post ON media_attachments (post_id, position);
CREATE INDEX media_attachments_owner ON media_attachments (owner_id, created_at);

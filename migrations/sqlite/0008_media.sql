-- Images attached to posts: uploaded here (a file under the data directory) or attached to a
-- remote post (its URL). An upload belongs to its owner alone until a post uses it. Keep in step
-- with migrations/postgres/0008_media.sql.

CREATE TABLE media_attachments (
    id           INTEGER PRIMARY KEY NOT NULL,
    owner_id     INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    post_id      INTEGER REFERENCES posts (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL DEFAULT 0,
    content_type TEXT NOT NULL,
    -- Local uploads: the file and its smaller preview under <data_dir>/media.
    file_name    TEXT,
    preview_name TEXT,
    -- Remote attachments: where the image lives.
    remote_url   TEXT,
    description  TEXT NOT NULL DEFAULT '',
    width        INTEGER,
    height       INTEGER,
    blurhash     TEXT,
    focus_x      REAL NOT NULL DEFAULT 0,
    focus_y      REAL NOT NULL DEFAULT 0,
    size_bytes   INTEGER NOT NULL DEFAULT 0,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER
);
CREATE INDEX media_attachments_post ON media_attachments (post_id, position);
CREATE INDEX media_attachments_owner ON media_attachments (owner_id, created_at);

-- Earlier versions of edited posts, for the edit history apps show
-- (`GET /api/v1/statuses/:id/history`). A row is the version an edit replaced, as it was since
-- `created_at` (the post's creation or its previous edit). Local edits and remote `Update`s
-- that change the text both add one. Keep in step with migrations/postgres/0016_post_revisions.sql.

CREATE TABLE post_revisions (
    id              INTEGER PRIMARY KEY NOT NULL,
    post_id         INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    title           TEXT,
    content_html    TEXT NOT NULL,
    content_warning TEXT,
    sensitive       BOOLEAN NOT NULL,
    created_at      INTEGER NOT NULL
);
CREATE INDEX post_revisions_post ON post_revisions (post_id, id);

-- Reports (Mastodon's reports, ActivityPub `Flag`): a member's or a remote instance's complaint
-- about an account and some of its posts, for the moderators of the posts' group and the admins.
-- The posts are kept as snapshots (`report_posts`), so a later edit or deletion does not erase
-- the evidence. Keep in step with migrations/sqlite/0017_reports.sql.

CREATE TABLE reports (
    id              BIGINT PRIMARY KEY NOT NULL,
    target_id       BIGINT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    -- A local reporter, or else the host of the reporting instance (its `Flag`).
    reporter_id     BIGINT REFERENCES actors (id) ON DELETE SET NULL,
    origin_host     TEXT,
    flag_ap_id      TEXT UNIQUE,
    group_id        BIGINT REFERENCES actors (id) ON DELETE SET NULL,
    category        TEXT NOT NULL, -- spam | legal | violation | other
    comment         TEXT NOT NULL DEFAULT '',
    forwarded       BOOLEAN NOT NULL DEFAULT FALSE,
    assigned_id     BIGINT REFERENCES actors (id) ON DELETE SET NULL,
    resolved_by_id  BIGINT REFERENCES actors (id) ON DELETE SET NULL,
    resolved_at     BIGINT,
    action_taken    TEXT, -- dismissed | post_removed | resolved
    resolution_note TEXT NOT NULL DEFAULT '',
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
);
CREATE INDEX reports_open ON reports (resolved_at, id);
CREATE INDEX reports_group ON reports (group_id, id);

CREATE TABLE report_posts (
    report_id    BIGINT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    position     BIGINT NOT NULL,
    post_id      BIGINT REFERENCES posts (id) ON DELETE SET NULL,
    post_ap_id   TEXT,
    title        TEXT,
    content_html TEXT NOT NULL,
    author_id    BIGINT REFERENCES actors (id) ON DELETE SET NULL,
    author_name  TEXT NOT NULL,
    posted_at    BIGINT NOT NULL,
    PRIMARY KEY (report_id, position)
);
CREATE INDEX report_posts_post ON report_posts (post_id);

-- Notifications about a report: a new one (for moderators and admins), or one resolved (for
-- its reporter).
ALTER TABLE notifications ADD COLUMN report_id BIGINT REFERENCES reports (id) ON DELETE CASCADE;

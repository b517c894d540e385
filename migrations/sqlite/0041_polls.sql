-- Polls (Mastodon's `Question`): a post may carry one poll. Keep in step with
-- migrations/postgres/0041_polls.sql.
--
-- `expires_at` is when voting ends (NULL: open-ended, as some servers send them); `closed_at`
-- when it was seen closed (a remote `closed`, or our own poll after its end). Counts are what
-- the poll's origin last told us for a remote poll, and counted from `poll_votes` for ours.
CREATE TABLE polls (
    post_id      INTEGER PRIMARY KEY NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    multiple     BOOLEAN NOT NULL DEFAULT FALSE,
    hide_totals  BOOLEAN NOT NULL DEFAULT FALSE,
    expires_at   INTEGER,
    closed_at    INTEGER,
    voters_count INTEGER NOT NULL DEFAULT 0,
    updated_at   INTEGER NOT NULL
);
CREATE INDEX polls_open_expiry ON polls (expires_at) WHERE closed_at IS NULL;

CREATE TABLE poll_options (
    post_id     INTEGER NOT NULL REFERENCES polls (post_id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    title       TEXT NOT NULL,
    votes_count INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (post_id, position)
);

-- Votes by people we know: local members on any poll, remote people on ours. `ap_id` is the
-- vote's `Note` (remote votes, for idempotency; ours are built from `id`).
CREATE TABLE poll_votes (
    id         INTEGER PRIMARY KEY NOT NULL,
    post_id    INTEGER NOT NULL REFERENCES polls (post_id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    voter_id   INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    ap_id      TEXT,
    created_at INTEGER NOT NULL,
    UNIQUE (post_id, voter_id, position)
);
CREATE INDEX poll_votes_voter ON poll_votes (voter_id);

-- Members are organisations and people; joining the network (approval, invites); climate goals
-- with progress updates. Keep in step with migrations/sqlite/0007_members.sql.

-- The organisation a member profile represents (local and remote actors alike).
CREATE TABLE organisations (
    actor_id   BIGINT PRIMARY KEY NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    org_type   TEXT NOT NULL,
    name       TEXT NOT NULL,
    location   TEXT NOT NULL DEFAULT '',
    website    TEXT NOT NULL DEFAULT '',
    updated_at BIGINT NOT NULL
);

-- An application to join when registration needs a coordinator's approval. The account waits
-- in accounts.state = 'pending'; a rejected one keeps state 'rejected' and the message.
CREATE TABLE registration_applications (
    account_id       BIGINT PRIMARY KEY NOT NULL REFERENCES accounts (actor_id) ON DELETE CASCADE,
    reason           TEXT NOT NULL,
    decision_message TEXT,
    decided_by       BIGINT REFERENCES actors (id) ON DELETE SET NULL,
    created_at       BIGINT NOT NULL,
    decided_at       BIGINT
);
CREATE INDEX registration_applications_open ON registration_applications (created_at) WHERE decided_at IS NULL;

-- Invite links; the token itself is shown once and stored only as a SHA-256 hash.
CREATE TABLE invites (
    id         BIGINT PRIMARY KEY NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_by BIGINT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    max_uses   BIGINT,
    uses       BIGINT NOT NULL DEFAULT 0,
    expires_at BIGINT,
    created_at BIGINT NOT NULL
);

-- Climate goals of a member or a project group (owner_id is the person or the group).
CREATE TABLE goals (
    id             BIGINT PRIMARY KEY NOT NULL,
    owner_id       BIGINT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    created_by     BIGINT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    title          TEXT NOT NULL,
    metric         TEXT NOT NULL,
    unit           TEXT NOT NULL,
    baseline_value DOUBLE PRECISION NOT NULL,
    baseline_year  BIGINT NOT NULL,
    target_value   DOUBLE PRECISION NOT NULL,
    target_year    BIGINT NOT NULL,
    scope_note     TEXT NOT NULL DEFAULT '',
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL
);
CREATE INDEX goals_owner ON goals (owner_id, id);

-- Progress on a goal; each update is also a thread (post_id) in a group the member chose.
CREATE TABLE goal_updates (
    id          BIGINT PRIMARY KEY NOT NULL,
    goal_id     BIGINT NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    reported_on BIGINT NOT NULL,
    value       DOUBLE PRECISION NOT NULL,
    note        TEXT NOT NULL,
    post_id     BIGINT REFERENCES posts (id) ON DELETE SET NULL,
    created_by  BIGINT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    created_at  BIGINT NOT NULL
);
CREATE INDEX goal_updates_goal ON goal_updates (goal_id, reported_on, id);

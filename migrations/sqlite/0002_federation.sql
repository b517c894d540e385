-- The persisted delivery queue and inbox idempotency. Keep in step with
-- migrations/postgres/0002_federation.sql.

-- One row per outgoing activity: the signed-over JSON, stored once.
CREATE TABLE outbox_activities (
    id         INTEGER PRIMARY KEY NOT NULL,
    ap_id      TEXT NOT NULL UNIQUE,
    actor_id   INTEGER NOT NULL REFERENCES actors (id),
    payload    TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

-- One row per target inbox of an activity. Worked through per peer domain in id order.
CREATE TABLE deliveries (
    id              INTEGER PRIMARY KEY NOT NULL,
    activity_id     INTEGER NOT NULL REFERENCES outbox_activities (id) ON DELETE CASCADE,
    inbox_url       TEXT NOT NULL,
    domain          TEXT NOT NULL,
    state           TEXT NOT NULL DEFAULT 'pending',
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    claimed_until   INTEGER,
    claim_token     TEXT,
    last_status     INTEGER,
    last_error      TEXT,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    UNIQUE (activity_id, inbox_url)
);
CREATE INDEX deliveries_due ON deliveries (next_attempt_at, id) WHERE state = 'pending';
CREATE INDEX deliveries_domain ON deliveries (domain, state, id);

-- Since when deliveries to a peer have been failing without a success in between; after
-- seven days the peer is marked unavailable (instances.unavailable_since) until it is heard from.
ALTER TABLE instances ADD COLUMN failing_since INTEGER;

-- Ids of accepted incoming activities: a duplicate has no second effect.
CREATE TABLE received_activities (
    ap_id       TEXT PRIMARY KEY NOT NULL,
    received_at INTEGER NOT NULL
);
CREATE INDEX received_activities_time ON received_activities (received_at);

-- Ids of remote objects deleted by their owners, so a Delete that overtakes its Create (or a
-- re-delivered Create) never makes the object visible.
CREATE TABLE deleted_objects (
    ap_id      TEXT PRIMARY KEY NOT NULL,
    deleted_at INTEGER NOT NULL
);

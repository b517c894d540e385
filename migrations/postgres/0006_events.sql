-- Events of groups (local and remote), who goes to them, and members' private calendar feed
-- tokens. Keep in step with migrations/sqlite/0006_events.sql.

CREATE TABLE events (
    id                 BIGINT PRIMARY KEY NOT NULL,
    -- The id on its own instance, for events of remote groups; NULL for ours.
    ap_id              TEXT UNIQUE,
    local              BOOLEAN NOT NULL,
    group_id           BIGINT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    author_id          BIGINT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    title              TEXT NOT NULL,
    description_source TEXT NOT NULL DEFAULT '',
    description_html   TEXT NOT NULL DEFAULT '',
    -- Unix milliseconds (UTC); time_zone is the IANA zone the organisers plan in.
    starts_at          BIGINT NOT NULL,
    ends_at            BIGINT NOT NULL,
    time_zone          TEXT NOT NULL,
    address            TEXT NOT NULL DEFAULT '',
    latitude           DOUBLE PRECISION,
    longitude          DOUBLE PRECISION,
    online_url         TEXT NOT NULL DEFAULT '',
    capacity           BIGINT,
    -- What a remote instance says about participants (we only know our own people).
    remote_participant_count BIGINT NOT NULL DEFAULT 0,
    created_at         BIGINT NOT NULL,
    updated_at         BIGINT NOT NULL,
    deleted_at         BIGINT
);
CREATE INDEX events_group_start ON events (group_id, starts_at);
CREATE INDEX events_start ON events (starts_at);

CREATE TABLE event_participants (
    event_id    BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    actor_id    BIGINT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    -- going or not_going
    status      TEXT NOT NULL,
    -- The Join's id, for answering and undoing it across instances.
    join_ap_id  TEXT,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL,
    PRIMARY KEY (event_id, actor_id)
);
CREATE INDEX event_participants_actor ON event_participants (actor_id, status);

CREATE TABLE calendar_tokens (
    account_id BIGINT PRIMARY KEY NOT NULL REFERENCES accounts (actor_id) ON DELETE CASCADE,
    token      TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);

-- The Mastodon client API: OAuth 2 apps, authorization codes and tokens, notifications,
-- idempotent status creation, timeline markers and lists. Keep in step with
-- migrations/sqlite/0003_client_api.sql.

CREATE TABLE oauth_apps (
    id            BIGINT PRIMARY KEY NOT NULL,
    client_id     TEXT NOT NULL UNIQUE,
    client_secret TEXT NOT NULL,
    name          TEXT NOT NULL,
    website       TEXT,
    redirect_uris TEXT NOT NULL, -- one per line
    scopes        TEXT NOT NULL, -- space separated
    created_at    BIGINT NOT NULL
);

-- Short-lived codes of the authorization-code flow, stored by their SHA-256.
CREATE TABLE oauth_codes (
    code_hash      TEXT PRIMARY KEY NOT NULL,
    app_id         BIGINT NOT NULL REFERENCES oauth_apps (id) ON DELETE CASCADE,
    account_id     BIGINT NOT NULL REFERENCES accounts (actor_id) ON DELETE CASCADE,
    redirect_uri   TEXT NOT NULL,
    scopes         TEXT NOT NULL,
    code_challenge TEXT,
    expires_at     BIGINT NOT NULL
);

-- Access tokens (and their refresh tokens), stored by their SHA-256. account_id is NULL for
-- tokens of the client-credentials grant, which act for the app only.
CREATE TABLE oauth_tokens (
    id           BIGINT PRIMARY KEY NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    refresh_hash TEXT UNIQUE,
    app_id       BIGINT NOT NULL REFERENCES oauth_apps (id) ON DELETE CASCADE,
    account_id   BIGINT REFERENCES accounts (actor_id) ON DELETE CASCADE,
    scopes       TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    revoked_at   BIGINT
);
CREATE INDEX oauth_tokens_account ON oauth_tokens (account_id);

-- What a member is told about: replies and mentions, likes, follows, new posts, edits.
CREATE TABLE notifications (
    id            BIGINT PRIMARY KEY NOT NULL,
    account_id    BIGINT NOT NULL REFERENCES accounts (actor_id) ON DELETE CASCADE,
    kind          TEXT NOT NULL, -- mention | favourite | follow | status | reblog | update
    from_actor_id BIGINT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    post_id       BIGINT REFERENCES posts (id) ON DELETE CASCADE,
    created_at    BIGINT NOT NULL
);
CREATE INDEX notifications_account ON notifications (account_id, id);
CREATE UNIQUE INDEX notifications_once ON notifications (account_id, kind, from_actor_id, post_id);

-- A status created with an Idempotency-Key is created once per key and account.
CREATE TABLE idempotency_keys (
    account_id BIGINT NOT NULL REFERENCES accounts (actor_id) ON DELETE CASCADE,
    key        TEXT NOT NULL,
    post_id    BIGINT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (account_id, key)
);

-- Where a member stopped reading a timeline (home, notifications).
CREATE TABLE markers (
    account_id   BIGINT NOT NULL REFERENCES accounts (actor_id) ON DELETE CASCADE,
    timeline     TEXT NOT NULL,
    last_read_id TEXT NOT NULL,
    version      BIGINT NOT NULL DEFAULT 1,
    updated_at   BIGINT NOT NULL,
    PRIMARY KEY (account_id, timeline)
);

-- A member's own lists of accounts (Mastodon lists).
CREATE TABLE lists (
    id             BIGINT PRIMARY KEY NOT NULL,
    account_id     BIGINT NOT NULL REFERENCES accounts (actor_id) ON DELETE CASCADE,
    title          TEXT NOT NULL,
    replies_policy TEXT NOT NULL DEFAULT 'list',
    exclusive      BOOLEAN NOT NULL DEFAULT FALSE,
    created_at     BIGINT NOT NULL
);
CREATE INDEX lists_account ON lists (account_id, id);

CREATE TABLE list_members (
    list_id  BIGINT NOT NULL REFERENCES lists (id) ON DELETE CASCADE,
    actor_id BIGINT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    PRIMARY KEY (list_id, actor_id)
);

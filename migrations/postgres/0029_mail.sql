-- Email: the outgoing queue (mails rendered in the recipient's language, sent by the mail
-- worker with retries), single-use tokens sent by mail (password reset, address
-- confirmation), each account's mail preferences, and whether an account's address is
-- confirmed (existing accounts count as confirmed). Keep in step with the other backend's
-- 0029_mail.sql.

CREATE TABLE mail_queue (
    id              BIGINT PRIMARY KEY NOT NULL,
    recipient       TEXT NOT NULL,
    kind            TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body_text       TEXT NOT NULL,
    body_html       TEXT,
    unsubscribe_url TEXT,
    state           TEXT NOT NULL DEFAULT 'pending',
    attempts        BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    claim_token     TEXT,
    claimed_until   BIGINT,
    last_error      TEXT,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
);
CREATE INDEX mail_queue_due ON mail_queue (state, next_attempt_at);

CREATE TABLE mail_tokens (
    token_hash TEXT PRIMARY KEY NOT NULL,
    account_id BIGINT NOT NULL REFERENCES accounts (actor_id) ON DELETE CASCADE,
    purpose    TEXT NOT NULL,
    email      TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX mail_tokens_account ON mail_tokens (account_id, purpose);

CREATE TABLE mail_preferences (
    account_id     BIGINT PRIMARY KEY NOT NULL REFERENCES accounts (actor_id) ON DELETE CASCADE,
    digest         TEXT NOT NULL DEFAULT 'off',
    unsubscribed   BOOLEAN NOT NULL DEFAULT FALSE,
    last_digest_at BIGINT,
    updated_at     BIGINT NOT NULL
);

ALTER TABLE accounts ADD COLUMN email_confirmed BOOLEAN NOT NULL DEFAULT TRUE;

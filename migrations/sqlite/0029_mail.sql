-- Email: the outgoing queue (mails rendered in the recipient's language, sent by the mail
-- worker with retries), single-use tokens sent by mail (password reset, address
-- confirmation), each account's mail preferences, and whether an account's address is
-- confirmed (existing accounts count as confirmed). Keep in step with the other backend's
-- 0029_mail.sql.

CREATE TABLE mail_queue (
    id              INTEGER PRIMARY KEY NOT NULL,
    recipient       TEXT NOT NULL,
    kind            TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body_text       TEXT NOT NULL,
    body_html       TEXT,
    unsubscribe_url TEXT,
    state           TEXT NOT NULL DEFAULT 'pending',
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    claim_token     TEXT,
    claimed_until   INTEGER,
    last_error      TEXT,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX mail_queue_due ON mail_queue (state, next_attempt_at);

CREATE TABLE mail_tokens (
    token_hash TEXT PRIMARY KEY NOT NULL,
    account_id INTEGER NOT NULL REFERENCES accounts (actor_id) ON DELETE CASCADE,
    purpose    TEXT NOT NULL,
    email      TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER,
    created_at INTEGER NOT NULL
);
CREATE INDEX mail_tokens_account ON mail_tokens (account_id, purpose);

CREATE TABLE mail_preferences (
    account_id     INTEGER PRIMARY KEY NOT NULL REFERENCES accounts (actor_id) ON DELETE CASCADE,
    digest         TEXT NOT NULL DEFAULT 'off',
    unsubscribed   INTEGER NOT NULL DEFAULT 0,
    last_digest_at INTEGER,
    updated_at     INTEGER NOT NULL
);

ALTER TABLE accounts ADD COLUMN email_confirmed INTEGER NOT NULL DEFAULT 1;

-- Quote posts (FEP-044f) and interaction policies (GoToSocial's and Mastodon's
-- `interactionPolicy`). Keep in step with the other backend's 0030_quotes.sql.
--
-- Who may reply to, like, boost or quote a post: for a remote post as its origin publishes it,
-- for a local post the quote policy its author chose (the rest follows from locks and closed
-- groups). Values: 'anyone', 'approval' (anyone, after the author approves), 'followers'
-- (the author's followers), 'nobody' (nobody but the author and who is named).
CREATE TABLE post_interaction_policies (
    post_id      INTEGER PRIMARY KEY NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    can_reply    TEXT NOT NULL,
    can_like     TEXT NOT NULL,
    can_announce TEXT NOT NULL,
    can_quote    TEXT NOT NULL
);

-- A member's default quote policy for new posts ('anyone', 'followers', 'nobody').
CREATE TABLE quote_policy_defaults (
    account_id INTEGER PRIMARY KEY NOT NULL REFERENCES accounts (actor_id) ON DELETE CASCADE,
    policy     TEXT NOT NULL
);

-- A post that quotes another: the quoted post (once known here), its id, and where the
-- approval stands ('pending', 'accepted', 'rejected', 'revoked'); `authorization_ap_id` is the
-- stamp (`QuoteAuthorization`) that approved it, `request_ap_id` the `QuoteRequest` we sent.
CREATE TABLE quotes (
    post_id        INTEGER PRIMARY KEY NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    quoted_post_id INTEGER REFERENCES posts (id) ON DELETE SET NULL,
    quoted_ap_id   TEXT NOT NULL,
    state          TEXT NOT NULL,
    authorization_ap_id TEXT,
    request_ap_id  TEXT,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
);
CREATE INDEX quotes_quoted ON quotes (quoted_post_id);
CREATE INDEX quotes_authorization ON quotes (authorization_ap_id);

-- Stamps we issued: our post `quoted_post_id` may be quoted by `quoting_ap_id` (by the actor
-- `actor_id`; `quoting_post_id` once it is known here); served at /quote-authorizations/{id} until revoked.
CREATE TABLE quote_authorizations (
    id             INTEGER PRIMARY KEY NOT NULL,
    quoted_post_id INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    quoting_ap_id  TEXT NOT NULL,
    quoting_post_id INTEGER REFERENCES posts (id) ON DELETE SET NULL,
    actor_id       INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    request_ap_id  TEXT,
    created_at     INTEGER NOT NULL,
    revoked_at     INTEGER,
    UNIQUE (quoted_post_id, quoting_ap_id)
);

-- RFC 9421 HTTP message signatures: which format each peer (host and port) takes from us
-- ("double-knocking" remembers what worked), and the FEP-521a ed25519 keys remote actors
-- publish (their `assertionMethod` Multikeys). Keep in step with
-- migrations/postgres/0028_http_signatures.sql.

CREATE TABLE peer_signature_formats (
    host        TEXT PRIMARY KEY NOT NULL,
    -- 'draft-cavage' or 'rfc9421'
    format      TEXT NOT NULL,
    -- 'accepted': a request of ours in this format was answered; 'signed': the peer signed
    -- with it itself
    learned_by  TEXT NOT NULL,
    updated_at  INTEGER NOT NULL
);

CREATE TABLE actor_multikeys (
    actor_id              INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    key_id                TEXT NOT NULL,
    public_key_multibase  TEXT NOT NULL,
    PRIMARY KEY (actor_id, key_id)
);

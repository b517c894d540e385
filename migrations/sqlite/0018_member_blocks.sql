-- What members protect themselves with: people they block, people they mute (perhaps with
-- their notifications, perhaps for a while), and whole domains they block. Timelines,
-- notifications, search and thread pages leave these out for that member only.
-- Keep in step with migrations/postgres/0018_member_blocks.sql.

-- A person block (its id names the `Block` we send when the blocked person is remote).
CREATE TABLE member_blocks (
    id         INTEGER PRIMARY KEY NOT NULL,
    account_id INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    target_id  INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    UNIQUE (account_id, target_id)
);
CREATE INDEX member_blocks_target ON member_blocks (target_id, account_id);

-- A mute; `expires_at` NULL means until undone.
CREATE TABLE member_mutes (
    id                 INTEGER PRIMARY KEY NOT NULL,
    account_id         INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    target_id          INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    hide_notifications BOOLEAN NOT NULL,
    expires_at         INTEGER,
    created_at         INTEGER NOT NULL,
    UNIQUE (account_id, target_id)
);

-- A blocked domain: a lowercase host without port; it also covers the host's subdomains and
-- every port.
CREATE TABLE member_domain_blocks (
    id         INTEGER PRIMARY KEY NOT NULL,
    account_id INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    host       TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (account_id, host)
);

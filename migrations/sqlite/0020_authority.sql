-- Who moderates a remote group, as its own instance lists it (the group's `attributedTo`
-- collection, and the `Add`/`Remove` activities it announces): read by the one authority
-- rule (service::authority) when a remote moderator removes or locks something we hold.
-- `moderators_refreshed_at` on the group says when the list was last read from its server.
-- Suspensions: an admin suspends a local account or a remote actor (its content hidden, its
-- activities dropped), or silences (limits) a remote one; domain blocks get a public reason.
-- Keep in step with migrations/postgres/0020_authority.sql.

CREATE TABLE remote_group_moderators (
    group_id        INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    moderator_ap_id TEXT NOT NULL,
    PRIMARY KEY (group_id, moderator_ap_id)
);

ALTER TABLE actors ADD COLUMN moderators_refreshed_at INTEGER;
ALTER TABLE actors ADD COLUMN suspended_at INTEGER;
ALTER TABLE actors ADD COLUMN suspension_reason TEXT;
ALTER TABLE actors ADD COLUMN suspended_by_domain BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE actors ADD COLUMN silenced_at INTEGER;

ALTER TABLE instances ADD COLUMN public_reason TEXT;
ALTER TABLE instances ADD COLUMN private_comment TEXT;
ALTER TABLE instances ADD COLUMN blocked_at INTEGER;

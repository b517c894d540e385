-- Groups declare their languages; remote organisers answer our members' RSVPs (and events say
-- how they may be joined); project partners named by a fediverse handle are resolved to actors.
-- Keep in step with migrations/postgres/0015_group_profile.sql.

-- The languages a group declares: two-letter codes, comma-separated, in the order given.
ALTER TABLE actors ADD COLUMN languages TEXT NOT NULL DEFAULT '';

-- Mobilizon's joinMode: free, restricted (the organiser approves), invite or external.
ALTER TABLE events ADD COLUMN join_mode TEXT NOT NULL DEFAULT 'free';

-- A remote organiser's answer to one of our members' Join: NULL (none yet), confirmed or declined.
ALTER TABLE event_participants ADD COLUMN confirmation TEXT;

-- The actor a partner reference (a handle @name@host or an actor URL) of a local project
-- resolved to; references that did not resolve have no row.
CREATE TABLE project_partner_actors (
    group_id    INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    reference   TEXT NOT NULL,
    actor_id    INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    resolved_at INTEGER NOT NULL,
    PRIMARY KEY (group_id, reference)
);

-- Avatars and header images of actors, and what the admin's federation page knows of peers.
-- Keep in step with migrations/sqlite/0034_profile_images.sql.
--
-- `avatar` / `header`: for local actors the name of a file in the media store (served under
-- `/media/`), for remote actors the URL their document gives (`icon` / `image`).
ALTER TABLE actors ADD COLUMN avatar TEXT;
ALTER TABLE actors ADD COLUMN header TEXT;

-- NodeInfo of a peer: `instances.software` holds the name; the version and when NodeInfo was
-- last asked for (at most daily) are new.
ALTER TABLE instances ADD COLUMN software_version TEXT;
ALTER TABLE instances ADD COLUMN nodeinfo_checked_at BIGINT;

-- Activities accepted in the inbox, per peer and hour (hour = unix time / 3600); old hours are
-- pruned.
CREATE TABLE inbound_activity_counts (
    instance_id BIGINT NOT NULL REFERENCES instances (id) ON DELETE CASCADE,
    hour        BIGINT NOT NULL,
    accepted    BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (instance_id, hour)
);

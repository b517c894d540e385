-- Instance settings an admin changes in the web interface, overriding the configuration file's
-- value (which stays the default until first changed). One row per setting, by name: for now
-- `federation.allowlist_only` ('true' or 'false'). Keep in step with
-- migrations/postgres/0011_instance_settings.sql.

CREATE TABLE instance_settings (
    name       TEXT PRIMARY KEY NOT NULL,
    value      TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);

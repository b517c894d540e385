-- The admin dashboard's federation health: per peer, when a delivery last went through, how
-- many attempts have failed since, and the last error. Written by the delivery worker; keep in
-- step with migrations/sqlite/0025_federation_health.sql.

ALTER TABLE instances ADD COLUMN last_delivered_at BIGINT;
ALTER TABLE instances ADD COLUMN last_failed_at BIGINT;
ALTER TABLE instances ADD COLUMN failures_in_a_row BIGINT NOT NULL DEFAULT 0;
ALTER TABLE instances ADD COLUMN last_delivery_error TEXT;

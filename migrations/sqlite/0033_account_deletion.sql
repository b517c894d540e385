-- Account deletion by its owner: when a member asks to delete their account, the time it is due
-- (after the grace period, `accounts.deletion_grace_days`); the deletion job removes accounts
-- whose time has come. NULL: not asked, or cancelled. Keep in step with the other backend's
-- 0033_account_deletion.sql.

ALTER TABLE accounts ADD COLUMN deletion_due_at INTEGER;
CREATE INDEX accounts_deletion_due ON accounts (deletion_due_at) WHERE deletion_due_at IS NOT NULL;

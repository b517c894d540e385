-- A group shares each thread started in it, as Mastodon shows a group's posts (an `Announce` by
-- the group): the share is a boost by the group, so apps list a group's statuses as its boosts.
-- New threads get their share when they are stored; this adds it to the threads already held.
-- The share's id follows its thread's id (ids are unique per table and time-ordered).
-- Keep in step with migrations/sqlite/0013_group_shares.sql.

INSERT INTO boosts (id, post_id, actor_id, ap_id, created_at)
SELECT p.id + 1, p.id, p.group_id, NULL, p.created_at
FROM posts p
WHERE p.group_id IS NOT NULL AND p.id = p.root_id AND p.deleted_at IS NULL
ON CONFLICT DO NOTHING;

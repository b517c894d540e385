-- One column for an actor's avatar: `actors.avatar` (0034) holds a local actor's media file
-- name or a remote actor's `icon` URL. `actors.avatar_url` (0032) stored the same URL for
-- remote people a second time; its values move over where `avatar` is still empty, then it
-- goes. Keep in step with migrations/postgres/0039_one_avatar_column.sql.

UPDATE actors SET avatar = avatar_url WHERE avatar IS NULL AND avatar_url IS NOT NULL AND NOT local;
ALTER TABLE actors DROP COLUMN avatar_url;

-- Hashtags and mentions of posts: the tag timeline and tag pages read `post_hashtags`, statuses
-- list their mentioned accounts from `post_mentions`. Both are rewritten when a post is edited
-- and emptied when it is deleted. Keep in step with migrations/postgres/0010_tags.sql.

CREATE TABLE post_hashtags (
    post_id INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    -- Lowercase, without `#`.
    name    TEXT NOT NULL,
    PRIMARY KEY (post_id, name)
);
CREATE INDEX post_hashtags_name ON post_hashtags (name, post_id);

CREATE TABLE post_mentions (
    post_id  INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    actor_id INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    PRIMARY KEY (post_id, actor_id)
);
CREATE INDEX post_mentions_actor ON post_mentions (actor_id, post_id);

-- Who may read a post (issue 15): see migrations/sqlite/0031_post_visibility.sql, which this
-- keeps in step with. Only `public` posts get a search document: the generated column of 0027
-- is made again with that condition (and its index with it).

ALTER TABLE posts ADD COLUMN visibility TEXT NOT NULL DEFAULT 'public';

UPDATE posts SET visibility = 'members'
WHERE group_id IN (SELECT id FROM actors WHERE kind = 'group' AND closed);

ALTER TABLE posts DROP COLUMN search_document;

ALTER TABLE posts ADD COLUMN search_document tsvector GENERATED ALWAYS AS (
    CASE WHEN deleted_at IS NULL AND visibility = 'public'
        THEN post_search_document(language, title, content_html) END
) STORED;

CREATE INDEX posts_search ON posts USING GIN (search_document);

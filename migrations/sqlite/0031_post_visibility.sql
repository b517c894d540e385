-- Who may read a post (issue 15): `public`, `unlisted` (readable by anyone, listed nowhere
-- public), `private` (followers-only: the author's accepted followers and the people it
-- mentions), `members` (a post in a private group: the group's accepted followers and its
-- moderators). Posts of a closed group are `members`; closing or opening a group changes its
-- posts (src/db/visibility.rs). Only `public` posts are searchable: the search view and the
-- update trigger of 0027 are made again with that condition. Keep in step with
-- migrations/postgres/0031_post_visibility.sql.

ALTER TABLE posts ADD COLUMN visibility TEXT NOT NULL DEFAULT 'public';

UPDATE posts SET visibility = 'members'
WHERE group_id IN (SELECT id FROM actors WHERE kind = 'group' AND closed);

DROP TRIGGER post_search_after_insert;
DROP TRIGGER post_search_after_update;
DROP VIEW post_search_documents;

CREATE VIEW post_search_documents AS
SELECT id, COALESCE(title, '') AS title,
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
    replace(replace(replace(replace(replace(replace(replace(
        content_html,
        '</', '<'),
        '<', ' <'),
        ' href="', ' <href '),
        ' rel="nofollow noopener noreferrer"', ''),
        ' rel="tag nofollow noopener noreferrer"', ''),
        ' class="mention hashtag"', ''),
        ' class="u-url mention"', ''),
        ' class="mention u-url"', ''),
        ' class="h-card"', ''),
        ' class="mention"', ''),
        ' class="hashtag"', ''),
        ' class="invisible"', ''),
        ' class="ellipsis"', ''),
        ' class="status-link"', ''),
        ' class="u-url"', ''),
        '&lt;', ' '),
        '&gt;', ' '),
        '&quot;', ' '),
        '&#39;', ''''),
        '&amp;', ' ') AS body
FROM posts
WHERE deleted_at IS NULL AND visibility = 'public';

CREATE TRIGGER post_search_after_insert AFTER INSERT ON posts BEGIN
    INSERT INTO post_search (rowid, title, body)
        SELECT id, title, body FROM post_search_documents WHERE id = new.id;
END;

CREATE TRIGGER post_search_after_update
AFTER UPDATE OF title, content_html, deleted_at, visibility ON posts BEGIN
    DELETE FROM post_search WHERE rowid = old.id;
    INSERT INTO post_search (rowid, title, body)
        SELECT id, title, body FROM post_search_documents WHERE id = new.id;
END;

DELETE FROM post_search WHERE rowid IN (SELECT id FROM posts WHERE visibility <> 'public');

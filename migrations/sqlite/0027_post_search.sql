-- Full-text search of posts (issue 17), SQLite flavour. Keep in step with
-- migrations/postgres/0027_post_search.sql.
--
-- `post_search` is a contentless FTS5 index (the text stays in `posts`; search pages build
-- their snippets from it) whose rowid is the post's id. Triggers on `posts` keep it current on
-- every write, whichever code path (web, client API, inbox, moderation, suspension, restore,
-- a bulk seeder) makes it: a post is in the index exactly while `post_search_documents` holds it.
-- All posts stored here are public (the inbox drops non-public ones); a kind of post that is
-- not must be left out of that view.
--
-- The tokenizer folds case and diacritics. Language-aware matching is done on the query side:
-- each word is looked up by the stems the six interface languages give it, as word prefixes
-- (see src/db/post_search.rs). `<` is a token character so that markup left in the text becomes
-- tokens starting with `<`, which no query word ever is.

CREATE VIRTUAL TABLE post_search USING fts5(
    title,
    body,
    content = '',
    contentless_delete = 1,
    tokenize = "unicode61 remove_diacritics 2 tokenchars '<'"
);

-- What is searchable, as text: live posts, their title and their sanitised HTML with the
-- sanitiser's fixed link attributes and entities taken out, and every tag set apart.
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
WHERE deleted_at IS NULL;

CREATE TRIGGER post_search_after_insert AFTER INSERT ON posts BEGIN
    INSERT INTO post_search (rowid, title, body)
        SELECT id, title, body FROM post_search_documents WHERE id = new.id;
END;

-- Edits (local and federated), deletions and removals (which set deleted_at) and restores.
CREATE TRIGGER post_search_after_update AFTER UPDATE OF title, content_html, deleted_at ON posts BEGIN
    DELETE FROM post_search WHERE rowid = old.id;
    INSERT INTO post_search (rowid, title, body)
        SELECT id, title, body FROM post_search_documents WHERE id = new.id;
END;

CREATE TRIGGER post_search_after_delete AFTER DELETE ON posts BEGIN
    DELETE FROM post_search WHERE rowid = old.id;
END;

-- Backfill: every live post stored so far.
INSERT INTO post_search (rowid, title, body) SELECT id, title, body FROM post_search_documents;

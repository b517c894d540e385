-- Full-text search of posts (issue 17), PostgreSQL flavour. Keep in step with
-- migrations/sqlite/0027_post_search.sql.
--
-- Each live post carries its `tsvector` in a generated column, built with the text search
-- configuration of the post's language (the six interface languages; Polish and every other
-- language use 'simple', as PostgreSQL has no Polish configuration). Being generated, it is
-- current after every write, whichever code path makes it; adding it fills it for every
-- existing post (the backfill). All posts stored here are public (the inbox drops non-public
-- ones); a kind of post that is not must get a NULL document.
--
-- The parser drops HTML tags and entities, so the sanitised HTML is indexed as it is.

CREATE FUNCTION post_search_config(language TEXT) RETURNS regconfig
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE language
        WHEN 'en' THEN 'pg_catalog.english'::regconfig
        WHEN 'de' THEN 'pg_catalog.german'::regconfig
        WHEN 'sv' THEN 'pg_catalog.swedish'::regconfig
        WHEN 'da' THEN 'pg_catalog.danish'::regconfig
        WHEN 'fi' THEN 'pg_catalog.finnish'::regconfig
        ELSE 'pg_catalog.simple'::regconfig
    END
$$;

-- The title weighs more than the body (weight A against D in ts_rank_cd). The function's own
-- search path is fixed: `pg_restore` loads rows with an empty search path, and the generated
-- column calls `post_search_config` through it.
CREATE FUNCTION post_search_document(language TEXT, title TEXT, content_html TEXT) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path FROM CURRENT AS $$
    SELECT setweight(to_tsvector(post_search_config(language), COALESCE(title, '')), 'A')
        || setweight(to_tsvector(post_search_config(language), content_html), 'D')
$$;

ALTER TABLE posts ADD COLUMN search_document tsvector GENERATED ALWAYS AS (
    CASE WHEN deleted_at IS NULL THEN post_search_document(language, title, content_html) END
) STORED;

CREATE INDEX posts_search ON posts USING GIN (search_document);

//! Full-text search of posts. The indexes are kept by the database itself (see migration 0027:
//! triggers into the FTS5 table `post_search` on SQLite, the generated column
//! `posts.search_document` on PostgreSQL), so every write path keeps them current; this file
//! only reads them.
//!
//! Results are ranked (SQLite `bm25`, title weighted above the body; PostgreSQL `ts_rank_cd`,
//! title weight A against D), ties broken by recency (newer ids first), and paged by offset
//! (bounded by the service). Hidden as in the public timeline: deleted or removed posts,
//! suspended or silenced authors, and whatever the viewer blocked or muted.

use super::blocks::hidden_from;
use super::statuses::{StatusRow, status_columns, status_joins};
use super::{Conn, DbError, query_as, query_scalar};
use crate::domain::search::SearchText;

/// A found post, with the title of its thread (for replies, which have none of their own).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SearchHitRow {
    #[sqlx(flatten)]
    pub status: StatusRow,
    pub thread_title: Option<String>,
}

/// What every search leaves out, after the index has matched; `$1` is the viewer, `$5` now.
macro_rules! visible_hit {
    () => {
        concat!(
            "p.deleted_at IS NULL AND p.visibility = 'public' AND a.silenced_at IS NULL AND NOT ",
            hidden_from!("$1", "p.author_id", "$5")
        )
    };
}

/// The PostgreSQL query of the words in `$2`, in every interface language's configuration
/// (a post matches when all words match in one of them).
macro_rules! pg_query {
    () => {
        "(plainto_tsquery('pg_catalog.english', $2) || plainto_tsquery('pg_catalog.german', $2) \
          || plainto_tsquery('pg_catalog.swedish', $2) || plainto_tsquery('pg_catalog.danish', $2) \
          || plainto_tsquery('pg_catalog.finnish', $2) || plainto_tsquery('pg_catalog.simple', $2))"
    };
}

/// The search statement on SQLite: `$2` is the FTS5 query, `$3` the limit, `$4` the offset.
macro_rules! sqlite_search {
    () => {
        concat!(
            "SELECT ",
            status_columns!(),
            ", root.title AS thread_title \
             FROM (SELECT rowid AS hit_id, bm25(post_search, 4.0, 1.0) AS score FROM post_search \
                   WHERE post_search MATCH $2) s \
             JOIN posts p ON p.id = s.hit_id ",
            status_joins!(),
            "LEFT JOIN posts root ON root.id = p.root_id WHERE ",
            visible_hit!(),
            " ORDER BY s.score, p.id DESC LIMIT $3 OFFSET $4"
        )
    };
}

/// The search statement on PostgreSQL: `$2` is the words, `$3` the limit, `$4` the offset.
macro_rules! postgres_search {
    () => {
        concat!(
            "SELECT ",
            status_columns!(),
            ", root.title AS thread_title FROM posts p ",
            status_joins!(),
            "LEFT JOIN posts root ON root.id = p.root_id WHERE p.search_document @@ ",
            pg_query!(),
            " AND ",
            visible_hit!(),
            " ORDER BY ts_rank_cd(p.search_document, ",
            pg_query!(),
            ") DESC, p.id DESC LIMIT $3 OFFSET $4"
        )
    };
}

/// One page of the posts that match `text`, best first.
pub async fn search_posts(
    conn: &mut Conn<'_>,
    viewer: Option<i64>,
    text: &SearchText,
    offset: i64,
    limit: i64,
    now: i64,
) -> Result<Vec<SearchHitRow>, DbError> {
    match conn {
        Conn::Sqlite(_) => query_as!(
            conn,
            SearchHitRow,
            fetch_all,
            sqlite_search!(),
            viewer,
            text.fts5_match(),
            limit,
            offset,
            now
        ),
        Conn::Postgres(_) => {
            query_as!(
                conn,
                SearchHitRow,
                fetch_all,
                postgres_search!(),
                viewer,
                text.plain(),
                limit,
                offset,
                now
            )
        }
    }
}

/// Whether post `id` is in the search index now (for tests of the index's upkeep).
pub async fn is_indexed(conn: &mut Conn<'_>, id: i64) -> Result<bool, DbError> {
    match conn {
        Conn::Sqlite(_) => query_scalar!(
            conn,
            bool,
            fetch_one,
            "SELECT EXISTS (SELECT 1 FROM post_search WHERE rowid = $1)",
            id
        ),
        Conn::Postgres(_) => query_scalar!(
            conn,
            bool,
            fetch_one,
            "SELECT EXISTS (SELECT 1 FROM posts WHERE id = $1 AND search_document IS NOT NULL)",
            id
        ),
    }
}

/// The query plan of a search for `text`, one line per step (for the test that the index is
/// used). On PostgreSQL the planner's statistics of `posts` are refreshed and sequential and
/// plain index scans switched off for the transaction first (so call it inside one): the plan
/// shows whether the GIN index can serve the match, whatever the table's size.
pub async fn explain_search(conn: &mut Conn<'_>, text: &SearchText) -> Result<Vec<String>, DbError> {
    match conn {
        Conn::Sqlite(_) => {
            #[derive(sqlx::FromRow)]
            struct PlanRow {
                detail: String,
            }
            let rows: Vec<PlanRow> = query_as!(
                conn,
                PlanRow,
                fetch_all,
                concat!("EXPLAIN QUERY PLAN ", sqlite_search!()),
                Option::<i64>::None,
                text.fts5_match(),
                20_i64,
                0_i64,
                0_i64
            )?;
            Ok(rows.into_iter().map(|r| r.detail).collect())
        }
        Conn::Postgres(_) => {
            super::execute!(conn, "ANALYZE posts")?;
            super::execute!(conn, "SET LOCAL enable_seqscan = off")?;
            // On a small table a full walk of another index still looks cheaper than the
            // GIN index; with plain index scans off too, only an index that can answer the
            // match is worth a bitmap scan.
            super::execute!(conn, "SET LOCAL enable_indexscan = off")?;
            query_scalar!(
                conn,
                String,
                fetch_all,
                concat!("EXPLAIN ", postgres_search!()),
                Option::<i64>::None,
                text.plain(),
                20_i64,
                0_i64,
                0_i64
            )
        }
    }
}

//! Earlier versions of edited posts (the edit history). A revision is taken just before an edit
//! replaces the text, and dropped with the post's content when it is deleted.

use super::{Conn, DbError, execute, query_as};

/// Most revisions listed for one post.
const MAX_REVISIONS: i64 = 100;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RevisionRow {
    pub title: Option<String>,
    pub content_html: String,
    pub content_warning: Option<String>,
    pub sensitive: bool,
    /// When this version became the current one.
    pub created_at: i64,
}

/// Keeps the current version of post `post_id` as revision `id`, before it is edited.
pub async fn insert_revision_of(conn: &mut Conn<'_>, id: i64, post_id: i64) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO post_revisions (id, post_id, title, content_html, content_warning, sensitive, created_at) \
         SELECT $1, p.id, p.title, p.content_html, p.content_warning, p.sensitive, \
                COALESCE(p.updated_at, p.created_at) \
         FROM posts p WHERE p.id = $2 AND p.deleted_at IS NULL",
        id,
        post_id,
    )?;
    Ok(())
}

/// A post's earlier versions, oldest first.
pub async fn list_revisions(conn: &mut Conn<'_>, post_id: i64) -> Result<Vec<RevisionRow>, DbError> {
    query_as!(
        conn,
        RevisionRow,
        fetch_all,
        "SELECT title, content_html, content_warning, sensitive, created_at FROM post_revisions \
         WHERE post_id = $1 ORDER BY id LIMIT $2",
        post_id,
        MAX_REVISIONS,
    )
}

pub async fn delete_revisions(conn: &mut Conn<'_>, post_id: i64) -> Result<(), DbError> {
    execute!(conn, "DELETE FROM post_revisions WHERE post_id = $1", post_id)?;
    Ok(())
}

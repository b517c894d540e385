//! A thread's posts and a post's direct replies, page by page, for the collections we serve
//! (FEP-7888 `context`, `replies`). Pages are keyed by post id: each starts after the last id
//! of the page before, so a page stays cheap however long the thread.

use super::{Conn, DbError, query_as, query_scalar};

/// A post as a collection lists it: local ones by their path, others by their id.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CollectionItemRow {
    pub id: i64,
    pub root_id: i64,
    pub local: bool,
    pub ap_id: Option<String>,
}

/// Up to `limit` posts of the thread `root_id` with ids above `after`, oldest first.
pub async fn list_thread_items(
    conn: &mut Conn<'_>,
    root_id: i64,
    after: i64,
    limit: i64,
) -> Result<Vec<CollectionItemRow>, DbError> {
    query_as!(
        conn,
        CollectionItemRow,
        fetch_all,
        "SELECT id, root_id, local, ap_id FROM posts \
         WHERE root_id = $1 AND id > $2 AND deleted_at IS NULL ORDER BY id LIMIT $3",
        root_id,
        after,
        limit
    )
}

/// How many posts the thread `root_id` has (not deleted).
pub async fn count_thread_items(conn: &mut Conn<'_>, root_id: i64) -> Result<i64, DbError> {
    query_scalar!(
        conn,
        i64,
        fetch_one,
        "SELECT COUNT(*) FROM posts WHERE root_id = $1 AND deleted_at IS NULL",
        root_id
    )
}

/// Up to `limit` direct replies to `parent_id` with ids above `after`, oldest first.
pub async fn list_reply_items(
    conn: &mut Conn<'_>,
    parent_id: i64,
    after: i64,
    limit: i64,
) -> Result<Vec<CollectionItemRow>, DbError> {
    query_as!(
        conn,
        CollectionItemRow,
        fetch_all,
        "SELECT id, root_id, local, ap_id FROM posts \
         WHERE in_reply_to_id = $1 AND id > $2 AND deleted_at IS NULL ORDER BY id LIMIT $3",
        parent_id,
        after,
        limit
    )
}

/// How many direct replies `parent_id` has (not deleted).
pub async fn count_reply_items(conn: &mut Conn<'_>, parent_id: i64) -> Result<i64, DbError> {
    query_scalar!(
        conn,
        i64,
        fetch_one,
        "SELECT COUNT(*) FROM posts WHERE in_reply_to_id = $1 AND deleted_at IS NULL",
        parent_id
    )
}

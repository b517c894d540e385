//! Downvotes of posts (Lemmy's `Dislike`): one per person and post, kept apart from likes.

use super::{Conn, DbError, execute};

/// Stores a remote actor's downvote with the id of its `Dislike`, so that an `Undo` naming only
/// that id finds it. Returns whether a new downvote was stored.
pub async fn insert_downvote(
    conn: &mut Conn<'_>,
    post_id: i64,
    actor_id: i64,
    ap_id: &str,
    now: i64,
) -> Result<bool, DbError> {
    let inserted = execute!(
        conn,
        "INSERT INTO downvotes (post_id, actor_id, ap_id, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
        post_id,
        actor_id,
        ap_id,
        now,
    )?;
    Ok(inserted == 1)
}

/// Removes a person's downvote of a post; returns whether there was one.
pub async fn delete_downvote(conn: &mut Conn<'_>, post_id: i64, actor_id: i64) -> Result<bool, DbError> {
    let deleted =
        execute!(conn, "DELETE FROM downvotes WHERE post_id = $1 AND actor_id = $2", post_id, actor_id,)?;
    Ok(deleted == 1)
}

/// Removes the downvote made by the `Dislike` activity `ap_id`, only when `actor_id` made it;
/// returns whether there was one.
pub async fn delete_downvote_by_ap_id(
    conn: &mut Conn<'_>,
    ap_id: &str,
    actor_id: i64,
) -> Result<Option<i64>, DbError> {
    super::query_scalar!(
        conn,
        i64,
        fetch_optional,
        "DELETE FROM downvotes WHERE ap_id = $1 AND actor_id = $2 RETURNING post_id",
        ap_id,
        actor_id
    )
}

/// How many people downvoted a post.
pub async fn count_downvotes(conn: &mut Conn<'_>, post_id: i64) -> Result<i64, DbError> {
    super::query_scalar!(conn, i64, fetch_one, "SELECT COUNT(*) FROM downvotes WHERE post_id = $1", post_id)
}

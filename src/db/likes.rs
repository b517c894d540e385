//! Likes of posts: one per person and post.

use super::{Conn, DbError, execute};

/// Returns whether a new like was stored (false when it existed already).
pub async fn insert_like(
    conn: &mut Conn<'_>,
    post_id: i64,
    actor_id: i64,
    now: i64,
) -> Result<bool, DbError> {
    let inserted = execute!(
        conn,
        "INSERT INTO likes (post_id, actor_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
        post_id,
        actor_id,
        now,
    )?;
    Ok(inserted == 1)
}

/// Removes a like; returns when it was made, or None when there was none.
pub async fn delete_like(conn: &mut Conn<'_>, post_id: i64, actor_id: i64) -> Result<Option<i64>, DbError> {
    super::query_scalar!(
        conn,
        i64,
        fetch_optional,
        "DELETE FROM likes WHERE post_id = $1 AND actor_id = $2 RETURNING created_at",
        post_id,
        actor_id
    )
}

/// A remote actor's like, stored with the id of its `Like` activity so that an `Undo` naming
/// only that id finds it. Returns whether a new like was stored.
pub async fn insert_remote_like(
    conn: &mut Conn<'_>,
    post_id: i64,
    actor_id: i64,
    ap_id: &str,
    now: i64,
) -> Result<bool, DbError> {
    let inserted = execute!(
        conn,
        "INSERT INTO likes (post_id, actor_id, ap_id, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
        post_id,
        actor_id,
        ap_id,
        now,
    )?;
    Ok(inserted == 1)
}

/// Removes the like made by the `Like` activity `ap_id`, only when `actor_id` made it; returns
/// the liked post.
pub async fn delete_like_by_ap_id(
    conn: &mut Conn<'_>,
    ap_id: &str,
    actor_id: i64,
) -> Result<Option<i64>, DbError> {
    super::query_scalar!(
        conn,
        i64,
        fetch_optional,
        "DELETE FROM likes WHERE ap_id = $1 AND actor_id = $2 RETURNING post_id",
        ap_id,
        actor_id
    )
}

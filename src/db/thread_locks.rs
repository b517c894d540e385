//! Thread locks: a locked thread (its opener's `locked_at` is set) takes no new replies.

use super::{Conn, DbError, execute};

/// Locks the thread `root_id` (an opener); returns whether it was open before.
pub async fn lock_thread(conn: &mut Conn<'_>, root_id: i64, now: i64) -> Result<bool, DbError> {
    let changed = execute!(
        conn,
        "UPDATE posts SET locked_at = $2 WHERE id = $1 AND id = root_id AND locked_at IS NULL",
        root_id,
        now,
    )?;
    Ok(changed == 1)
}

/// Unlocks the thread `root_id`; returns whether it was locked before.
pub async fn unlock_thread(conn: &mut Conn<'_>, root_id: i64) -> Result<bool, DbError> {
    let changed = execute!(
        conn,
        "UPDATE posts SET locked_at = NULL WHERE id = $1 AND id = root_id AND locked_at IS NOT NULL",
        root_id,
    )?;
    Ok(changed == 1)
}

/// Whether the thread `root_id` is locked.
pub async fn is_thread_locked(conn: &mut Conn<'_>, root_id: i64) -> Result<bool, DbError> {
    let locked_at = super::query_scalar!(
        conn,
        Option<i64>,
        fetch_optional,
        "SELECT locked_at FROM posts WHERE id = $1",
        root_id
    )?;
    Ok(locked_at.flatten().is_some())
}

//! Posts removed by moderators: the post row is marked deleted (so every reader already hides
//! it) and its content waits here, with the reason, until it is restored.

use super::{Conn, DbError, execute, query_as, query_scalar};

/// Marks the post removed: keeps its content and reason here, then clears it like a deletion.
/// Returns false when it was deleted or removed already.
pub async fn insert_removal(
    conn: &mut Conn<'_>,
    post_id: i64,
    moderator_id: Option<i64>,
    reason: &str,
    now: i64,
) -> Result<bool, DbError> {
    let saved = execute!(
        conn,
        "INSERT INTO post_removals (post_id, reason, moderator_id, saved_source, saved_content_html, removed_at) \
         SELECT id, $2, $3, source, content_html, $4 FROM posts WHERE id = $1 AND deleted_at IS NULL \
         ON CONFLICT (post_id) DO NOTHING",
        post_id,
        reason,
        moderator_id,
        now,
    )?;
    if saved == 0 {
        return Ok(false);
    }
    execute!(
        conn,
        "UPDATE posts SET source = NULL, content_html = '', deleted_at = $2 WHERE id = $1 AND deleted_at IS NULL",
        post_id,
        now,
    )?;
    Ok(true)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RemovalRow {
    pub post_id: i64,
    pub reason: String,
    pub moderator_id: Option<i64>,
    pub removed_at: i64,
}

pub async fn get_removal(conn: &mut Conn<'_>, post_id: i64) -> Result<Option<RemovalRow>, DbError> {
    query_as!(
        conn,
        RemovalRow,
        fetch_optional,
        "SELECT post_id, reason, moderator_id, removed_at FROM post_removals WHERE post_id = $1",
        post_id
    )
}

/// The reason a post was removed for, when it was removed (an empty reason is still a removal).
pub async fn get_removal_reason(conn: &mut Conn<'_>, post_id: i64) -> Result<Option<String>, DbError> {
    query_scalar!(
        conn,
        String,
        fetch_optional,
        "SELECT reason FROM post_removals WHERE post_id = $1",
        post_id
    )
}

/// Puts a removed post's content back and forgets the removal; false when it was not removed.
pub async fn delete_removal_restoring(conn: &mut Conn<'_>, post_id: i64) -> Result<bool, DbError> {
    let restored = execute!(
        conn,
        "UPDATE posts SET deleted_at = NULL, \
         source = (SELECT r.saved_source FROM post_removals r WHERE r.post_id = posts.id), \
         content_html = (SELECT r.saved_content_html FROM post_removals r WHERE r.post_id = posts.id) \
         WHERE id = $1 AND EXISTS (SELECT 1 FROM post_removals r WHERE r.post_id = posts.id)",
        post_id,
    )?;
    execute!(conn, "DELETE FROM post_removals WHERE post_id = $1", post_id)?;
    Ok(restored == 1)
}

/// Undoes what deleting a reply did to its thread's counter.
pub async fn update_thread_on_reply_restored(conn: &mut Conn<'_>, root_id: i64) -> Result<(), DbError> {
    execute!(conn, "UPDATE posts SET reply_count = reply_count + 1 WHERE id = $1", root_id)?;
    Ok(())
}

/// The ids of a person's live posts in a group (for a ban that removes their content).
pub async fn list_live_post_ids_of_author_in_group(
    conn: &mut Conn<'_>,
    author_id: i64,
    group_id: i64,
) -> Result<Vec<i64>, DbError> {
    query_scalar!(
        conn,
        i64,
        fetch_all,
        "SELECT id FROM posts WHERE author_id = $1 AND group_id = $2 AND deleted_at IS NULL ORDER BY id LIMIT 1000",
        author_id,
        group_id,
    )
}

//! Who follows whom: people following groups and people, groups following groups.

use super::{Conn, DbError, execute, query_scalar};

/// Stores a follow unless the pair exists; returns the new follow's id when one was made.
pub async fn insert_follow(
    conn: &mut Conn<'_>,
    id: i64,
    follower_id: i64,
    followed_id: i64,
    state: &str,
    now: i64,
) -> Result<bool, DbError> {
    let inserted = execute!(
        conn,
        "INSERT INTO follows (id, follower_id, followed_id, state, created_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (follower_id, followed_id) DO NOTHING",
        id,
        follower_id,
        followed_id,
        state,
        now,
    )?;
    Ok(inserted == 1)
}

pub async fn get_follow_id(
    conn: &mut Conn<'_>,
    follower_id: i64,
    followed_id: i64,
) -> Result<Option<i64>, DbError> {
    query_scalar!(
        conn,
        i64,
        fetch_optional,
        "SELECT id FROM follows WHERE follower_id = $1 AND followed_id = $2",
        follower_id,
        followed_id,
    )
}

pub async fn delete_follow(conn: &mut Conn<'_>, id: i64) -> Result<u64, DbError> {
    execute!(conn, "DELETE FROM follows WHERE id = $1", id)
}

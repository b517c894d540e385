//! What profile pages of people show beyond their actor row: a remote person's avatar URL, and
//! whether the viewer follows them.

use super::{Conn, DbError, execute, query_scalar};

pub async fn get_avatar_url(conn: &mut Conn<'_>, actor_id: i64) -> Result<Option<String>, DbError> {
    let found: Option<Option<String>> = query_scalar!(
        conn,
        Option<String>,
        fetch_optional,
        "SELECT avatar_url FROM actors WHERE id = $1",
        actor_id
    )?;
    Ok(found.flatten())
}

pub async fn update_avatar_url(
    conn: &mut Conn<'_>,
    actor_id: i64,
    avatar_url: Option<&str>,
) -> Result<u64, DbError> {
    execute!(conn, "UPDATE actors SET avatar_url = $2 WHERE id = $1", actor_id, avatar_url)
}

/// The state (`accepted` or `pending`) of `follower`'s follow of `followed`, if any.
pub async fn get_follow_state(
    conn: &mut Conn<'_>,
    follower_id: i64,
    followed_id: i64,
) -> Result<Option<String>, DbError> {
    query_scalar!(
        conn,
        String,
        fetch_optional,
        "SELECT state FROM follows WHERE follower_id = $1 AND followed_id = $2",
        follower_id,
        followed_id
    )
}

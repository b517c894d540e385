//! What profile pages of people show beyond their actor row: whether the viewer follows them.

use super::{Conn, DbError, query_scalar};

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

//! Hashtag use per day over the last days, for `GET /api/v1/trends/tags`: one grouped query
//! over the posts of the window (an id range on the primary key, ids start with their time).

use super::{Conn, DbError, query_as};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TagDayRow {
    pub name: String,
    /// Whole days since `since`.
    pub day: i64,
    pub uses: i64,
    pub accounts: i64,
}

/// Uses and distinct authors of each hashtag per day since `since`, in live posts whose
/// author is not suspended.
pub async fn list_tag_use_by_day(
    conn: &mut Conn<'_>,
    since: i64,
    day: i64,
) -> Result<Vec<TagDayRow>, DbError> {
    query_as!(
        conn,
        TagDayRow,
        fetch_all,
        "SELECT h.name, (p.created_at - $1) / $2 AS day, COUNT(*) AS uses, \
         COUNT(DISTINCT p.author_id) AS accounts \
         FROM posts p JOIN post_hashtags h ON h.post_id = p.id \
         JOIN actors a ON a.id = p.author_id AND a.suspended_at IS NULL \
         WHERE p.id >= $3 AND p.created_at >= $1 AND p.deleted_at IS NULL \
         GROUP BY h.name, (p.created_at - $1) / $2",
        since,
        day,
        super::id_floor(since),
    )
}

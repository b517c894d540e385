//! A local group's network: the remote groups it follows, and their threads.

use super::posts::{PostRow, select_post, threads_in_groups};
use super::{Conn, DbError, query_as};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FollowedGroupRow {
    pub id: i64,
    pub name: String,
    pub host: Option<String>,
    pub display_name: String,
    pub state: String,
}

/// The groups a group follows, by title.
pub async fn list_followed_groups(
    conn: &mut Conn<'_>,
    group_id: i64,
) -> Result<Vec<FollowedGroupRow>, DbError> {
    query_as!(
        conn,
        FollowedGroupRow,
        fetch_all,
        "SELECT a.id, a.name, i.host, a.display_name, f.state FROM follows f JOIN actors a ON a.id = f.followed_id \
         LEFT JOIN instances i ON i.id = a.instance_id \
         WHERE f.follower_id = $1 AND a.kind = 'group' ORDER BY LOWER(a.display_name), a.id",
        group_id,
    )
}

/// Thread openers of the groups a group follows, most recently active first, after a
/// (last activity, id) cursor.
pub async fn list_network_threads(
    conn: &mut Conn<'_>,
    viewer: Option<i64>,
    group_id: i64,
    before: Option<(i64, i64)>,
    limit: i64,
    now: i64,
) -> Result<Vec<PostRow>, DbError> {
    let (before_at, before_id) = before.unzip();
    query_as!(
        conn,
        PostRow,
        fetch_all,
        threads_in_groups!("SELECT f.followed_id FROM follows f WHERE f.follower_id = $2"),
        viewer,
        group_id,
        before_at,
        before_id,
        limit,
        now,
    )
}

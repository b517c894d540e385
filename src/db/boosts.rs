//! Boosts of posts: one per person and post.

use super::{Conn, DbError, execute, query_as, query_scalar};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct BoostRow {
    pub id: i64,
    pub post_id: i64,
    pub actor_id: i64,
    pub ap_id: Option<String>,
    pub created_at: i64,
}

/// Returns whether a new boost was stored (false when the person had boosted the post already).
pub async fn insert_boost(
    conn: &mut Conn<'_>,
    id: i64,
    post_id: i64,
    actor_id: i64,
    ap_id: Option<&str>,
    now: i64,
) -> Result<bool, DbError> {
    let inserted = execute!(
        conn,
        "INSERT INTO boosts (id, post_id, actor_id, ap_id, created_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT DO NOTHING",
        id,
        post_id,
        actor_id,
        ap_id,
        now,
    )?;
    Ok(inserted == 1)
}

pub async fn get_boost(conn: &mut Conn<'_>, id: i64) -> Result<Option<BoostRow>, DbError> {
    query_as!(
        conn,
        BoostRow,
        fetch_optional,
        "SELECT id, post_id, actor_id, ap_id, created_at FROM boosts WHERE id = $1",
        id
    )
}

pub async fn get_boost_of(
    conn: &mut Conn<'_>,
    post_id: i64,
    actor_id: i64,
) -> Result<Option<BoostRow>, DbError> {
    query_as!(
        conn,
        BoostRow,
        fetch_optional,
        "SELECT id, post_id, actor_id, ap_id, created_at FROM boosts WHERE post_id = $1 AND actor_id = $2",
        post_id,
        actor_id
    )
}

/// Removes a person's boost of a post; returns it, or None when there was none.
pub async fn delete_boost(
    conn: &mut Conn<'_>,
    post_id: i64,
    actor_id: i64,
) -> Result<Option<BoostRow>, DbError> {
    query_as!(
        conn,
        BoostRow,
        fetch_optional,
        "DELETE FROM boosts WHERE post_id = $1 AND actor_id = $2 \
         RETURNING id, post_id, actor_id, ap_id, created_at",
        post_id,
        actor_id
    )
}

/// Removes a remote boost by its `Announce` id, if it is `actor_id`'s.
pub async fn delete_boost_by_ap_id(
    conn: &mut Conn<'_>,
    actor_id: i64,
    ap_id: &str,
) -> Result<Option<BoostRow>, DbError> {
    query_as!(
        conn,
        BoostRow,
        fetch_optional,
        "DELETE FROM boosts WHERE ap_id = $1 AND actor_id = $2 \
         RETURNING id, post_id, actor_id, ap_id, created_at",
        ap_id,
        actor_id
    )
}

/// Local members who boosted a post (they hear when it is edited).
pub async fn list_local_boosters(conn: &mut Conn<'_>, post_id: i64) -> Result<Vec<i64>, DbError> {
    query_scalar!(
        conn,
        i64,
        fetch_all,
        "SELECT b.actor_id FROM boosts b JOIN accounts ac ON ac.actor_id = b.actor_id WHERE b.post_id = $1",
        post_id,
    )
}

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

pub async fn insert_follow_with_ap_id(
    conn: &mut Conn<'_>,
    id: i64,
    follower_id: i64,
    followed_id: i64,
    state: &str,
    ap_id: &str,
    now: i64,
) -> Result<i64, DbError> {
    query_scalar!(
        conn,
        i64,
        fetch_one,
        "INSERT INTO follows (id, follower_id, followed_id, state, ap_id, created_at) VALUES ($1, $2, $3, $4, $5, $6) \
         ON CONFLICT (follower_id, followed_id) DO UPDATE SET ap_id = excluded.ap_id, state = excluded.state \
         RETURNING id",
        id,
        follower_id,
        followed_id,
        state,
        ap_id,
        now,
    )
}

pub async fn update_follow_accepted(
    conn: &mut Conn<'_>,
    follower_id: i64,
    followed_id: i64,
) -> Result<u64, DbError> {
    execute!(
        conn,
        "UPDATE follows SET state = 'accepted' WHERE follower_id = $1 AND followed_id = $2 AND state = 'pending'",
        follower_id,
        followed_id,
    )
}

/// Where to deliver to an actor's followers: each remote follower's shared inbox (or inbox),
/// once per inbox.
pub async fn list_follower_inboxes(conn: &mut Conn<'_>, followed_id: i64) -> Result<Vec<String>, DbError> {
    query_scalar!(
        conn,
        String,
        fetch_all,
        "SELECT DISTINCT COALESCE(a.shared_inbox_url, a.inbox_url) FROM follows f JOIN actors a ON a.id = f.follower_id \
         WHERE f.followed_id = $1 AND f.state = 'accepted' AND NOT a.local \
         AND COALESCE(a.shared_inbox_url, a.inbox_url) IS NOT NULL",
        followed_id,
    )
}

pub async fn is_following(conn: &mut Conn<'_>, follower_id: i64, followed_id: i64) -> Result<bool, DbError> {
    let found = query_scalar!(
        conn,
        i64,
        fetch_optional,
        "SELECT id FROM follows WHERE follower_id = $1 AND followed_id = $2 AND state = 'accepted'",
        follower_id,
        followed_id,
    )?;
    Ok(found.is_some())
}

/// Whether any local person follows the actor (then its posts are worth keeping).
pub async fn has_local_follower(conn: &mut Conn<'_>, followed_id: i64) -> Result<bool, DbError> {
    let found = query_scalar!(
        conn,
        i64,
        fetch_optional,
        "SELECT f.id FROM follows f JOIN actors a ON a.id = f.follower_id WHERE f.followed_id = $1 AND a.local LIMIT 1",
        followed_id,
    )?;
    Ok(found.is_some())
}

pub async fn count_followers(conn: &mut Conn<'_>, followed_id: i64) -> Result<i64, DbError> {
    query_scalar!(
        conn,
        i64,
        fetch_one,
        "SELECT COUNT(*) FROM follows WHERE followed_id = $1 AND state = 'accepted'",
        followed_id
    )
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FollowRow {
    pub id: i64,
    pub follower_id: i64,
    pub followed_id: i64,
    pub state: String,
}

pub async fn get_follow(conn: &mut Conn<'_>, id: i64) -> Result<Option<FollowRow>, DbError> {
    super::query_as!(
        conn,
        FollowRow,
        fetch_optional,
        "SELECT id, follower_id, followed_id, state FROM follows WHERE id = $1",
        id
    )
}

/// A follow by the id of its `Follow` activity (for an `Undo` that names the Follow only by id).
pub async fn get_follow_by_ap_id(conn: &mut Conn<'_>, ap_id: &str) -> Result<Option<FollowRow>, DbError> {
    super::query_as!(
        conn,
        FollowRow,
        fetch_optional,
        "SELECT id, follower_id, followed_id, state FROM follows WHERE ap_id = $1",
        ap_id
    )
}

/// Sets whether a follower wants a notification for each new post of the account they follow;
/// returns whether a follow was there to change.
pub async fn set_follow_notify(
    conn: &mut Conn<'_>,
    follower_id: i64,
    followed_id: i64,
    notify: bool,
) -> Result<bool, DbError> {
    let changed = execute!(
        conn,
        "UPDATE follows SET notify = $3 WHERE follower_id = $1 AND followed_id = $2",
        follower_id,
        followed_id,
        notify,
    )?;
    Ok(changed == 1)
}

/// Local members who follow `followed_id` and asked to hear about each of its posts.
pub async fn list_notified_followers(conn: &mut Conn<'_>, followed_id: i64) -> Result<Vec<i64>, DbError> {
    query_scalar!(
        conn,
        i64,
        fetch_all,
        "SELECT f.follower_id FROM follows f JOIN accounts ac ON ac.actor_id = f.follower_id \
         WHERE f.followed_id = $1 AND f.state = 'accepted' AND f.notify",
        followed_id,
    )
}
/// A follow waiting for a closed group's (or person's) approval, with who asked.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PendingFollowRow {
    pub id: i64,
    pub follower_id: i64,
    pub ap_id: Option<String>,
    pub created_at: i64,
    pub follower_name: String,
    pub follower_display_name: String,
    pub follower_host: Option<String>,
    pub follower_ap_id: Option<String>,
    pub follower_local: bool,
}

macro_rules! select_pending_follow {
    () => {
        "SELECT f.id, f.follower_id, f.ap_id, f.created_at, a.name AS follower_name, \
         a.display_name AS follower_display_name, i.host AS follower_host, a.ap_id AS follower_ap_id, \
         a.local AS follower_local \
         FROM follows f JOIN actors a ON a.id = f.follower_id LEFT JOIN instances i ON i.id = a.instance_id \
         WHERE f.followed_id = $1 AND f.state = 'pending' "
    };
}

/// The pending follows of an actor, oldest first (at most `limit`).
pub async fn list_pending_follows(
    conn: &mut Conn<'_>,
    followed_id: i64,
    limit: i64,
) -> Result<Vec<PendingFollowRow>, DbError> {
    super::query_as!(
        conn,
        PendingFollowRow,
        fetch_all,
        concat!(select_pending_follow!(), "ORDER BY f.created_at, f.id LIMIT $2"),
        followed_id,
        limit,
    )
}

pub async fn get_pending_follow(
    conn: &mut Conn<'_>,
    followed_id: i64,
    id: i64,
) -> Result<Option<PendingFollowRow>, DbError> {
    super::query_as!(
        conn,
        PendingFollowRow,
        fetch_optional,
        concat!(select_pending_follow!(), "AND f.id = $2"),
        followed_id,
        id,
    )
}

/// Accepts a pending follow by its id; returns whether it was pending.
pub async fn update_follow_accepted_by_id(conn: &mut Conn<'_>, id: i64) -> Result<bool, DbError> {
    let updated =
        execute!(conn, "UPDATE follows SET state = 'accepted' WHERE id = $1 AND state = 'pending'", id)?;
    Ok(updated == 1)
}

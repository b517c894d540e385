//! Bans of people from groups. A ban with `expires_at` in the past no longer counts: every
//! query takes the current time, so expired bans end without a job.

use super::{Conn, DbError, execute, query_as, query_scalar};

pub struct NewBan<'a> {
    pub group_id: i64,
    pub actor_id: i64,
    pub moderator_id: Option<i64>,
    pub reason: &'a str,
    pub expires_at: Option<i64>,
    pub remove_data: bool,
    /// The `Block` activity's id (ours or the remote group's), for its `Undo`.
    pub ap_id: Option<&'a str>,
    pub now: i64,
}

/// Bans (or re-bans, replacing reason and expiry) a person from a group.
pub async fn upsert_ban(conn: &mut Conn<'_>, ban: &NewBan<'_>) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO group_bans (group_id, actor_id, moderator_id, reason, expires_at, remove_data, ap_id, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
         ON CONFLICT (group_id, actor_id) DO UPDATE SET moderator_id = $3, reason = $4, expires_at = $5, \
         remove_data = $6, ap_id = $7, created_at = $8",
        ban.group_id,
        ban.actor_id,
        ban.moderator_id,
        ban.reason,
        ban.expires_at,
        ban.remove_data,
        ban.ap_id,
        ban.now,
    )?;
    Ok(())
}

/// Lifts a ban; returns whether one was in force.
pub async fn delete_ban(
    conn: &mut Conn<'_>,
    group_id: i64,
    actor_id: i64,
    now: i64,
) -> Result<bool, DbError> {
    let deleted = execute!(
        conn,
        "DELETE FROM group_bans WHERE group_id = $1 AND actor_id = $2 AND (expires_at IS NULL OR expires_at > $3)",
        group_id,
        actor_id,
        now,
    )?;
    execute!(conn, "DELETE FROM group_bans WHERE group_id = $1 AND actor_id = $2", group_id, actor_id)?;
    Ok(deleted == 1)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct BanRow {
    pub group_id: i64,
    pub actor_id: i64,
    pub reason: String,
    pub expires_at: Option<i64>,
    pub remove_data: bool,
    pub ap_id: Option<String>,
    pub created_at: i64,
    pub actor_name: String,
    pub actor_host: Option<String>,
    pub moderator_name: Option<String>,
    pub moderator_host: Option<String>,
}

macro_rules! select_ban {
    () => {
        "SELECT b.group_id, b.actor_id, b.reason, b.expires_at, b.remove_data, b.ap_id, b.created_at, \
         a.name AS actor_name, ai.host AS actor_host, m.name AS moderator_name, mi.host AS moderator_host \
         FROM group_bans b JOIN actors a ON a.id = b.actor_id LEFT JOIN instances ai ON ai.id = a.instance_id \
         LEFT JOIN actors m ON m.id = b.moderator_id LEFT JOIN instances mi ON mi.id = m.instance_id "
    };
}

/// The ban in force of a person in a group, if any.
pub async fn get_active_ban(
    conn: &mut Conn<'_>,
    group_id: i64,
    actor_id: i64,
    now: i64,
) -> Result<Option<BanRow>, DbError> {
    query_as!(
        conn,
        BanRow,
        fetch_optional,
        concat!(
            select_ban!(),
            "WHERE b.group_id = $1 AND b.actor_id = $2 AND (b.expires_at IS NULL OR b.expires_at > $3)"
        ),
        group_id,
        actor_id,
        now,
    )
}

/// Whether a person is banned from a group now.
pub async fn is_banned(conn: &mut Conn<'_>, group_id: i64, actor_id: i64, now: i64) -> Result<bool, DbError> {
    query_scalar!(
        conn,
        bool,
        fetch_one,
        "SELECT EXISTS (SELECT 1 FROM group_bans WHERE group_id = $1 AND actor_id = $2 \
         AND (expires_at IS NULL OR expires_at > $3))",
        group_id,
        actor_id,
        now,
    )
}

/// The bans in force in a group, newest first.
pub async fn list_active_bans(conn: &mut Conn<'_>, group_id: i64, now: i64) -> Result<Vec<BanRow>, DbError> {
    query_as!(
        conn,
        BanRow,
        fetch_all,
        concat!(
            select_ban!(),
            "WHERE b.group_id = $1 AND (b.expires_at IS NULL OR b.expires_at > $2) ORDER BY b.created_at DESC LIMIT 500"
        ),
        group_id,
        now,
    )
}

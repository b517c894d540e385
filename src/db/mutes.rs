//! People members mute: left out of their timelines, threads and search (and, when the mute
//! says so, their notifications) until undone or until the mute runs out.

use super::account_cards::{AccountCardRow, select_card};
use super::blocks::CursorCardRow;
use super::{Conn, DbError, execute, query_as};

/// Stores a mute, or changes the one there is (muting again sets the new options).
pub async fn upsert_mute(
    conn: &mut Conn<'_>,
    id: i64,
    account: i64,
    target: i64,
    hide_notifications: bool,
    expires_at: Option<i64>,
    now: i64,
) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO member_mutes (id, account_id, target_id, hide_notifications, expires_at, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (account_id, target_id) DO UPDATE \
         SET hide_notifications = excluded.hide_notifications, expires_at = excluded.expires_at",
        id,
        account,
        target,
        hide_notifications,
        expires_at,
        now,
    )?;
    Ok(())
}

pub async fn delete_mute(conn: &mut Conn<'_>, account: i64, target: i64) -> Result<u64, DbError> {
    execute!(conn, "DELETE FROM member_mutes WHERE account_id = $1 AND target_id = $2", account, target)
}

/// The accounts a member mutes (mutes that have not run out at `now`), newest mute first, with
/// the mute id as page cursor.
pub async fn list_muted_cards(
    conn: &mut Conn<'_>,
    account: i64,
    now: i64,
    max_id: Option<i64>,
    limit: i64,
) -> Result<Vec<(i64, AccountCardRow)>, DbError> {
    let rows: Vec<CursorCardRow> = query_as!(
        conn,
        CursorCardRow,
        fetch_all,
        concat!(
            "SELECT x.cursor_id, c.* FROM (SELECT id AS cursor_id, target_id FROM member_mutes \
             WHERE account_id = $1 AND (expires_at IS NULL OR expires_at > $2) \
             AND ($3 IS NULL OR id < $3) ORDER BY id DESC LIMIT $4) x JOIN (",
            select_card!(),
            ") c ON c.id = x.target_id ORDER BY x.cursor_id DESC"
        ),
        account,
        now,
        max_id,
        limit,
    )?;
    Ok(rows.into_iter().map(|r| (r.cursor_id, r.card)).collect())
}

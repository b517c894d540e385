//! Remote actors whose own inbox answered 410 Gone (`actors.gone_at`): deleted on their server.
//! An inbox counts as an actor's own only when exactly one remote actor has it as its `inbox`
//! and nobody has it as a shared inbox, so a 410 from a shared inbox never touches anyone.

use super::{Conn, DbError, execute, query_scalar};

/// The remote actors (at most two, enough to tell "one" from "several") whose own inbox is
/// `inbox_url`, unless some actor uses it as a shared inbox.
pub async fn list_actors_with_own_inbox(conn: &mut Conn<'_>, inbox_url: &str) -> Result<Vec<i64>, DbError> {
    query_scalar!(
        conn,
        i64,
        fetch_all,
        "SELECT id FROM actors WHERE NOT local AND inbox_url = $1 \
         AND NOT EXISTS (SELECT 1 FROM actors s WHERE s.shared_inbox_url = $1) ORDER BY id LIMIT 2",
        inbox_url,
    )
}

/// Marks a remote actor gone; returns whether it was not gone before.
pub async fn update_actor_gone(conn: &mut Conn<'_>, actor_id: i64, now: i64) -> Result<bool, DbError> {
    Ok(execute!(
        conn,
        "UPDATE actors SET gone_at = $2 WHERE id = $1 AND NOT local AND gone_at IS NULL",
        actor_id,
        now,
    )? == 1)
}

/// Whether `inbox_url` is the own inbox of a remote actor that is gone: nothing is queued for it.
pub async fn is_gone_inbox(conn: &mut Conn<'_>, inbox_url: &str) -> Result<bool, DbError> {
    query_scalar!(
        conn,
        bool,
        fetch_one,
        "SELECT EXISTS (SELECT 1 FROM actors WHERE NOT local AND inbox_url = $1 AND gone_at IS NOT NULL)",
        inbox_url,
    )
}

/// When a remote actor was marked gone, if it is.
pub async fn get_gone_at(conn: &mut Conn<'_>, actor_id: i64) -> Result<Option<i64>, DbError> {
    let gone_at = query_scalar!(
        conn,
        Option<i64>,
        fetch_optional,
        "SELECT gone_at FROM actors WHERE id = $1",
        actor_id
    )?;
    Ok(gone_at.flatten())
}

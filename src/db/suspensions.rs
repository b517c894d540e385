//! Suspended and silenced actors. A suspended actor's posts drop out of every listing (the
//! listing queries join authors with `suspended_at IS NULL`); a silenced one's leave the public
//! timelines only. A domain block suspends every actor of the blocked hosts (`by_domain`), and
//! lifting it restores exactly those.

use super::{Conn, DbError, execute, query_scalar};

/// Why the actor is suspended, when it is (an empty reason is `Some("")`).
pub async fn get_suspension_reason(conn: &mut Conn<'_>, actor_id: i64) -> Result<Option<String>, DbError> {
    query_scalar!(
        conn,
        Option<String>,
        fetch_optional,
        "SELECT COALESCE(suspension_reason, '') FROM actors WHERE id = $1 AND suspended_at IS NOT NULL",
        actor_id
    )
    .map(Option::flatten)
}

/// Suspends an actor with a reason; returns whether it was not suspended before.
pub async fn update_actor_suspended(
    conn: &mut Conn<'_>,
    actor_id: i64,
    reason: &str,
    now: i64,
) -> Result<bool, DbError> {
    let changed = execute!(
        conn,
        "UPDATE actors SET suspended_at = $2, suspension_reason = $3, suspended_by_domain = FALSE \
         WHERE id = $1 AND suspended_at IS NULL",
        actor_id,
        now,
        reason,
    )?;
    Ok(changed == 1)
}

/// Lifts a suspension; returns whether the actor was suspended.
pub async fn update_actor_unsuspended(conn: &mut Conn<'_>, actor_id: i64) -> Result<bool, DbError> {
    let changed = execute!(
        conn,
        "UPDATE actors SET suspended_at = NULL, suspension_reason = NULL, suspended_by_domain = FALSE \
         WHERE id = $1 AND suspended_at IS NOT NULL",
        actor_id,
    )?;
    Ok(changed == 1)
}

/// Silences (`Some(now)`) or unsilences (`None`) an actor; returns whether that changed.
pub async fn update_actor_silenced(
    conn: &mut Conn<'_>,
    actor_id: i64,
    at: Option<i64>,
) -> Result<bool, DbError> {
    let changed = execute!(
        conn,
        "UPDATE actors SET silenced_at = $2 WHERE id = $1 AND (silenced_at IS NULL) <> ($2 IS NULL)",
        actor_id,
        at,
    )?;
    Ok(changed == 1)
}

/// Whether the actor is suspended.
pub async fn is_suspended(conn: &mut Conn<'_>, actor_id: i64) -> Result<bool, DbError> {
    Ok(get_suspension_reason(conn, actor_id).await?.is_some())
}

/// Ends every session of an account (sign-out everywhere).
pub async fn delete_sessions_of(conn: &mut Conn<'_>, account_id: i64) -> Result<u64, DbError> {
    execute!(conn, "DELETE FROM sessions WHERE account_id = $1", account_id)
}

/// Revokes every live token of an account.
pub async fn revoke_tokens_of(conn: &mut Conn<'_>, account_id: i64, now: i64) -> Result<u64, DbError> {
    execute!(
        conn,
        "UPDATE oauth_tokens SET revoked_at = $2, refresh_hash = NULL WHERE account_id = $1 AND revoked_at IS NULL",
        account_id,
        now,
    )
}

/// A domain block: every actor of the instance is suspended, unless it is already.
pub async fn update_instance_suspended(
    conn: &mut Conn<'_>,
    instance_id: i64,
    now: i64,
) -> Result<u64, DbError> {
    execute!(
        conn,
        "UPDATE actors SET suspended_at = $2, suspension_reason = NULL, suspended_by_domain = TRUE \
         WHERE instance_id = $1 AND suspended_at IS NULL AND NOT local",
        instance_id,
        now,
    )
}

/// Lifting a domain block restores what it suspended (not actors suspended one by one).
pub async fn update_instance_unsuspended(conn: &mut Conn<'_>, instance_id: i64) -> Result<u64, DbError> {
    execute!(
        conn,
        "UPDATE actors SET suspended_at = NULL, suspended_by_domain = FALSE \
         WHERE instance_id = $1 AND suspended_by_domain",
        instance_id,
    )
}

/// Follows in both directions between anyone and the actors of the instance end.
pub async fn delete_instance_follows(conn: &mut Conn<'_>, instance_id: i64) -> Result<u64, DbError> {
    execute!(
        conn,
        "DELETE FROM follows WHERE follower_id IN (SELECT id FROM actors WHERE instance_id = $1) \
         OR followed_id IN (SELECT id FROM actors WHERE instance_id = $1)",
        instance_id,
    )
}

/// The inboxes (shared where known) of the remote actors that follow `actor_id` or that it
/// follows: the instances that hold its posts and should hear that it is gone.
pub async fn list_peer_inboxes_of(conn: &mut Conn<'_>, actor_id: i64) -> Result<Vec<String>, DbError> {
    super::query_scalar!(
        conn,
        String,
        fetch_all,
        "SELECT DISTINCT COALESCE(a.shared_inbox_url, a.inbox_url) FROM follows f \
         JOIN actors a ON a.id = CASE WHEN f.follower_id = $1 THEN f.followed_id ELSE f.follower_id END \
         WHERE (f.follower_id = $1 OR f.followed_id = $1) AND NOT a.local \
         AND COALESCE(a.shared_inbox_url, a.inbox_url) IS NOT NULL",
        actor_id,
    )
}

/// Deletes every post of an author (content cleared, rows kept as for any deletion); returns
/// how many were deleted.
pub async fn update_posts_of_author_deleted(
    conn: &mut Conn<'_>,
    actor_id: i64,
    now: i64,
) -> Result<u64, DbError> {
    execute!(
        conn,
        "DELETE FROM post_revisions WHERE post_id IN (SELECT id FROM posts WHERE author_id = $1)",
        actor_id
    )?;
    execute!(
        conn,
        "UPDATE posts SET source = NULL, content_html = '', deleted_at = $2 WHERE author_id = $1 AND deleted_at IS NULL",
        actor_id,
        now,
    )
}

/// Ends every follow of and by an actor.
pub async fn delete_follows_of(conn: &mut Conn<'_>, actor_id: i64) -> Result<u64, DbError> {
    execute!(conn, "DELETE FROM follows WHERE follower_id = $1 OR followed_id = $1", actor_id)
}

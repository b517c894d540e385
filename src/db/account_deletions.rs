//! Deleting accounts: the time a member's own deletion is due (set when they ask, cleared when
//! they cancel), the accounts whose time has come, and the removal of everything personal an
//! account leaves behind besides its posts and follows (see `suspensions` for those).

use super::{Conn, DbError, execute, query_scalar};

/// Sets (`Some`) or clears (`None`) when the account's deletion is due; returns whether the
/// account is one that may still be deleted (not deleted yet).
pub async fn update_deletion_due(
    conn: &mut Conn<'_>,
    actor_id: i64,
    due_at: Option<i64>,
) -> Result<bool, DbError> {
    let changed = execute!(
        conn,
        "UPDATE accounts SET deletion_due_at = $2 WHERE actor_id = $1 AND state <> 'deleted'",
        actor_id,
        due_at,
    )?;
    Ok(changed == 1)
}

/// When the account's deletion is due, if its owner asked for it.
pub async fn get_deletion_due(conn: &mut Conn<'_>, actor_id: i64) -> Result<Option<i64>, DbError> {
    query_scalar!(
        conn,
        Option<i64>,
        fetch_optional,
        "SELECT deletion_due_at FROM accounts WHERE actor_id = $1 AND state <> 'deleted'",
        actor_id
    )
    .map(Option::flatten)
}

/// Accounts whose deletion was due at `now` or before, oldest first, at most `limit`.
pub async fn list_due_deletions(conn: &mut Conn<'_>, now: i64, limit: i64) -> Result<Vec<i64>, DbError> {
    query_scalar!(
        conn,
        i64,
        fetch_all,
        "SELECT actor_id FROM accounts WHERE deletion_due_at IS NOT NULL AND deletion_due_at <= $1 \
         AND state <> 'deleted' ORDER BY deletion_due_at, actor_id LIMIT $2",
        now,
        limit,
    )
}

/// Forgets the account's uploads (attached or not) and returns their stored file names, for the
/// caller to remove once this is committed.
pub async fn delete_media_of_owner(conn: &mut Conn<'_>, actor_id: i64) -> Result<Vec<String>, DbError> {
    let names: Vec<(Option<String>, Option<String>)> = super::query_as!(
        conn,
        (Option<String>, Option<String>),
        fetch_all,
        "DELETE FROM media_attachments WHERE owner_id = $1 RETURNING file_name, preview_name",
        actor_id
    )?;
    Ok(names.into_iter().flat_map(|(file, preview)| [file, preview]).flatten().collect())
}

/// Removes what the account kept for itself or about others: blocks, mutes, bookmarks, lists,
/// notifications (its own and those it caused), watches, markers, calendar and mail tokens,
/// mail preferences, pending OAuth codes, likes (counts updated), boosts, event answers and
/// moderator seats. Its profile text and email address are cleared; the name stays taken.
pub async fn delete_personal_data(conn: &mut Conn<'_>, actor_id: i64) -> Result<(), DbError> {
    execute!(
        conn,
        "UPDATE posts SET like_count = like_count - 1 WHERE like_count > 0 \
         AND id IN (SELECT post_id FROM likes WHERE actor_id = $1)",
        actor_id
    )?;
    for sql in [
        "DELETE FROM likes WHERE actor_id = $1",
        "DELETE FROM boosts WHERE actor_id = $1",
        "DELETE FROM member_blocks WHERE account_id = $1 OR target_id = $1",
        "DELETE FROM member_mutes WHERE account_id = $1 OR target_id = $1",
        "DELETE FROM member_domain_blocks WHERE account_id = $1",
        "DELETE FROM bookmarks WHERE account_id = $1",
        "DELETE FROM lists WHERE account_id = $1",
        "DELETE FROM list_members WHERE actor_id = $1",
        "DELETE FROM notifications WHERE account_id = $1 OR from_actor_id = $1",
        "DELETE FROM markers WHERE account_id = $1",
        "DELETE FROM thread_watches WHERE account_id = $1",
        "DELETE FROM group_watches WHERE account_id = $1",
        "DELETE FROM calendar_tokens WHERE account_id = $1",
        "DELETE FROM mail_tokens WHERE account_id = $1",
        "DELETE FROM mail_preferences WHERE account_id = $1",
        "DELETE FROM oauth_codes WHERE account_id = $1",
        "DELETE FROM event_participants WHERE actor_id = $1",
        "DELETE FROM group_moderators WHERE actor_id = $1",
        "DELETE FROM sessions WHERE account_id = $1",
        "UPDATE actors SET display_name = '', summary_source = '', summary_html = '' WHERE id = $1",
        "UPDATE accounts SET email = NULL, deletion_due_at = NULL WHERE actor_id = $1",
    ] {
        execute!(conn, sql, actor_id)?;
    }
    Ok(())
}

/// A remote actor deleted at its origin: its uploads' records (remote URLs, no files here),
/// likes (counts updated), boosts and the notifications it caused go.
pub async fn delete_remote_actor_traces(conn: &mut Conn<'_>, actor_id: i64) -> Result<(), DbError> {
    execute!(
        conn,
        "UPDATE posts SET like_count = like_count - 1 WHERE like_count > 0 \
         AND id IN (SELECT post_id FROM likes WHERE actor_id = $1)",
        actor_id
    )?;
    for sql in [
        "DELETE FROM likes WHERE actor_id = $1",
        "DELETE FROM boosts WHERE actor_id = $1",
        "DELETE FROM media_attachments WHERE owner_id = $1",
        "DELETE FROM notifications WHERE from_actor_id = $1",
        "DELETE FROM event_participants WHERE actor_id = $1",
        "DELETE FROM group_moderators WHERE actor_id = $1",
    ] {
        execute!(conn, sql, actor_id)?;
    }
    Ok(())
}

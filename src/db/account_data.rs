//! What a member takes with them (the data export): whom they follow, block and mute, their
//! posts and their uploaded files.

use super::{Conn, DbError, query_as, query_scalar};

/// Someone a member follows, blocks or mutes: the name, and the host for remote actors.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AccountAddressRow {
    pub name: String,
    /// None for actors of this instance.
    pub host: Option<String>,
    /// For follows: notify of each new post (Mastodon's "Notify on new posts").
    pub notify: bool,
}

/// People and groups the member follows (accepted or waiting), oldest first.
pub async fn list_followed_addresses(
    conn: &mut Conn<'_>,
    account_id: i64,
) -> Result<Vec<AccountAddressRow>, DbError> {
    query_as!(
        conn,
        AccountAddressRow,
        fetch_all,
        "SELECT a.name, CASE WHEN a.local THEN NULL ELSE i.host END AS host, f.notify \
         FROM follows f JOIN actors a ON a.id = f.followed_id LEFT JOIN instances i ON i.id = a.instance_id \
         WHERE f.follower_id = $1 AND a.kind IN ('person', 'group') ORDER BY f.created_at, f.id",
        account_id
    )
}

/// People the member blocks, oldest first.
pub async fn list_blocked_addresses(
    conn: &mut Conn<'_>,
    account_id: i64,
) -> Result<Vec<AccountAddressRow>, DbError> {
    query_as!(
        conn,
        AccountAddressRow,
        fetch_all,
        "SELECT a.name, CASE WHEN a.local THEN NULL ELSE i.host END AS host, FALSE AS notify \
         FROM member_blocks b JOIN actors a ON a.id = b.target_id LEFT JOIN instances i ON i.id = a.instance_id \
         WHERE b.account_id = $1 ORDER BY b.created_at, b.id",
        account_id
    )
}

/// People the member mutes, oldest first; `notify` here means their notifications are hidden
/// too (Mastodon's "Hide notifications").
pub async fn list_muted_addresses(
    conn: &mut Conn<'_>,
    account_id: i64,
) -> Result<Vec<AccountAddressRow>, DbError> {
    query_as!(
        conn,
        AccountAddressRow,
        fetch_all,
        "SELECT a.name, CASE WHEN a.local THEN NULL ELSE i.host END AS host, m.hide_notifications AS notify \
         FROM member_mutes m JOIN actors a ON a.id = m.target_id LEFT JOIN instances i ON i.id = a.instance_id \
         WHERE m.account_id = $1 ORDER BY m.created_at, m.id",
        account_id
    )
}

/// The member's own posts that are not deleted, oldest first, at most `limit`.
pub async fn list_own_post_ids(conn: &mut Conn<'_>, author_id: i64, limit: i64) -> Result<Vec<i64>, DbError> {
    query_scalar!(
        conn,
        i64,
        fetch_all,
        "SELECT id FROM posts WHERE author_id = $1 AND deleted_at IS NULL ORDER BY created_at, id LIMIT $2",
        author_id,
        limit,
    )
}

/// The stored files the member uploaded (originals, not previews), with their sizes, oldest
/// first.
pub async fn list_own_media_files(conn: &mut Conn<'_>, owner_id: i64) -> Result<Vec<(String, i64)>, DbError> {
    query_as!(
        conn,
        (String, i64),
        fetch_all,
        "SELECT file_name, size_bytes FROM media_attachments WHERE owner_id = $1 AND file_name IS NOT NULL \
         ORDER BY created_at, id",
        owner_id
    )
}

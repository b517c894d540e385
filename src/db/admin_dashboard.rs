//! The admin dashboard's figures: a handful of aggregates in one query, and the newest sign-ups.

use super::{Conn, DbError, query_as};

#[derive(Debug, Clone, Copy, sqlx::FromRow)]
pub struct DashboardCounts {
    /// Local accounts that are active and not suspended.
    pub members: i64,
    /// Of those, the ones who posted or signed in since `active_since`.
    pub active_members: i64,
    /// Local posts (not deleted) written since `posts_since`.
    pub recent_posts: i64,
    /// Bytes of the media files stored here (uploads, not remote attachments).
    pub media_bytes: i64,
    /// Sign-ups waiting for an admin's decision.
    pub pending_registrations: i64,
    /// Reports nobody has resolved yet.
    pub open_reports: i64,
}

pub async fn get_dashboard_counts(
    conn: &mut Conn<'_>,
    active_since: i64,
    posts_since: i64,
) -> Result<DashboardCounts, DbError> {
    query_as!(
        conn,
        DashboardCounts,
        fetch_one,
        "SELECT \
           (SELECT COUNT(*) FROM accounts c JOIN actors a ON a.id = c.actor_id \
            WHERE c.state = 'active' AND a.suspended_at IS NULL) AS members, \
           (SELECT COUNT(*) FROM accounts c JOIN actors a ON a.id = c.actor_id \
            WHERE c.state = 'active' AND a.suspended_at IS NULL \
            AND (EXISTS (SELECT 1 FROM posts p WHERE p.author_id = c.actor_id AND p.created_at >= $1) \
                 OR EXISTS (SELECT 1 FROM sessions s WHERE s.account_id = c.actor_id AND s.created_at >= $1))) \
            AS active_members, \
           (SELECT COUNT(*) FROM posts WHERE local AND deleted_at IS NULL AND created_at >= $2) AS recent_posts, \
           (SELECT CAST(COALESCE(SUM(size_bytes), 0) AS BIGINT) FROM media_attachments \
            WHERE file_name IS NOT NULL) AS media_bytes, \
           (SELECT COUNT(*) FROM accounts WHERE state = 'pending') AS pending_registrations, \
           (SELECT COUNT(*) FROM reports WHERE resolved_at IS NULL) AS open_reports",
        active_since,
        posts_since,
    )
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SignUpRow {
    pub id: i64,
    pub name: String,
    pub display_name: String,
    pub state: String,
    pub created_at: i64,
}

/// The newest local accounts, whatever their state.
pub async fn list_recent_sign_ups(conn: &mut Conn<'_>, limit: i64) -> Result<Vec<SignUpRow>, DbError> {
    query_as!(
        conn,
        SignUpRow,
        fetch_all,
        "SELECT a.id, a.name, a.display_name, c.state, c.created_at \
         FROM accounts c JOIN actors a ON a.id = c.actor_id \
         ORDER BY c.created_at DESC, a.id DESC LIMIT $1",
        limit,
    )
}

//! People (local and remote) as admins see them: the login side, suspension and silence.

use super::{Conn, DbError, query_as};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AdminAccountRow {
    pub id: i64,
    pub name: String,
    pub display_name: String,
    pub summary_html: String,
    pub local: bool,
    pub host: Option<String>,
    pub ap_id: Option<String>,
    pub created_at: i64,
    pub email: Option<String>,
    pub role: Option<String>,
    pub state: Option<String>,
    pub suspended_at: Option<i64>,
    pub suspension_reason: Option<String>,
    pub silenced_at: Option<i64>,
}

macro_rules! select_admin_account {
    () => {
        "SELECT a.id, a.name, a.display_name, a.summary_html, a.local, i.host, a.ap_id, a.created_at, \
         c.email, c.role, c.state, a.suspended_at, a.suspension_reason, a.silenced_at \
         FROM actors a LEFT JOIN accounts c ON c.actor_id = a.id LEFT JOIN instances i ON i.id = a.instance_id \
         WHERE a.kind = 'person' "
    };
}

pub async fn get_admin_account(conn: &mut Conn<'_>, id: i64) -> Result<Option<AdminAccountRow>, DbError> {
    query_as!(conn, AdminAccountRow, fetch_optional, concat!(select_admin_account!(), "AND a.id = $1"), id)
}

/// Which people a listing shows.
#[derive(Debug, Clone, Default)]
pub struct AccountFilter {
    /// `Some(true)`: ours only; `Some(false)`: other instances' only.
    pub local: Option<bool>,
    /// `active`, `pending`, `suspended` or `silenced`; None: all.
    pub status: Option<String>,
    /// Part of the name or display name (case-insensitive), or empty.
    pub query: String,
    /// Newest first, below this id (keyset paging).
    pub max_id: Option<i64>,
    pub limit: i64,
}

/// People newest first (ids grow with time), filtered.
pub async fn list_admin_accounts(
    conn: &mut Conn<'_>,
    filter: &AccountFilter,
) -> Result<Vec<AdminAccountRow>, DbError> {
    let pattern = format!("%{}%", filter.query.to_lowercase().replace(['%', '_'], ""));
    query_as!(
        conn,
        AdminAccountRow,
        fetch_all,
        concat!(
            select_admin_account!(),
            "AND ($1 IS NULL OR a.local = $1) \
             AND ($2 = '' OR ($2 = 'suspended' AND a.suspended_at IS NOT NULL) \
                  OR ($2 = 'silenced' AND a.silenced_at IS NOT NULL) \
                  OR ($2 = 'pending' AND c.state = 'pending') \
                  OR ($2 = 'active' AND a.suspended_at IS NULL AND (c.state IS NULL OR c.state = 'active'))) \
             AND (LOWER(a.name) LIKE $3 OR LOWER(a.display_name) LIKE $3) \
             AND ($4 IS NULL OR a.id < $4) \
             ORDER BY a.id DESC LIMIT $5"
        ),
        filter.local,
        filter.status.clone().unwrap_or_default(),
        pattern,
        filter.max_id,
        filter.limit,
    )
}

//! The admin dashboard: how big the instance is, what waits for an admin, who joined lately.

use super::{Context, CurrentUser, ServiceError};
use crate::db;
use crate::db::admin_dashboard::{DashboardCounts, SignUpRow};

/// "Active this month": posted or signed in within this many days.
pub const ACTIVE_DAYS: i64 = 30;
/// "Posts today": written within the last this many hours.
pub const RECENT_POSTS_HOURS: i64 = 24;
const RECENT_SIGN_UPS: i64 = 10;

#[derive(Debug, Clone)]
pub struct Dashboard {
    pub counts: DashboardCounts,
    pub recent_sign_ups: Vec<SignUpRow>,
}

/// The dashboard's figures, in two queries; admins only.
pub async fn get_dashboard(ctx: &Context, admin: &CurrentUser) -> Result<Dashboard, ServiceError> {
    if !admin.is_admin() {
        return Err(ServiceError::Forbidden);
    }
    let now = ctx.now();
    let mut conn = ctx.db.acquire().await?;
    let counts = db::admin_dashboard::get_dashboard_counts(
        &mut conn.conn(),
        now.plus_seconds(-ACTIVE_DAYS * 24 * 3600).millis(),
        now.plus_seconds(-RECENT_POSTS_HOURS * 3600).millis(),
    )
    .await?;
    let recent_sign_ups =
        db::admin_dashboard::list_recent_sign_ups(&mut conn.conn(), RECENT_SIGN_UPS).await?;
    Ok(Dashboard { counts, recent_sign_ups })
}

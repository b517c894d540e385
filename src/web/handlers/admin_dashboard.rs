//! `/admin`: the instance in figures, the work waiting for an admin, the newest sign-ups and
//! the ways into the other admin pages.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use crate::db::admin_dashboard::{DashboardCounts, SignUpRow};
use crate::domain::Timestamp;
use crate::service::admin_dashboard;
use crate::state::AppState;
use crate::web::error::WebError;
use crate::web::i18n::Translator;
use crate::web::pages::render;
use crate::web::session::RequireUser;
use crate::web::view::Chrome;

pub struct SignUpView {
    pub id: i64,
    pub name: String,
    pub display_name: String,
    pub joined: String,
    /// A message id: active, pending...
    pub state: &'static str,
}

#[derive(Template)]
#[template(path = "admin/dashboard.html")]
pub struct DashboardPage {
    pub chrome: Chrome,
    pub counts: DashboardCounts,
    pub media_size: String,
    pub sign_ups: Vec<SignUpView>,
}

fn sign_up(t: &Translator, row: SignUpRow) -> SignUpView {
    SignUpView {
        id: row.id,
        joined: t.datetime(Timestamp::from_millis(row.created_at)),
        state: match row.state.as_str() {
            "pending" => "admin-account-pending",
            "rejected" => "admin-account-rejected",
            "deleted" => "admin-account-deleted",
            _ => "admin-account-active",
        },
        name: row.name,
        display_name: row.display_name,
    }
}

/// Bytes in the largest unit that keeps the number at least 1 (KB = 1024 bytes).
fn human_size(t: &Translator, bytes: i64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if bytes < 1024 {
        return t.arg("admin-dashboard-bytes", "count", t.number(bytes));
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = UNITS[0];
    for next in &UNITS[1..] {
        if value < 1024.0 {
            break;
        }
        value /= 1024.0;
        unit = next;
    }
    format!("{} {unit}", t.decimal(value))
}

pub async fn dashboard(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(admin): RequireUser,
) -> Result<Response, WebError> {
    let dashboard = admin_dashboard::get_dashboard(&state.ctx, &admin).await?;
    let media_size = human_size(&chrome.t, dashboard.counts.media_bytes);
    let sign_ups = dashboard.recent_sign_ups.into_iter().map(|row| sign_up(&chrome.t, row)).collect();
    render(StatusCode::OK, &DashboardPage { chrome, counts: dashboard.counts, media_size, sign_ups })
}

//! `/admin/accounts`: people here and elsewhere, newest first (new sign-ups to review), with a
//! search; `/admin/accounts/{id}`: one person, and the admin's actions (suspend, silence and
//! lifting either, with a reason).

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::db::admin_accounts::AccountFilter;
use crate::domain::ActorId;
use crate::domain::account::Role;
use crate::service::admin_accounts::{self, AdminAccount};
use crate::service::suspensions::{self, AccountAction};
use crate::state::AppState;
use crate::web::error::WebError;
use crate::web::pages::render;
use crate::web::session::RequireUser;
use crate::web::view::Chrome;

/// One person as the admin pages show them.
pub struct AccountRow {
    pub id: i64,
    pub handle: String,
    pub display_name: String,
    pub email: String,
    pub joined: String,
    /// A message id: active, pending, suspended...
    pub state: &'static str,
    pub suspended: bool,
    /// Suspended, ours and not yet deleted: it may be deleted for good.
    pub deletable: bool,
    pub silenced: bool,
    pub suspension_reason: String,
    pub local: bool,
    pub profile_url: String,
    /// Ours and an admin.
    pub admin: bool,
    pub moderator: bool,
}

fn row(chrome: &Chrome, account: AdminAccount) -> AccountRow {
    let state = if account.state.as_deref() == Some("deleted") {
        "admin-account-deleted"
    } else if account.suspended {
        "admin-account-suspended"
    } else {
        match account.state.as_deref() {
            Some("pending") => "admin-account-pending",
            Some("rejected") => "admin-account-rejected",
            _ => "admin-account-active",
        }
    };
    AccountRow {
        id: account.id.0,
        profile_url: crate::federation::uris::user_path(&account.handle()),
        handle: account.handle(),
        display_name: account.display_name,
        email: account.email.unwrap_or_default(),
        joined: chrome.t.datetime(account.created_at),
        state,
        suspended: account.suspended,
        deletable: account.host.is_none()
            && account.role.as_deref() != Some("admin")
            && account.state.as_deref() != Some("deleted"),
        silenced: account.silenced,
        suspension_reason: account.suspension_reason,
        local: account.host.is_none(),
        admin: account.host.is_none() && account.role.as_deref() == Some("admin"),
        moderator: account.host.is_none() && account.role.as_deref() == Some("moderator"),
    }
}

#[derive(Template)]
#[template(path = "admin/accounts.html")]
pub struct AccountsPage {
    pub chrome: Chrome,
    pub query: String,
    pub origin: String,
    pub accounts: Vec<AccountRow>,
    pub next_url: Option<String>,
    /// Admins see email addresses; instance moderators do not (the service leaves them out).
    pub viewer_admin: bool,
}

#[derive(Deserialize, Default)]
pub struct AccountsQuery {
    #[serde(default)]
    q: String,
    /// `local`, `remote` or empty (all).
    #[serde(default)]
    origin: String,
    #[serde(default)]
    max_id: Option<i64>,
}

const PAGE: i64 = 50;

pub async fn list(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(admin): RequireUser,
    Query(query): Query<AccountsQuery>,
) -> Result<Response, WebError> {
    let filter = AccountFilter {
        local: match query.origin.as_str() {
            "local" => Some(true),
            "remote" => Some(false),
            _ => None,
        },
        status: None,
        query: query.q.trim().to_owned(),
        max_id: query.max_id,
        limit: PAGE + 1,
    };
    let mut accounts = admin_accounts::list_accounts(&state.ctx, &admin, filter).await?;
    let next_url = (accounts.len() as i64 > PAGE).then(|| {
        accounts.truncate(PAGE as usize);
        let last = accounts.last().map_or(0, |a| a.id.0);
        let mut next = form_urlencoded::Serializer::new(String::new());
        next.append_pair("q", query.q.trim()).append_pair("origin", &query.origin);
        format!("/admin/accounts?{}&max_id={last}", next.finish())
    });
    let accounts = accounts.into_iter().map(|account| row(&chrome, account)).collect();
    let viewer_admin = admin.is_admin();
    render(
        StatusCode::OK,
        &AccountsPage { chrome, query: query.q, origin: query.origin, accounts, next_url, viewer_admin },
    )
}

#[derive(Template)]
#[template(path = "admin/account.html")]
pub struct AccountPage {
    pub chrome: Chrome,
    pub account: AccountRow,
    /// Admins see every action; instance moderators suspend and silence accounts without a role.
    pub viewer_admin: bool,
}

pub async fn show(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(admin): RequireUser,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let account = admin_accounts::get_account(&state.ctx, &admin, ActorId(id)).await?;
    let account = row(&chrome, account);
    render(StatusCode::OK, &AccountPage { chrome, account, viewer_admin: admin.is_admin() })
}

#[derive(Deserialize)]
pub struct ActionForm {
    action: String,
    #[serde(default)]
    reason: String,
}

#[derive(Deserialize)]
pub struct DeleteForm {
    /// The checkbox "delete it for good".
    #[serde(default)]
    confirm: Option<String>,
    /// Shown in the modlog.
    #[serde(default)]
    reason: String,
}

/// Deletes a local account for good (the box must be ticked); no suspension needed first.
pub async fn delete(
    State(state): State<AppState>,
    RequireUser(admin): RequireUser,
    Path(id): Path<i64>,
    Form(form): Form<DeleteForm>,
) -> Result<Response, WebError> {
    if form.confirm.is_none() {
        return Err(crate::service::ServiceError::from(crate::domain::FieldError::new(
            "confirm",
            "tick the box to delete the account for good",
        ))
        .into());
    }
    suspensions::delete_account(&state.ctx, &admin, ActorId(id), &form.reason).await?;
    state.wake_delivery.notify_one();
    Ok(Redirect::to(&format!("/admin/accounts/{id}")).into_response())
}

pub async fn act(
    State(state): State<AppState>,
    RequireUser(admin): RequireUser,
    Path(id): Path<i64>,
    Form(form): Form<ActionForm>,
) -> Result<Response, WebError> {
    let target = ActorId(id);
    match form.action.as_str() {
        "make_admin" => {
            admin_accounts::set_role(&state.ctx, &admin, target, Role::Admin).await?;
        }
        "make_moderator" => {
            admin_accounts::set_role(&state.ctx, &admin, target, Role::Moderator).await?;
        }
        "make_member" => {
            admin_accounts::set_role(&state.ctx, &admin, target, Role::Member).await?;
        }
        "reset_password" => admin_accounts::send_password_reset(&state.ctx, &admin, target).await?,
        other => {
            let action = AccountAction::parse(other).map_err(crate::service::ServiceError::from)?;
            suspensions::act_on_account(&state.ctx, &admin, target, action, &form.reason).await?;
        }
    }
    Ok(Redirect::to(&format!("/admin/accounts/{id}")).into_response())
}

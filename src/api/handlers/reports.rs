//! Reports: `POST /api/v1/reports` for members, and the admin API's `/api/v1/admin/reports`
//! (list, show, assign_to_self, unassign, resolve, reopen) for admins with `admin:*` scopes.

use axum::Json;
use axum::extract::{Path, State};
use serde::Deserialize;

use crate::api::auth::Auth;
use crate::api::error::ApiError;
use crate::api::model::{AdminReport, Report};
use crate::api::paging::{PageParams, PagedJson, link_header};
use crate::api::params::{Params, lenient, parse_id};
use crate::domain::report::ReportAction;
use crate::service::reports::{self, Desk, ReportFilter, ReportInput};
use crate::state::AppState;

#[derive(Debug, Deserialize)]
pub struct NewReportParams {
    #[serde(default, deserialize_with = "lenient::opt_i64")]
    account_id: Option<i64>,
    #[serde(default, deserialize_with = "lenient::list")]
    status_ids: Vec<String>,
    #[serde(default, deserialize_with = "lenient::opt_string")]
    comment: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_string")]
    category: Option<String>,
    /// Rules are not kept apart here: naming any makes the report a `violation`, as in Mastodon.
    #[serde(default, deserialize_with = "lenient::list")]
    rule_ids: Vec<String>,
    #[serde(default, deserialize_with = "lenient::bool")]
    forward: bool,
    /// Every server a report could go to is the author's or the group's; accepted and unused.
    #[serde(default, deserialize_with = "lenient::list")]
    forward_to_domains: Vec<String>,
}

/// `POST /api/v1/reports`.
pub async fn create(
    State(state): State<AppState>,
    auth: Auth,
    Params(params): Params<NewReportParams>,
) -> Result<Json<Report>, ApiError> {
    let user = auth.user("write:reports")?;
    let account_id = params.account_id.ok_or_else(|| ApiError::invalid("account_id is required"))?;
    let post_ids = params.status_ids.iter().map(|id| parse_id(id)).collect::<Result<Vec<_>, _>>()?;
    let category =
        if params.rule_ids.is_empty() { params.category.unwrap_or_default() } else { "violation".into() };
    let input = ReportInput {
        account_id: Some(account_id),
        post_ids,
        category,
        comment: params.comment.unwrap_or_default(),
        forward: params.forward || !params.forward_to_domains.is_empty(),
    };
    let report = reports::create_report(&state.ctx, user, input).await?;
    Ok(Json(Report::new(&state.uris, &report)))
}

#[derive(Debug, Deserialize)]
pub struct AdminListParams {
    #[serde(flatten)]
    page: PageParams,
    #[serde(default, deserialize_with = "lenient::bool")]
    resolved: bool,
}

/// `GET /api/v1/admin/reports`.
pub async fn admin_list(
    State(state): State<AppState>,
    auth: Auth,
    Params(params): Params<AdminListParams>,
) -> Result<PagedJson<AdminReport>, ApiError> {
    let user = auth.user("admin:read")?;
    let window = params.page.window(100, 200);
    let filter = ReportFilter {
        group: None,
        resolved: params.resolved,
        max_id: window.max_id,
        limit: Some(window.limit),
    };
    let found = reports::list_admin_reports(&state.ctx, user, &filter).await?;
    let extra = [("resolved", params.resolved.to_string())];
    let link = link_header(
        &state.uris,
        "/api/v1/admin/reports",
        &extra,
        found.first().map(|(r, _)| r.id),
        found.last().map(|(r, _)| r.id),
        window.limit,
    );
    Ok(PagedJson {
        items: found
            .iter()
            .map(|(report, statuses)| AdminReport::new(&state.uris, report, statuses))
            .collect(),
        link,
    })
}

/// `GET /api/v1/admin/reports/{id}`.
pub async fn admin_show(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> Result<Json<AdminReport>, ApiError> {
    let user = auth.user("admin:read")?;
    let (report, statuses) = reports::get_admin_report(&state.ctx, user, parse_id(&id)?).await?;
    Ok(Json(AdminReport::new(&state.uris, &report, &statuses)))
}

/// What an admin action on a report does.
enum AdminAction {
    Assign(bool),
    Resolve,
    Reopen,
}

async fn admin_act(
    state: &AppState,
    auth: &Auth,
    id: &str,
    action: AdminAction,
) -> Result<Json<AdminReport>, ApiError> {
    let user = auth.user("admin:write")?;
    let id = parse_id(id)?;
    match action {
        AdminAction::Assign(assign) => {
            reports::assign_report(&state.ctx, user, id, Desk::AdminOnly, assign).await?
        }
        AdminAction::Resolve => {
            reports::resolve_report(&state.ctx, user, id, Desk::AdminOnly, ReportAction::Resolved, "").await?
        }
        AdminAction::Reopen => reports::reopen_report(&state.ctx, user, id, Desk::AdminOnly).await?,
    }
    let (report, statuses) = reports::get_admin_report(&state.ctx, user, id).await?;
    Ok(Json(AdminReport::new(&state.uris, &report, &statuses)))
}

pub async fn admin_assign(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> Result<Json<AdminReport>, ApiError> {
    admin_act(&state, &auth, &id, AdminAction::Assign(true)).await
}

pub async fn admin_unassign(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> Result<Json<AdminReport>, ApiError> {
    admin_act(&state, &auth, &id, AdminAction::Assign(false)).await
}

pub async fn admin_resolve(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> Result<Json<AdminReport>, ApiError> {
    admin_act(&state, &auth, &id, AdminAction::Resolve).await
}

pub async fn admin_reopen(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> Result<Json<AdminReport>, ApiError> {
    admin_act(&state, &auth, &id, AdminAction::Reopen).await
}

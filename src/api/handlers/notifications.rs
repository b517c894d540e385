//! Notifications: list (with `types[]` / `exclude_types[]` / `account_id`), get, dismiss,
//! clear, unread count.

use axum::Json;
use axum::extract::{Path, State};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::api::auth::Auth;
use crate::api::error::ApiError;
use crate::api::model::Notification;
use crate::api::paging::{PageParams, PagedJson, link_header};
use crate::api::params::{Params, lenient, parse_id};
use crate::service::notifications::{self, NotificationFilter};
use crate::state::AppState;

#[derive(Debug, Deserialize)]
pub struct ListParams {
    #[serde(flatten)]
    page: PageParams,
    #[serde(default, deserialize_with = "lenient::list")]
    types: Vec<String>,
    #[serde(default, deserialize_with = "lenient::list")]
    exclude_types: Vec<String>,
    #[serde(default, deserialize_with = "lenient::opt_i64")]
    account_id: Option<i64>,
}

pub async fn list(
    State(state): State<AppState>,
    auth: Auth,
    Params(params): Params<ListParams>,
) -> Result<PagedJson<Notification>, ApiError> {
    let user = auth.user("read:notifications")?;
    let window = params.page.window(40, 80);
    let filter = NotificationFilter {
        types: params.types.clone(),
        exclude_types: params.exclude_types.clone(),
        account_id: params.account_id,
    };
    let found = notifications::list_notifications(&state.ctx, user, window, &filter).await?;
    let mut extra: Vec<(&str, String)> = params.types.iter().map(|t| ("types[]", t.clone())).collect();
    extra.extend(params.exclude_types.iter().map(|t| ("exclude_types[]", t.clone())));
    let link = link_header(
        &state.uris,
        "/api/v1/notifications",
        &extra,
        found.first().map(|n| n.id),
        found.last().map(|n| n.id),
        window.limit,
    );
    Ok(PagedJson { items: found.iter().map(|n| Notification::new(&state.uris, n)).collect(), link })
}

pub async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> Result<Json<Notification>, ApiError> {
    let user = auth.user("read:notifications")?;
    let found = notifications::get_notification(&state.ctx, user, parse_id(&id)?).await?;
    Ok(Json(Notification::new(&state.uris, &found)))
}

pub async fn dismiss(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let user = auth.user("write:notifications")?;
    notifications::dismiss(&state.ctx, user, parse_id(&id)?).await?;
    Ok(Json(json!({})))
}

pub async fn clear(State(state): State<AppState>, auth: Auth) -> Result<Json<Value>, ApiError> {
    let user = auth.user("write:notifications")?;
    notifications::clear(&state.ctx, user).await?;
    Ok(Json(json!({})))
}

pub async fn unread_count(State(state): State<AppState>, auth: Auth) -> Result<Json<Value>, ApiError> {
    let user = auth.user("read:notifications")?;
    let count = notifications::unread_count(&state.ctx, user).await?;
    Ok(Json(json!({ "count": count })))
}

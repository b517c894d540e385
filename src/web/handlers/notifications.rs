//! The notifications page `/notifications`, with "mark as read" for one and for all.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::service::notification_page;
use crate::state::AppState;
use crate::web::error::WebError;
use crate::web::notification_views::NotificationsPage;
use crate::web::pages::render;
use crate::web::session::RequireUser;
use crate::web::view::Chrome;

const PAGE_PATH: &str = "/notifications";

#[derive(Deserialize)]
pub struct PageQuery {
    max_id: Option<String>,
}

pub async fn list(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Query(query): Query<PageQuery>,
) -> Result<Response, WebError> {
    let max_id = match query.max_id.as_deref().filter(|raw| !raw.is_empty()) {
        Some(raw) => Some(raw.parse::<i64>().map_err(|_| WebError::NotFound)?),
        None => None,
    };
    let page = notification_page::notification_page(&state.ctx, &user, max_id).await?;
    render(StatusCode::OK, &NotificationsPage::new(chrome, &page, max_id.is_some()))
}

pub async fn mark_read(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id = id.parse::<i64>().map_err(|_| WebError::NotFound)?;
    notification_page::mark_read(&state.ctx, &user, id).await?;
    Ok(Redirect::to(PAGE_PATH).into_response())
}

pub async fn mark_all_read(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
) -> Result<Response, WebError> {
    notification_page::mark_all_read(&state.ctx, &user).await?;
    Ok(Redirect::to(PAGE_PATH).into_response())
}

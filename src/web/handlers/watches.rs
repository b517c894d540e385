//! "Watch thread" and "watch group": buttons on the thread and group pages.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};

use super::posts::parse_post_id;
use crate::federation::uris;
use crate::service::watches;
use crate::state::AppState;
use crate::web::error::WebError;
use crate::web::session::RequireUser;

pub async fn watch_thread(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    set_thread(&state, &user, &id, true).await
}

pub async fn unwatch_thread(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    set_thread(&state, &user, &id, false).await
}

async fn set_thread(
    state: &AppState,
    user: &crate::service::CurrentUser,
    id: &str,
    watch: bool,
) -> Result<Response, WebError> {
    let id = parse_post_id(id)?;
    watches::set_thread_watch(&state.ctx, user, id, watch).await?;
    Ok(Redirect::to(&uris::thread_path(id)).into_response())
}

pub async fn watch_group(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(name): Path<String>,
) -> Result<Response, WebError> {
    watches::set_group_watch(&state.ctx, &user, &name, true).await?;
    Ok(Redirect::to(&uris::group_path(&name)).into_response())
}

pub async fn unwatch_group(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(name): Path<String>,
) -> Result<Response, WebError> {
    watches::set_group_watch(&state.ctx, &user, &name, false).await?;
    Ok(Redirect::to(&uris::group_path(&name)).into_response())
}

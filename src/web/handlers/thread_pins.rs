//! Moderators pin a thread to the top of its group, and unpin it (buttons on the thread page).

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};

use super::posts::parse_post_id;
use crate::federation::uris;
use crate::service::{CurrentUser, thread_pins};
use crate::state::AppState;
use crate::web::error::WebError;
use crate::web::session::RequireUser;

pub async fn pin(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    set_pin(&state, &user, &id, true).await
}

pub async fn unpin(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    set_pin(&state, &user, &id, false).await
}

async fn set_pin(state: &AppState, user: &CurrentUser, id: &str, pinned: bool) -> Result<Response, WebError> {
    let id = parse_post_id(id)?;
    thread_pins::set_thread_pin(&state.ctx, user, id, pinned).await?;
    Ok(Redirect::to(&uris::thread_path(id)).into_response())
}

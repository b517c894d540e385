//! Moderators move a thread to another of our groups (a form on the thread page).

use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::posts::parse_post_id;
use crate::federation::uris;
use crate::service::thread_moves;
use crate::state::AppState;
use crate::web::error::WebError;
use crate::web::session::RequireUser;

#[derive(Deserialize)]
pub struct MoveForm {
    #[serde(default)]
    group: String,
}

/// `POST /t/{id}/move`: moves the thread to the group named in the form.
pub async fn move_thread(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
    Form(form): Form<MoveForm>,
) -> Result<Response, WebError> {
    let id = parse_post_id(&id)?;
    thread_moves::move_thread(&state.ctx, &user, id, &form.group).await?;
    Ok(Redirect::to(&uris::thread_path(id)).into_response())
}

//! Voting in a poll from its thread page: `POST /p/{id}/vote` with one `choice` (radio
//! buttons) or several (checkboxes).

use axum::extract::{Path, RawForm, State};
use axum::response::{IntoResponse, Redirect, Response};

use super::posts::parse_post_id;
use crate::domain::FieldError;
use crate::federation::uris;
use crate::service::{ServiceError, polls};
use crate::state::AppState;
use crate::web::error::WebError;
use crate::web::session::RequireUser;

pub async fn vote(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
    RawForm(body): RawForm,
) -> Result<Response, WebError> {
    let id = parse_post_id(&id)?;
    let mut choices = Vec::new();
    for (key, value) in url::form_urlencoded::parse(&body) {
        if key == "choice" {
            let choice = value
                .trim()
                .parse::<i64>()
                .map_err(|_| ServiceError::from(FieldError::new("choices", "no such option")))?;
            choices.push(choice);
        }
    }
    let poll = polls::vote(&state.ctx, &user, id.0, &choices).await?;
    state.wake_delivery.notify_one();
    let root = polls::thread_of(&state.ctx, poll.id).await?;
    Ok(Redirect::to(&uris::post_in_thread_path(root, id)).into_response())
}

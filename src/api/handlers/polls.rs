//! Polls: `GET /api/v1/polls/:id` and `POST /api/v1/polls/:id/votes` (`choices[]`). A poll's
//! id is its post's.

use axum::Json;
use axum::extract::{Path, State};
use serde::Deserialize;

use crate::api::auth::Auth;
use crate::api::error::ApiError;
use crate::api::model::Poll;
use crate::api::params::{Params, lenient, parse_id};
use crate::service::polls;
use crate::state::AppState;

/// `GET /api/v1/polls/:id`.
pub async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> Result<Json<Poll>, ApiError> {
    let viewer = auth.viewer("read:statuses")?;
    let poll = polls::get_poll(&state.ctx, viewer, parse_id(&id)?).await?;
    Ok(Json(Poll::new(&poll)))
}

#[derive(Debug, Deserialize)]
pub struct VoteParams {
    #[serde(default, deserialize_with = "lenient::list")]
    choices: Vec<String>,
}

/// `POST /api/v1/polls/:id/votes`.
pub async fn vote(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Params(params): Params<VoteParams>,
) -> Result<Json<Poll>, ApiError> {
    let user = auth.user("write:statuses")?;
    let choices = params
        .choices
        .iter()
        .map(|choice| choice.trim().parse::<i64>())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|_| ApiError::invalid("choices must be option numbers"))?;
    let poll = polls::vote(&state.ctx, user, parse_id(&id)?, &choices).await?;
    state.wake_delivery.notify_one();
    Ok(Json(Poll::new(&poll)))
}

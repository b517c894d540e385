//! `GET /api/v1/tags/:name`: a hashtag as Mastodon shows it (any valid name, used or not).

use axum::Json;
use axum::extract::{Path, State};

use crate::api::auth::Auth;
use crate::api::error::ApiError;
use crate::api::model::Tag;
use crate::domain::hashtags::normalize_hashtag;
use crate::state::AppState;

pub async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path(name): Path<String>,
) -> Result<Json<Tag>, ApiError> {
    auth.viewer("read:statuses")?;
    let name = normalize_hashtag(&name).ok_or(ApiError::NotFound)?;
    Ok(Json(Tag::new(&state.uris, &name)))
}

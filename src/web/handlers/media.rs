//! Uploaded images, served from the data directory (`/media/<name>.jpg`).

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::api::auth::authorization_token;
use crate::domain::ActorId;
use crate::service::{media, oauth};
use crate::state::AppState;
use crate::web::session::MaybeUser;

/// A stored image. Its name never changes its content, so an image a post uses may be cached
/// for good; one no post uses yet is shown only to its uploader (signed in, or with a bearer
/// token) and cached by nobody else. It is never run as a page (`sandbox`), whatever a browser
/// thinks of it.
pub async fn file(
    State(state): State<AppState>,
    MaybeUser(user): MaybeUser,
    headers: HeaderMap,
    Path(name): Path<String>,
) -> Response {
    let viewer = match user {
        Some(user) => Some(user.id),
        None => bearer_viewer(&state, &headers).await,
    };
    match media::read_file(&state.ctx, &name, viewer).await {
        Ok(file) => (
            [
                (header::CONTENT_TYPE, file.content_type),
                (
                    header::CACHE_CONTROL,
                    if file.public { "public, max-age=31536000, immutable" } else { "private, no-store" },
                ),
                (header::CONTENT_SECURITY_POLICY, "default-src 'none'; sandbox"),
            ],
            file.bytes,
        )
            .into_response(),
        Err(_) => StatusCode::NOT_FOUND.into_response(),
    }
}

/// The person an `Authorization: Bearer` token acts for (apps showing their own upload).
async fn bearer_viewer(state: &AppState, headers: &HeaderMap) -> Option<ActorId> {
    let token = authorization_token(headers)?;
    let grant = oauth::authenticate(&state.ctx, &token).await.ok().flatten()?;
    grant.user.map(|user| user.id)
}

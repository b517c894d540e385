//! Uploaded images, served from the data directory (`/media/<id>.jpg`).

use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::service::media;
use crate::state::AppState;

/// A stored image. Its name never changes its content, so it may be cached for good; it is
/// never run as a page (`sandbox`), whatever a browser thinks of it.
pub async fn file(State(state): State<AppState>, Path(name): Path<String>) -> Response {
    match media::read_file(&state.ctx, &name).await {
        Ok((bytes, content_type)) => (
            [
                (header::CONTENT_TYPE, content_type),
                (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
                (header::CONTENT_SECURITY_POLICY, "default-src 'none'; sandbox"),
            ],
            bytes,
        )
            .into_response(),
        Err(_) => StatusCode::NOT_FOUND.into_response(),
    }
}

//! Media: image uploads for statuses (`POST /api/v2/media`, then `media_ids[]` on the status),
//! their alt text, and the default avatar and header every account shows (Mastodon apps expect
//! images, never null).

use axum::Json;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use serde::Deserialize;

use crate::api::auth::Auth;
use crate::api::error::ApiError;
use crate::api::model::MediaAttachment;
use crate::api::params::{Params, lenient, parse_id};
use crate::service::media::{self, Upload};
use crate::state::AppState;

const AVATAR: &[u8] = include_bytes!("../../../static/avatar.png");
const HEADER: &[u8] = include_bytes!("../../../static/header.png");

pub async fn default_avatar() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "image/png"), (header::CACHE_CONTROL, "public, max-age=86400")], AVATAR)
}

pub async fn default_header() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "image/png"), (header::CACHE_CONTROL, "public, max-age=86400")], HEADER)
}

/// `POST /api/v2/media` (and the older `/api/v1/media`): a multipart `file`, with optional
/// `description` and `focus`. The image is ready when this answers, so the status is 200.
pub async fn upload(
    State(state): State<AppState>,
    auth: Auth,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Json<MediaAttachment>, ApiError> {
    let user = auth.user("write:media")?;
    let mut multipart = multipart
        .map_err(|_| ApiError::invalid("send the image as multipart/form-data in a `file` field"))?;
    let mut upload = Upload::default();
    let mut has_file = false;
    while let Some(field) = multipart.next_field().await.map_err(multipart_error)? {
        match field.name() {
            Some("file") => {
                upload.bytes = field.bytes().await.map_err(multipart_error)?.to_vec();
                has_file = true;
            }
            Some("description") => upload.description = Some(field.text().await.map_err(multipart_error)?),
            Some("focus") => upload.focus = Some(field.text().await.map_err(multipart_error)?),
            _ => {}
        }
    }
    if !has_file {
        return Err(ApiError::Invalid(
            "file is missing".into(),
            vec![("file".into(), "can't be blank".into())],
        ));
    }
    let created = media::upload_image(&state.ctx, user, upload).await?;
    Ok(Json(MediaAttachment::new(&state.uris, &created)))
}

fn multipart_error(error: axum::extract::multipart::MultipartError) -> ApiError {
    if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::PayloadTooLarge
    } else {
        ApiError::BadRequest(format!("bad multipart: {}", error.body_text()))
    }
}

/// `GET /api/v1/media/:id`: one's own upload.
pub async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> Result<Json<MediaAttachment>, ApiError> {
    let user = auth.user("write:media")?;
    let found = media::get_own_media(&state.ctx, user, parse_id(&id)?).await?;
    Ok(Json(MediaAttachment::new(&state.uris, &found)))
}

#[derive(Debug, Deserialize)]
pub struct UpdateParams {
    #[serde(default, deserialize_with = "lenient::opt_string")]
    description: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_string")]
    focus: Option<String>,
}

/// `PUT /api/v1/media/:id`: alt text and focal point.
pub async fn update(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Params(params): Params<UpdateParams>,
) -> Result<Json<MediaAttachment>, ApiError> {
    let user = auth.user("write:media")?;
    let updated =
        media::update_media(&state.ctx, user, parse_id(&id)?, params.description, params.focus).await?;
    Ok(Json(MediaAttachment::new(&state.uris, &updated)))
}

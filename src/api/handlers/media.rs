//! The default avatar and header every account shows (Mastodon apps expect images, never null).

use axum::http::header;
use axum::response::IntoResponse;

const AVATAR: &[u8] = include_bytes!("../../../static/avatar.png");
const HEADER: &[u8] = include_bytes!("../../../static/header.png");

pub async fn default_avatar() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "image/png"), (header::CACHE_CONTROL, "public, max-age=86400")], AVATAR)
}

pub async fn default_header() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "image/png"), (header::CACHE_CONTROL, "public, max-age=86400")], HEADER)
}

//! The page of a hashtag: posts that carry it, newest first.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use crate::federation::uris;
use crate::service::tags;
use crate::state::AppState;
use crate::web::error::WebError;
use crate::web::pages::{TagPage, render};
use crate::web::session::MaybeUser;
use crate::web::view::{Chrome, ListView};

#[derive(Deserialize)]
pub struct TagQuery {
    before: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    chrome: Chrome,
    MaybeUser(viewer): MaybeUser,
    Path(name): Path<String>,
    Query(query): Query<TagQuery>,
) -> Result<Response, WebError> {
    let (name, posts) =
        tags::get_tag_page(&state.ctx, &name, viewer.as_ref(), query.before.as_deref()).await?;
    // The next page's link names the hashtag percent-encoded (`#ærø` is `/tags/%C3%A6r%C3%B8`).
    let base = uris::tag_path(&form_urlencoded::byte_serialize(name.as_bytes()).collect::<String>());
    let page = TagPage { chrome, posts: ListView::from_paged(&posts, &base, "before"), name };
    render(StatusCode::OK, &page)
}

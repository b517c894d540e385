//! Search: a handle (`@energy@forum.example`) or URL of a group or person, here or elsewhere.
//! Remote ones are looked up over federation and stored, then shown like local ones.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::federation::resolve;
use crate::federation::uris;
use crate::service::{ServiceError, remote};
use crate::state::AppState;
use crate::web::error::WebError;
use crate::web::pages::{SearchPage, render};
use crate::web::session::RequireUser;
use crate::web::view::Chrome;

#[derive(Deserialize)]
pub struct SearchQuery {
    #[serde(default)]
    q: String,
}

pub async fn search(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(_user): RequireUser,
    Query(query): Query<SearchQuery>,
) -> Result<Response, WebError> {
    let q = query.q.trim();
    if q.is_empty() {
        return render(StatusCode::OK, &SearchPage { chrome, query: String::new(), message: String::new() });
    }
    let found = if q.starts_with("http://") || q.starts_with("https://") {
        match url::Url::parse(q) {
            Ok(url) => resolve::actor_by_url(&state, &url).await.map(|(id, _)| id).ok(),
            Err(_) => None,
        }
    } else if q.trim_start_matches('@').contains('@') {
        resolve::resolve_handle(&state, q).await.ok()
    } else {
        let name = q.trim_start_matches('@');
        return Ok(Redirect::to(&uris::group_path(name)).into_response());
    };
    let Some(actor) = found else {
        let message = chrome.t.arg("search-not-found", "query", q);
        let page = SearchPage { chrome, query: q.to_owned(), message };
        return render(StatusCode::NOT_FOUND, &page);
    };
    let handle = remote::actor_handle(&state.ctx, actor).await?.ok_or(ServiceError::NotFound)?;
    let target = if handle.kind == "group" {
        uris::group_path(&handle.handle)
    } else {
        uris::user_path(&handle.handle)
    };
    Ok(Redirect::to(&target).into_response())
}

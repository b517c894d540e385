//! Search: words find public posts and threads (full text, for anyone); a handle
//! (`@energy@forum.example`) or URL of a group or person, here or elsewhere, is looked up for
//! signed-in members: remote ones over federation, then stored and shown like local ones.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::federation::resolve;
use crate::federation::uris;
use crate::service::{ServiceError, remote, search};
use crate::state::AppState;
use crate::web::error::WebError;
use crate::web::pages::render;
use crate::web::search_views::{SearchPage, SearchResultView};
use crate::web::session::MaybeUser;
use crate::web::view::Chrome;

/// Results on one page of the search page.
const PAGE_SIZE: i64 = 20;

#[derive(Deserialize)]
pub struct SearchQuery {
    #[serde(default)]
    q: String,
    /// Page of full-text results, from 0.
    #[serde(default)]
    page: Option<i64>,
}

pub async fn search(
    State(state): State<AppState>,
    chrome: Chrome,
    MaybeUser(user): MaybeUser,
    Query(query): Query<SearchQuery>,
) -> Result<Response, WebError> {
    let q = query.q.trim();
    if q.is_empty() {
        return render(StatusCode::OK, &SearchPage::empty(chrome, "", String::new()));
    }
    let is_address = q.starts_with("http://") || q.starts_with("https://");
    if is_address || q.trim_start_matches('@').contains('@') {
        if user.is_none() {
            return Err(WebError::SignInRequired);
        }
        return look_up(&state, chrome, q, is_address).await;
    }
    let page = query.page.unwrap_or(0).clamp(0, search::MAX_OFFSET / PAGE_SIZE);
    let offset = page * PAGE_SIZE;
    // One more than a page, to know whether there is a next one.
    let found = search::search_posts(&state.ctx, user.as_ref(), q, offset, PAGE_SIZE + 1).await?;
    let more =
        i64::try_from(found.hits.len()).unwrap_or(0) > PAGE_SIZE && offset + PAGE_SIZE <= search::MAX_OFFSET;
    let page_url = |page: i64| format!("/search?q={}&page={page}", urlencoding(q));
    let results = match &found.text {
        Some(text) => {
            found.hits.iter().take(PAGE_SIZE as usize).map(|hit| SearchResultView::new(hit, text)).collect()
        }
        None => Vec::new(),
    };
    let page_view = SearchPage {
        next_url: more.then(|| page_url(page + 1)),
        previous_url: (page > 0).then(|| page_url(page - 1)),
        searched: true,
        results,
        ..SearchPage::empty(chrome, q, String::new())
    };
    render(StatusCode::OK, &page_view)
}

/// A handle or address: the group or person it names, fetched from its instance if need be.
async fn look_up(state: &AppState, chrome: Chrome, q: &str, is_address: bool) -> Result<Response, WebError> {
    let found = if is_address {
        match url::Url::parse(q) {
            Ok(url) => resolve::actor_by_url(state, &url).await.map(|(id, _)| id).ok(),
            Err(_) => None,
        }
    } else {
        resolve::resolve_handle(state, q).await.ok()
    };
    let Some(actor) = found else {
        let message = chrome.t.arg("search-not-found", "query", q);
        return render(StatusCode::NOT_FOUND, &SearchPage::empty(chrome, q, message));
    };
    let handle = remote::actor_handle(&state.ctx, actor).await?.ok_or(ServiceError::NotFound)?;
    let target = if handle.kind == "group" {
        uris::group_path(&handle.handle)
    } else {
        uris::user_path(&handle.handle)
    };
    Ok(Redirect::to(&target).into_response())
}

fn urlencoding(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

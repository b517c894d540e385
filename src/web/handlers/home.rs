//! The home page: the instance's groups and its latest threads.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use crate::service::{groups, threads};
use crate::state::AppState;
use crate::web::error::WebError;
use crate::web::pages::{HomePage, render};
use crate::web::session::MaybeUser;
use crate::web::view::{Chrome, GroupCardView, ListView};

const HOME_GROUPS: i64 = 12;

#[derive(Deserialize)]
pub struct HomeQuery {
    before: Option<String>,
}

pub async fn home(
    State(state): State<AppState>,
    chrome: Chrome,
    MaybeUser(viewer): MaybeUser,
    Query(query): Query<HomeQuery>,
) -> Result<Response, WebError> {
    let groups = groups::list_groups(&state.ctx, None, None, Some(HOME_GROUPS)).await?;
    let latest = threads::list_latest_threads(&state.ctx, viewer.as_ref(), query.before.as_deref()).await?;
    let page = HomePage {
        chrome,
        description: state.config.instance.description.clone(),
        groups: groups.items.iter().map(GroupCardView::from).collect(),
        more_groups: groups.next_cursor.is_some(),
        threads: ListView::from_paged(&latest, "/", "before"),
    };
    render(StatusCode::OK, &page)
}

/// `/feed`: threads from the groups the member follows.
pub async fn feed(
    State(state): State<AppState>,
    chrome: Chrome,
    crate::web::session::RequireUser(user): crate::web::session::RequireUser,
    Query(query): Query<HomeQuery>,
) -> Result<Response, WebError> {
    let threads = threads::list_followed_threads(&state.ctx, &user, query.before.as_deref()).await?;
    let page =
        crate::web::pages::FeedPage { chrome, threads: ListView::from_paged(&threads, "/feed", "before") };
    render(StatusCode::OK, &page)
}

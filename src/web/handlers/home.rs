//! The home page: the instance's groups and its latest threads.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use crate::db::statuses::Window;
use crate::domain::PostId;
use crate::federation::uris;
use crate::service::statuses::{self, AccountSummary, StatusView};
use crate::service::{groups, threads};
use crate::state::AppState;
use crate::web::error::WebError;
use crate::web::pages::{HomePage, HomeTimelinePage, TimelineEntryView, render};
use crate::web::session::MaybeUser;
use crate::web::view::{ActorLink, Chrome, GroupCardView, ListView};

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

#[derive(Deserialize)]
pub struct TimelineQuery {
    max_id: Option<String>,
}

/// `/feed/home`: the member's home timeline, the same query as the apps' home timeline
/// (`statuses::home_timeline`): posts of the people and groups they follow, their own posts and
/// boosts, newest first, in pages before `max_id`.
pub async fn timeline(
    State(state): State<AppState>,
    chrome: Chrome,
    crate::web::session::RequireUser(user): crate::web::session::RequireUser,
    Query(query): Query<TimelineQuery>,
) -> Result<Response, WebError> {
    let limit = state.ctx.settings.page_size;
    let max_id = query.max_id.as_deref().and_then(|id| id.parse::<i64>().ok());
    let window = Window { max_id, since_id: None, min_id: None, limit: limit + 1 };
    let mut found = statuses::home_timeline(&state.ctx, &user, window).await?;
    let more = i64::try_from(found.len()).unwrap_or(i64::MAX) > limit;
    found.truncate(usize::try_from(limit).unwrap_or(0));
    let next_url = found
        .last()
        .filter(|_| more)
        .map(|last| format!("/feed/home?max_id={}", last.shared_by.as_ref().map_or(last.id, |s| s.boost_id)));
    let entries = found.iter().map(timeline_entry).collect();
    render(StatusCode::OK, &HomeTimelinePage { chrome, entries, next_url })
}

fn summary_link(account: &AccountSummary) -> ActorLink {
    let handle = match &account.host {
        Some(host) => format!("{}@{host}", account.name),
        None => account.name.clone(),
    };
    let shown_name =
        if account.display_name.is_empty() { handle.clone() } else { account.display_name.clone() };
    let url = if account.kind == "group" { uris::group_path(&handle) } else { uris::user_path(&handle) };
    ActorLink { shown_name, handle, url }
}

fn timeline_entry(status: &StatusView) -> TimelineEntryView {
    TimelineEntryView {
        url: uris::post_in_thread_path(PostId(status.root_id), PostId(status.id)),
        title: status.title.clone().unwrap_or_default(),
        content_html: status.content_html.clone(),
        content_warning: status.content_warning.clone().unwrap_or_default(),
        language: status.language.clone(),
        author: summary_link(&status.author),
        group: status.group.as_ref().map(summary_link),
        shared_by: status.shared_by.as_ref().map(|s| summary_link(&s.booster)),
        created_at: status.created_at,
        created_iso: status.created_at.to_rfc3339(),
    }
}

//! Atom feeds: `/feed.atom` (the instance's latest threads) and `/g/{name}/feed.atom` (a
//! group's threads, for local groups and the remote ones this instance knows).
//!
//! Feeds are not pages: they set no cookies, are the same for everyone, and an unknown group is
//! a plain 404 rather than an HTML error page.

use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::federation::uris;
use crate::service::ServiceError;
use crate::service::feeds;
use crate::state::AppState;
use crate::web::atom::{ATOM_CONTENT_TYPE, FeedHead, Subtitle, render_feed};
use crate::web::i18n::Translator;

/// Path of the instance's feed.
pub const LATEST_FEED_PATH: &str = "/feed.atom";

/// Path of a group's feed; `name` is its handle (`name@host` for remote groups).
pub fn group_feed_path(name: &str) -> String {
    format!("{}/feed.atom", uris::group_path(name))
}

pub async fn latest(State(state): State<AppState>) -> Response {
    let entries = match feeds::list_latest_feed_entries(&state.ctx).await {
        Ok(entries) => entries,
        Err(error) => return failure(&error),
    };
    let instance = &state.config.instance;
    let fallback_subtitle;
    let subtitle = if instance.description.trim().is_empty() {
        fallback_subtitle = feed_language(&state).arg("feed-latest-title", "instance", &instance.name);
        &fallback_subtitle
    } else {
        &instance.description
    };
    let head = FeedHead {
        self_url: &state.uris.absolute(LATEST_FEED_PATH),
        page_url: &state.uris.absolute("/"),
        title: &instance.name,
        subtitle: Subtitle::Text(subtitle),
        updated_if_empty: state.ctx.now(),
    };
    atom(render_feed(&state.uris, &head, &entries))
}

pub async fn group(State(state): State<AppState>, Path(name): Path<String>) -> Response {
    let feed = match feeds::get_group_feed(&state.ctx, &name).await {
        Ok(feed) => feed,
        Err(error) => return failure(&error),
    };
    let group = &feed.group.group.actor;
    let handle = group.handle();
    let fallback_subtitle;
    let subtitle = if feed.group.summary_html.trim().is_empty() {
        fallback_subtitle = feed_language(&state).arg("feed-group-title", "group", group.shown_name());
        Subtitle::Text(&fallback_subtitle)
    } else {
        Subtitle::Html(&feed.group.summary_html)
    };
    let head = FeedHead {
        self_url: &state.uris.absolute(&group_feed_path(&handle)),
        page_url: &state.uris.absolute(&uris::group_path(&handle)),
        title: group.shown_name(),
        subtitle,
        updated_if_empty: feed.group.created_at,
    };
    atom(render_feed(&state.uris, &head, &feed.entries))
}

/// Feeds are cached by readers for everyone, so they speak the instance's language.
fn feed_language(state: &AppState) -> Translator {
    Translator::new(&state.ctx.settings.default_language)
}

fn atom(body: String) -> Response {
    ([(header::CONTENT_TYPE, HeaderValue::from_static(ATOM_CONTENT_TYPE))], body).into_response()
}

fn failure(error: &ServiceError) -> Response {
    match error {
        ServiceError::NotFound => StatusCode::NOT_FOUND.into_response(),
        other => {
            tracing::error!(error = ?other, "feed failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

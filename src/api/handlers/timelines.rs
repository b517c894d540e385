//! Home, public and hashtag timelines.

use axum::extract::{Path, State};
use serde::Deserialize;

use crate::api::auth::Auth;
use crate::api::error::ApiError;
use crate::api::model::Status;
use crate::api::paging::{PageParams, PagedJson, link_header};
use crate::api::params::{Params, lenient};
use crate::db::statuses::Origin;
use crate::service::statuses::{self, StatusView};
use crate::service::tags;
use crate::state::AppState;

fn paged(
    state: &AppState,
    path: &str,
    extra: &[(&str, String)],
    found: &[StatusView],
    limit: i64,
) -> PagedJson<Status> {
    let link = link_header(
        &state.uris,
        path,
        extra,
        found.first().map(|s| s.entry_id()),
        found.last().map(|s| s.entry_id()),
        limit,
    );
    PagedJson { items: Status::list(&state.uris, found), link }
}

/// `GET /api/v1/timelines/home`.
pub async fn home(
    State(state): State<AppState>,
    auth: Auth,
    Params(params): Params<PageParams>,
) -> Result<PagedJson<Status>, ApiError> {
    let user = auth.user("read:statuses")?;
    let window = params.window(20, 40);
    let found = statuses::home_timeline(&state.ctx, user, window).await?;
    Ok(paged(&state, "/api/v1/timelines/home", &[], &found, window.limit))
}

#[derive(Debug, Deserialize)]
pub struct PublicParams {
    #[serde(flatten)]
    page: PageParams,
    #[serde(default, deserialize_with = "lenient::bool")]
    local: bool,
    #[serde(default, deserialize_with = "lenient::bool")]
    remote: bool,
    #[serde(default, deserialize_with = "lenient::bool")]
    only_media: bool,
}

/// `GET /api/v1/timelines/public` (`local`, `remote`, `only_media`).
pub async fn public(
    State(state): State<AppState>,
    auth: Auth,
    Params(params): Params<PublicParams>,
) -> Result<PagedJson<Status>, ApiError> {
    let viewer = auth.viewer("read:statuses")?;
    let window = params.page.window(20, 40);
    let origin = match (params.local, params.remote) {
        (true, false) => Origin::Local,
        (false, true) => Origin::Remote,
        _ => Origin::All,
    };
    let mut extra = Vec::new();
    if params.local {
        extra.push(("local", "true".to_owned()));
    }
    if params.remote {
        extra.push(("remote", "true".to_owned()));
    }
    if params.only_media {
        extra.push(("only_media", "true".to_owned()));
    }
    let found = statuses::public_timeline(&state.ctx, viewer, origin, params.only_media, window).await?;
    Ok(paged(&state, "/api/v1/timelines/public", &extra, &found, window.limit))
}

#[derive(Debug, Deserialize)]
pub struct TagParams {
    #[serde(flatten)]
    public: PublicParams,
    #[serde(default, deserialize_with = "lenient::list")]
    any: Vec<String>,
    #[serde(default, deserialize_with = "lenient::list")]
    all: Vec<String>,
    #[serde(default, deserialize_with = "lenient::list")]
    none: Vec<String>,
}

/// `GET /api/v1/timelines/tag/:hashtag` (`any[]`, `all[]`, `none[]`, `local`, `remote`,
/// `only_media`). A name that is no hashtag finds nothing.
pub async fn tag(
    State(state): State<AppState>,
    auth: Auth,
    Path(hashtag): Path<String>,
    Params(params): Params<TagParams>,
) -> Result<PagedJson<Status>, ApiError> {
    let viewer = auth.viewer("read:statuses")?;
    let window = params.public.page.window(20, 40);
    let Some(filter) = tags::tag_filter(&hashtag, &params.any, &params.all, &params.none) else {
        return Ok(PagedJson { items: Vec::new(), link: None });
    };
    let public = &params.public;
    let origin = match (public.local, public.remote) {
        (true, false) => Origin::Local,
        (false, true) => Origin::Remote,
        _ => Origin::All,
    };
    let mut extra = Vec::new();
    for (key, names) in [("any[]", &filter.any), ("all[]", &filter.all), ("none[]", &filter.none)] {
        extra.extend(names.iter().map(|name| (key, name.clone())));
    }
    for (key, on) in [("local", public.local), ("remote", public.remote), ("only_media", public.only_media)] {
        if on {
            extra.push((key, "true".to_owned()));
        }
    }
    let path = format!(
        "/api/v1/timelines/tag/{}",
        form_urlencoded::byte_serialize(filter.tag.as_bytes()).collect::<String>()
    );
    let query = tags::TagQuery { filter, origin, only_media: public.only_media };
    let found = tags::tag_timeline(&state.ctx, viewer, &query, window).await?;
    Ok(paged(&state, &path, &extra, &found, window.limit))
}

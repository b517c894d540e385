//! Home and public timelines.

use axum::extract::State;
use serde::Deserialize;

use crate::api::auth::Auth;
use crate::api::error::ApiError;
use crate::api::model::Status;
use crate::api::paging::{PageParams, PagedJson, link_header};
use crate::api::params::{Params, lenient};
use crate::db::statuses::Origin;
use crate::service::statuses::{self, StatusView};
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

/// `GET /api/v1/timelines/tag/:hashtag`: posts carry no hashtags yet, so it is empty.
pub async fn tag(auth: Auth) -> Result<PagedJson<Status>, ApiError> {
    auth.viewer("read:statuses")?;
    Ok(PagedJson { items: Vec::new(), link: None })
}

//! A group's network feed: the remote groups it follows and their threads; its moderators
//! make it follow more (found by handle or address) or fewer.

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::federation::{backfill, resolve, uris};
use crate::service::{ServiceError, network};
use crate::state::AppState;
use crate::web::error::WebError;
use crate::web::pages::{NetworkPage, render};
use crate::web::session::{MaybeUser, RequireUser};
use crate::web::view::{Chrome, ListView};

#[derive(Deserialize)]
pub struct PageQuery {
    before: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    chrome: Chrome,
    MaybeUser(viewer): MaybeUser,
    Path(name): Path<String>,
    Query(query): Query<PageQuery>,
) -> Result<Response, WebError> {
    page(
        &state,
        chrome,
        viewer.as_ref(),
        &name,
        query.before.as_deref(),
        String::new(),
        String::new(),
        StatusCode::OK,
    )
    .await
}

#[allow(clippy::too_many_arguments)]
async fn page(
    state: &AppState,
    chrome: Chrome,
    viewer: Option<&crate::service::CurrentUser>,
    name: &str,
    before: Option<&str>,
    follow_error: String,
    handle: String,
    status: StatusCode,
) -> Result<Response, WebError> {
    let network = network::get_network_page(&state.ctx, name, viewer, before).await?;
    let group_url = uris::group_path(&network.group.name);
    let page = NetworkPage {
        chrome,
        threads: ListView::from_paged(&network.threads, &format!("{group_url}/network"), "before"),
        group_title: network.group.shown_name().to_owned(),
        group_url,
        followed: network
            .followed
            .iter()
            .map(|f| {
                (
                    f.group.handle(),
                    f.group.shown_name().to_owned(),
                    uris::group_path(&f.group.handle()),
                    f.accepted,
                )
            })
            .collect(),
        followed_count: i64::try_from(network.followed.len()).unwrap_or(i64::MAX),
        viewer_moderates: network.viewer_moderates,
        follow_error,
        handle,
    };
    render(status, &page)
}

#[derive(Deserialize)]
pub struct HandleForm {
    #[serde(default)]
    handle: String,
}

/// The group follows a remote group, found by handle or address first (and stored).
pub async fn follow(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Path(name): Path<String>,
    Form(form): Form<HandleForm>,
) -> Result<Response, WebError> {
    let handle = form.handle.trim().to_owned();
    let found = resolve::actor_by_handle_or_url(&state, &handle).await;
    let result = match found {
        Some(target) => network::follow_remote_group(&state.ctx, &user, &name, target).await,
        None => Err(crate::domain::FieldError::new("handle", "is not a group on another instance").into()),
    };
    match result {
        Ok(new_follow) => {
            if let Some(remote) = new_follow {
                backfill::spawn_backfill(&state, remote);
            }
            state.wake_delivery.notify_one();
            Ok(Redirect::to(&format!("{}/network", uris::group_path(&name))).into_response())
        }
        Err(ServiceError::Invalid(_)) => {
            let message = chrome.t.arg("network-not-found", "handle", &handle);
            page(&state, chrome, Some(&user), &name, None, message, handle, StatusCode::UNPROCESSABLE_ENTITY)
                .await
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn unfollow(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(name): Path<String>,
    Form(form): Form<HandleForm>,
) -> Result<Response, WebError> {
    network::unfollow_remote_group(&state.ctx, &user, &name, form.handle.trim()).await?;
    state.wake_delivery.notify_one();
    Ok(Redirect::to(&format!("{}/network", uris::group_path(&name))).into_response())
}

//! Profile pages of people, here (`/u/{name}`) and elsewhere (`/u/{name}@{host}`), and
//! following them from there.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::federation::{resolve, uris};
use crate::service::users::{self, FollowState};
use crate::service::{ServiceError, follows, remote};
use crate::state::AppState;
use crate::web::block_views::ProfileSafetyView;
use crate::web::error::WebError;
use crate::web::goal_views::GoalCardView;
use crate::web::member_views::OrganisationView;
use crate::web::pages::{FollowButtonView, MovedView, RemoteProfileView, UserPage, render};
use crate::web::session::{MaybeUser, RequireUser};
use crate::web::view::{Chrome, ListView, profile_image_src};

#[derive(Deserialize)]
pub struct ProfileQuery {
    before: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    chrome: Chrome,
    MaybeUser(viewer): MaybeUser,
    Path(name): Path<String>,
    Query(query): Query<ProfileQuery>,
) -> Result<Response, WebError> {
    // `name@ourhost` is a local person.
    if let Some((local, host)) = name.split_once('@')
        && host.eq_ignore_ascii_case(state.uris.host())
    {
        return Ok(Redirect::to(&uris::user_path(local)).into_response());
    }
    let found = users::get_user_page(&state.ctx, &name, viewer.as_ref(), query.before.as_deref()).await;
    let (profile, posts) = match found {
        // Someone elsewhere we have not met: asked once through WebFinger, for signed-in
        // members (the fetch is theirs to cause, not any crawler's).
        Err(ServiceError::NotFound) if name.contains('@') && viewer.is_some() => {
            let actor = match resolve::resolve_handle(&state, &name).await {
                Ok(actor) => actor,
                Err(error) => {
                    tracing::info!(%error, handle = %name, "profile: handle not resolved");
                    return Err(WebError::NotFound);
                }
            };
            let handle = remote::actor_handle(&state.ctx, actor).await?.ok_or(WebError::NotFound)?;
            if handle.kind == "group" {
                return Ok(Redirect::to(&uris::group_path(&handle.handle)).into_response());
            }
            if handle.kind != "person" {
                return Err(WebError::NotFound);
            }
            if handle.handle != name {
                return Ok(Redirect::to(&uris::user_path(&handle.handle)).into_response());
            }
            users::get_user_page(&state.ctx, &name, viewer.as_ref(), query.before.as_deref()).await?
        }
        other => other?,
    };
    let goals = profile.goals.iter().map(|g| GoalCardView::new(g, &chrome.t)).collect();
    let path = uris::user_path(&profile.name);
    let safety = profile.viewer_safety.map(|s| ProfileSafetyView {
        account_id: profile.id.0,
        back: path.clone(),
        blocking: s.blocking,
        muting: s.muting,
    });
    let follow =
        profile.viewer_follow.filter(|_| profile.moved_to.is_none()).map(|follow| FollowButtonView {
            action: path.clone(),
            following: follow != FollowState::NotFollowing,
            pending: follow == FollowState::Pending,
        });
    let moved = profile.moved_to.map(|moved| MovedView {
        url: moved.handle.as_deref().map_or_else(|| moved.id.clone(), uris::user_path),
        label: moved.handle.map_or(moved.id, |handle| format!("@{handle}")),
    });
    let remote = profile.remote.map(|r| RemoteProfileView { host: r.host, profile_url: r.profile_url });
    let page = UserPage {
        chrome,
        posts: ListView::from_paged(&posts, &path, "before"),
        shown_name: if profile.display_name.is_empty() { profile.name.clone() } else { profile.display_name },
        name: profile.name,
        bio_html: profile.bio_html,
        joined_at: profile.joined_at,
        organisation: profile.organisation.as_ref().map(OrganisationView::from),
        goals,
        safety,
        follow,
        moved,
        remote,
        avatar: profile_image_src(profile.avatar.as_deref()),
        header: profile_image_src(profile.header.as_deref()),
    };
    render(StatusCode::OK, &page)
}

/// `POST /u/{name}/follow`: follows a person here or elsewhere (a `Follow` goes out to them).
pub async fn follow(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(name): Path<String>,
) -> Result<Response, WebError> {
    let person = users::person_by_handle(&state.ctx, &name).await?;
    follows::follow_actor(&state.ctx, &user, person).await?;
    Ok(Redirect::to(&uris::user_path(&name)).into_response())
}

/// `POST /u/{name}/unfollow`: stops following (or takes back a pending follow).
pub async fn unfollow(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(name): Path<String>,
) -> Result<Response, WebError> {
    let person = users::person_by_handle(&state.ctx, &name).await?;
    follows::unfollow_actor(&state.ctx, &user, person).await?;
    Ok(Redirect::to(&uris::user_path(&name)).into_response())
}

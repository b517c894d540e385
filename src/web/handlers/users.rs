//! Public profile pages.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use crate::federation::uris;
use crate::service::users;
use crate::state::AppState;
use crate::web::block_views::ProfileSafetyView;
use crate::web::error::WebError;
use crate::web::goal_views::GoalCardView;
use crate::web::member_views::OrganisationView;
use crate::web::pages::{UserPage, render};
use crate::web::session::MaybeUser;
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
    let (profile, posts) =
        users::get_user_page(&state.ctx, &name, viewer.as_ref(), query.before.as_deref()).await?;
    let goals = profile.goals.iter().map(|g| GoalCardView::new(g, &chrome.t)).collect();
    let safety = profile.viewer_safety.map(|s| ProfileSafetyView {
        account_id: profile.id.0,
        back: uris::user_path(&profile.name),
        blocking: s.blocking,
        muting: s.muting,
    });
    let page = UserPage {
        chrome,
        posts: ListView::from_paged(&posts, &uris::user_path(&profile.name), "before"),
        shown_name: if profile.display_name.is_empty() { profile.name.clone() } else { profile.display_name },
        name: profile.name,
        bio_html: profile.bio_html,
        joined_at: profile.joined_at,
        organisation: profile.organisation.as_ref().map(OrganisationView::from),
        goals,
        safety,
        avatar: profile_image_src(profile.avatar.as_deref()),
        header: profile_image_src(profile.header.as_deref()),
    };
    render(StatusCode::OK, &page)
}

//! `/g/{name}/team`: a local group's owner and moderators; the owner (and admins) appoint
//! moderators by handle (people here or elsewhere) and dismiss them.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::domain::ActorId;
use crate::federation::{resolve, uris};
use crate::service::moderator_teams::{self, Team};
use crate::service::{CurrentUser, ServiceError};
use crate::state::AppState;
use crate::web::error::WebError;
use crate::web::pages::render;
use crate::web::session::{MaybeUser, RequireUser};
use crate::web::view::{ActorLink, Chrome};

/// One member of the team as shown.
pub struct TeamRow {
    pub id: i64,
    pub person: ActorLink,
    pub owner: bool,
}

#[derive(Template)]
#[template(path = "groups/team.html")]
pub struct TeamPage {
    pub chrome: Chrome,
    pub group_url: String,
    pub group_title: String,
    pub members: Vec<TeamRow>,
    pub may_change: bool,
    pub handle: String,
    pub error: String,
}

pub async fn show(
    State(state): State<AppState>,
    chrome: Chrome,
    MaybeUser(user): MaybeUser,
    Path(name): Path<String>,
) -> Result<Response, WebError> {
    let team = moderator_teams::get_team(&state.ctx, user.as_ref(), &name).await?;
    render(StatusCode::OK, &page(chrome, team, String::new(), String::new()))
}

fn page(chrome: Chrome, team: Team, handle: String, error: String) -> TeamPage {
    TeamPage {
        group_url: uris::group_path(&team.group_name),
        group_title: team.group_title,
        members: team
            .members
            .into_iter()
            .map(|member| TeamRow {
                id: member.id.0,
                person: ActorLink::person(&member.person),
                owner: member.role == "owner",
            })
            .collect(),
        may_change: team.viewer_may_change,
        handle,
        error,
        chrome,
    }
}

#[derive(Deserialize)]
pub struct AppointForm {
    handle: String,
}

/// Appoints the person named by handle or address (looked up on their instance first).
pub async fn appoint(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Path(name): Path<String>,
    Form(form): Form<AppointForm>,
) -> Result<Response, WebError> {
    let handle = form.handle.trim().to_owned();
    let result = match resolve::actor_by_handle_or_url(&state, &handle).await {
        Some(person) => moderator_teams::appoint(&state.ctx, &user, &name, person).await,
        None => Err(crate::domain::FieldError::new("person", "not found").into()),
    };
    match result {
        Ok(()) => {
            state.wake_delivery.notify_one();
            Ok(Redirect::to(&format!("{}/team", uris::group_path(&name))).into_response())
        }
        Err(ServiceError::Invalid(_)) => refused(&state, chrome, &user, &name, handle).await,
        Err(other) => Err(other.into()),
    }
}

async fn refused(
    state: &AppState,
    chrome: Chrome,
    user: &CurrentUser,
    name: &str,
    handle: String,
) -> Result<Response, WebError> {
    let team = moderator_teams::get_team(&state.ctx, Some(user), name).await?;
    let error = chrome.t.arg("team-not-found", "handle", &handle);
    render(StatusCode::UNPROCESSABLE_ENTITY, &page(chrome, team, handle, error))
}

pub async fn dismiss(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path((name, person)): Path<(String, i64)>,
) -> Result<Response, WebError> {
    moderator_teams::dismiss(&state.ctx, &user, &name, ActorId(person)).await?;
    state.wake_delivery.notify_one();
    Ok(Redirect::to(&format!("{}/team", uris::group_path(&name))).into_response())
}

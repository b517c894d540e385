//! `/g/{name}/moving`: a moderator names the group's aliases elsewhere and moves the group to
//! a group on another instance (issue 15, "Moving").

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::federation::group_moves as remote_moves;
use crate::federation::uris;
use crate::service::account_moves::MoveSettings;
use crate::service::{ServiceError, group_moves};
use crate::state::AppState;
use crate::web::error::WebError;
use crate::web::pages::{GroupMovingPage, render};
use crate::web::session::RequireUser;
use crate::web::view::{Chrome, FormState};

#[derive(Deserialize)]
pub struct SavedQuery {
    saved: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Path(name): Path<String>,
    Query(query): Query<SavedQuery>,
) -> Result<Response, WebError> {
    let settings = group_moves::get_move_settings(&state.ctx, &user, &name).await?;
    let aliases = settings.aliases.join("\n");
    let page = page(&state, chrome, &name, FormState::default(), settings, aliases, String::new());
    render(StatusCode::OK, &GroupMovingPage { saved: query.saved, ..page })
}

#[derive(Deserialize)]
pub struct AliasesForm {
    #[serde(default)]
    aliases: String,
}

pub async fn set_aliases(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Path(name): Path<String>,
    Form(form): Form<AliasesForm>,
) -> Result<Response, WebError> {
    // Only a moderator gets as far as looking anything up elsewhere.
    group_moves::movable_group(&state.ctx, &user, &name).await?;
    let saved = match remote_moves::resolve_aliases(&state, &form.aliases).await {
        Ok(aliases) => group_moves::set_aliases(&state.ctx, &user, &name, &aliases).await,
        Err(error) => Err(error),
    };
    match saved {
        Ok(()) => {
            Ok(Redirect::to(&format!("{}/moving?saved=aliases", uris::group_path(&name))).into_response())
        }
        Err(ServiceError::Invalid(errors)) => {
            let settings = group_moves::get_move_settings(&state.ctx, &user, &name).await?;
            let form_state = FormState::new(&errors, &chrome.t);
            let page = page(&state, chrome, &name, form_state, settings, form.aliases, String::new());
            render(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Deserialize)]
pub struct MoveForm {
    #[serde(default)]
    target: String,
}

pub async fn start_move(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Path(name): Path<String>,
    Form(form): Form<MoveForm>,
) -> Result<Response, WebError> {
    match remote_moves::move_to(&state, &user, &name, form.target.trim()).await {
        Ok(()) => {
            Ok(Redirect::to(&format!("{}/moving?saved=moved", uris::group_path(&name))).into_response())
        }
        Err(ServiceError::Invalid(errors)) => {
            let settings = group_moves::get_move_settings(&state.ctx, &user, &name).await?;
            let aliases = settings.aliases.join("\n");
            let form_state = FormState::new(&errors, &chrome.t);
            let page = page(&state, chrome, &name, form_state, settings, aliases, form.target);
            render(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(other) => Err(other.into()),
    }
}

fn page(
    state: &AppState,
    chrome: Chrome,
    name: &str,
    form: FormState,
    settings: MoveSettings,
    aliases: String,
    target: String,
) -> GroupMovingPage {
    GroupMovingPage {
        chrome,
        form,
        saved: None,
        group_name: name.to_owned(),
        group_path: uris::group_path(name),
        group_url: state.uris.group(name),
        aliases,
        target,
        moved_to: settings.moved_to,
    }
}

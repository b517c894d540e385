//! `/settings/moving`: the member names their accounts elsewhere (aliases) and moves this
//! account to one of them.

use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::federation::account_moves as remote_moves;
use crate::service::account_moves::{self, MoveSettings};
use crate::service::{CurrentUser, ServiceError};
use crate::state::AppState;
use crate::web::error::WebError;
use crate::web::pages::{MovingSettingsPage, render};
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
    Query(query): Query<SavedQuery>,
) -> Result<Response, WebError> {
    let settings = account_moves::get_move_settings(&state.ctx, &user).await?;
    let aliases = settings.aliases.join("\n");
    let page = page(&state, chrome, &user, FormState::default(), settings, aliases, String::new());
    render(StatusCode::OK, &MovingSettingsPage { saved: query.saved, ..page })
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
    Form(form): Form<AliasesForm>,
) -> Result<Response, WebError> {
    let saved = match remote_moves::resolve_aliases(&state, &form.aliases).await {
        Ok(aliases) => account_moves::set_aliases(&state.ctx, &user, &aliases).await,
        Err(error) => Err(error),
    };
    match saved {
        Ok(()) => Ok(Redirect::to("/settings/moving?saved=aliases").into_response()),
        Err(ServiceError::Invalid(errors)) => {
            let settings = account_moves::get_move_settings(&state.ctx, &user).await?;
            let form_state = FormState::new(&errors, &chrome.t);
            let page = page(&state, chrome, &user, form_state, settings, form.aliases, String::new());
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
    Form(form): Form<MoveForm>,
) -> Result<Response, WebError> {
    match remote_moves::move_to(&state, &user, form.target.trim()).await {
        Ok(()) => Ok(Redirect::to("/settings/moving?saved=moved").into_response()),
        Err(ServiceError::Invalid(errors)) => {
            let settings = account_moves::get_move_settings(&state.ctx, &user).await?;
            let aliases = settings.aliases.join("\n");
            let form_state = FormState::new(&errors, &chrome.t);
            let page = page(&state, chrome, &user, form_state, settings, aliases, form.target);
            render(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(other) => Err(other.into()),
    }
}

fn page(
    state: &AppState,
    chrome: Chrome,
    user: &CurrentUser,
    form: FormState,
    settings: MoveSettings,
    aliases: String,
    target: String,
) -> MovingSettingsPage {
    MovingSettingsPage {
        chrome,
        form,
        saved: None,
        account_url: state.uris.user(&user.name),
        aliases,
        target,
        moved_to: settings.moved_to,
    }
}

//! Blocking and muting from the web: the Block/Mute buttons of profiles and the settings page
//! `/settings/blocks` (blocked and muted people, blocked domains).

use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::domain::ActorId;
use crate::service::ServiceError;
use crate::service::blocks::{self, MuteOptions};
use crate::state::AppState;
use crate::web::block_views::BlocksSettingsPage;
use crate::web::error::WebError;
use crate::web::pages::render;
use crate::web::session::RequireUser;
use crate::web::view::{Chrome, FormState};

const SETTINGS_PATH: &str = "/settings/blocks";

pub async fn settings(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
) -> Result<Response, WebError> {
    let lists = blocks::get_safety_lists(&state.ctx, &user).await?;
    render(StatusCode::OK, &BlocksSettingsPage::new(chrome, &lists, String::new(), FormState::default()))
}

#[derive(Deserialize)]
pub struct PersonForm {
    account_id: i64,
    #[serde(default)]
    action: String,
    /// The page to return to: a path on this site (the profile or the settings page).
    #[serde(default)]
    back: String,
    /// For `mute`: seconds until it ends (0 or absent: until undone).
    #[serde(default)]
    duration: Option<String>,
    /// For `mute`: the checkbox "hide their notifications too" (absent when unticked).
    #[serde(default)]
    notifications: Option<String>,
}

/// A path on this site to return to, else the settings page (never another site).
fn back_to(back: &str) -> &str {
    let local = back.starts_with('/') && !back.starts_with("//") && !back.contains(['\\', '\r', '\n']);
    if local { back } else { SETTINGS_PATH }
}

/// `POST /settings/blocks/people`: `block`, `unblock`, `mute` (for the chosen time, perhaps
/// with notifications) or `unmute` someone.
pub async fn person(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Form(form): Form<PersonForm>,
) -> Result<Response, WebError> {
    let target = ActorId(form.account_id);
    match form.action.as_str() {
        "block" => blocks::block_actor(&state.ctx, &user, target).await?,
        "unblock" => blocks::unblock_actor(&state.ctx, &user, target).await?,
        "mute" => {
            let options = MuteOptions {
                notifications: form.notifications.is_some(),
                duration_seconds: form.duration.as_deref().and_then(|d| d.trim().parse().ok()),
            };
            blocks::mute_actor(&state.ctx, &user, target, options).await?;
        }
        "unmute" => blocks::unmute_actor(&state.ctx, &user, target).await?,
        _ => return Err(WebError::from(ServiceError::NotFound)),
    }
    state.wake_delivery.notify_one();
    Ok(Redirect::to(back_to(&form.back)).into_response())
}

#[derive(Deserialize)]
pub struct DomainForm {
    #[serde(default)]
    domain: String,
}

/// `POST /settings/blocks/domains`: a refused domain shows the page again with the error.
pub async fn block_domain(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Form(form): Form<DomainForm>,
) -> Result<Response, WebError> {
    match blocks::block_domain(&state.ctx, &user, &form.domain).await {
        Ok(_) => Ok(Redirect::to(SETTINGS_PATH).into_response()),
        Err(ServiceError::Invalid(errors)) => {
            let lists = blocks::get_safety_lists(&state.ctx, &user).await?;
            let errors = FormState::new(&errors, &chrome.t);
            render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &BlocksSettingsPage::new(chrome, &lists, form.domain, errors),
            )
        }
        Err(other) => Err(other.into()),
    }
}

/// `POST /settings/blocks/domains/remove`.
pub async fn unblock_domain(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Form(form): Form<DomainForm>,
) -> Result<Response, WebError> {
    blocks::unblock_domain(&state.ctx, &user, &form.domain).await?;
    Ok(Redirect::to(SETTINGS_PATH).into_response())
}

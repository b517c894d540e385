//! `/settings/security`: change password and email, browser sessions and authorized apps.

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::service::account_security::{self, PasswordChange};
use crate::service::{CurrentUser, ServiceError};
use crate::state::AppState;
use crate::web::error::WebError;
use crate::web::pages::render;
use crate::web::security_views::{Saved, SecuritySettingsPage};
use crate::web::session::{RequireUser, SESSION_COOKIE, cookie_value};
use crate::web::view::{Chrome, FormState};

const PAGE_PATH: &str = "/settings/security";

#[derive(Deserialize)]
pub struct SavedQuery {
    saved: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    headers: HeaderMap,
    Query(query): Query<SavedQuery>,
) -> Result<Response, WebError> {
    let saved = Saved::from_query(query.saved.as_deref());
    page(&state, chrome, &user, &headers, saved, FormState::default(), FormState::default(), StatusCode::OK)
        .await
}

#[allow(clippy::too_many_arguments)]
async fn page(
    state: &AppState,
    chrome: Chrome,
    user: &CurrentUser,
    headers: &HeaderMap,
    saved: Saved,
    password_form: FormState,
    email_form: FormState,
    status: StatusCode,
) -> Result<Response, WebError> {
    let session = cookie_value(headers, SESSION_COOKIE);
    let overview = account_security::sessions_and_apps(&state.ctx, user, session.as_deref()).await?;
    let email = account_security::current_email(&state.ctx, user).await?.unwrap_or_default();
    let mail = crate::service::mail::mail_settings(&state.ctx, user).await?;
    let page = SecuritySettingsPage::new(chrome, saved, &overview, email, password_form, email_form)
        .with_mail(state.ctx.settings.mail_enabled, mail.digest.as_str());
    render(status, &page)
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
    #[serde(default)]
    new_password_confirmation: String,
}

pub async fn change_password(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    headers: HeaderMap,
    Form(form): Form<PasswordForm>,
) -> Result<Response, WebError> {
    let change = PasswordChange {
        current_password: form.current_password,
        new_password: form.new_password,
        new_password_confirmation: form.new_password_confirmation,
    };
    let session = cookie_value(&headers, SESSION_COOKIE);
    match account_security::change_password(&state.ctx, &user, change, session.as_deref()).await {
        Ok(()) => Ok(Redirect::to(&format!("{PAGE_PATH}?saved=password")).into_response()),
        Err(ServiceError::Invalid(errors)) => {
            let form = FormState::new(&errors, &chrome.t);
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            page(&state, chrome, &user, &headers, Saved::Nothing, form, FormState::default(), status).await
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Deserialize)]
pub struct EmailForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    current_password: String,
}

pub async fn change_email(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    headers: HeaderMap,
    Form(form): Form<EmailForm>,
) -> Result<Response, WebError> {
    match account_security::change_email(&state.ctx, &user, &form.current_password, &form.email).await {
        Ok(account_security::EmailChange::Changed) => {
            Ok(Redirect::to(&format!("{PAGE_PATH}?saved=email")).into_response())
        }
        Ok(account_security::EmailChange::ConfirmationSent) => {
            Ok(Redirect::to(&format!("{PAGE_PATH}?saved=email-sent")).into_response())
        }
        Err(ServiceError::Invalid(errors)) => {
            let form = FormState::new(&errors, &chrome.t);
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            page(&state, chrome, &user, &headers, Saved::Nothing, FormState::default(), form, status).await
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn sign_out_everywhere(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let session = cookie_value(&headers, SESSION_COOKIE);
    account_security::sign_out_everywhere(&state.ctx, &user, session.as_deref()).await?;
    Ok(Redirect::to(&format!("{PAGE_PATH}?saved=signed-out")).into_response())
}

pub async fn revoke_app(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id = id.parse::<i64>().map_err(|_| WebError::NotFound)?;
    account_security::revoke_app(&state.ctx, &user, id).await?;
    Ok(Redirect::to(&format!("{PAGE_PATH}?saved=app")).into_response())
}

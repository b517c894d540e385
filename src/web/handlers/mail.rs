//! Mail features on the web: "forgot password" and the reset link, the confirmation link of an
//! address, the unsubscribe link (no sign-in needed), and the digest setting.

use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::service::email_confirmation::{self, Confirmed};
use crate::service::{ServiceError, mail, password_reset};
use crate::state::AppState;
use crate::web::error::WebError;
use crate::web::mail_pages::{ForgotPasswordPage, MailNoticePage, ResetPasswordPage, UnsubscribePage};
use crate::web::pages::render;
use crate::web::session::RequireUser;
use crate::web::view::{Chrome, FormState};

#[derive(Deserialize)]
pub struct TokenQuery {
    #[serde(default)]
    token: String,
}

fn notice(chrome: Chrome, title: &str, text: String, next: Option<(&str, &str)>) -> MailNoticePage {
    let (next_path, next_label) = match next {
        Some((path, label)) => (path.to_owned(), chrome.t.get(label)),
        None => (String::new(), String::new()),
    };
    MailNoticePage { title: chrome.t.get(title), text, next_path, next_label, chrome }
}

pub async fn forgot_form(State(state): State<AppState>, chrome: Chrome) -> Result<Response, WebError> {
    let page = ForgotPasswordPage {
        chrome,
        mail_enabled: state.ctx.settings.mail_enabled,
        sent: false,
        hours: password_reset::RESET_LINK_HOURS,
    };
    render(StatusCode::OK, &page)
}

#[derive(Deserialize)]
pub struct ForgotForm {
    #[serde(default)]
    email: String,
}

/// Always the same answer, whether or not an account has the address.
pub async fn forgot_submit(
    State(state): State<AppState>,
    chrome: Chrome,
    Form(form): Form<ForgotForm>,
) -> Result<Response, WebError> {
    password_reset::request_reset(&state.ctx, &form.email).await?;
    let page = ForgotPasswordPage {
        chrome,
        mail_enabled: state.ctx.settings.mail_enabled,
        sent: true,
        hours: password_reset::RESET_LINK_HOURS,
    };
    render(StatusCode::OK, &page)
}

pub async fn reset_form(
    State(state): State<AppState>,
    chrome: Chrome,
    Query(query): Query<TokenQuery>,
) -> Result<Response, WebError> {
    let live = password_reset::reset_link_is_live(&state.ctx, &query.token).await?;
    let status = if live { StatusCode::OK } else { StatusCode::NOT_FOUND };
    render(status, &ResetPasswordPage { chrome, form: FormState::default(), token: query.token, live })
}

#[derive(Deserialize)]
pub struct ResetForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    new_password: String,
    #[serde(default)]
    new_password_confirmation: String,
}

pub async fn reset_submit(
    State(state): State<AppState>,
    chrome: Chrome,
    Form(form): Form<ResetForm>,
) -> Result<Response, WebError> {
    match password_reset::reset_with_token(
        &state.ctx,
        &form.token,
        &form.new_password,
        &form.new_password_confirmation,
    )
    .await
    {
        Ok(()) => {
            let text = chrome.t.get("reset-done");
            render(
                StatusCode::OK,
                &notice(chrome, "reset-done-title", text, Some(("/login", "reset-sign-in"))),
            )
        }
        Err(ServiceError::Invalid(errors)) => {
            let form_state = FormState::new(&errors, &chrome.t);
            let page = ResetPasswordPage { chrome, form: form_state, token: form.token, live: true };
            render(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(ServiceError::NotFound) => render(
            StatusCode::NOT_FOUND,
            &ResetPasswordPage { chrome, form: FormState::default(), token: String::new(), live: false },
        ),
        Err(other) => Err(other.into()),
    }
}

pub async fn confirm(
    State(state): State<AppState>,
    chrome: Chrome,
    Query(query): Query<TokenQuery>,
) -> Result<Response, WebError> {
    match email_confirmation::confirm(&state.ctx, &query.token).await {
        Ok(Confirmed::Account { .. }) => {
            let text = chrome.t.get("confirm-done-text");
            render(
                StatusCode::OK,
                &notice(chrome, "confirm-done-title", text, Some(("/login", "reset-sign-in"))),
            )
        }
        Ok(Confirmed::NewAddress { email, .. }) => {
            let text = chrome.t.arg("confirm-changed-text", "email", email);
            render(
                StatusCode::OK,
                &notice(
                    chrome,
                    "confirm-done-title",
                    text,
                    Some(("/settings/security", "confirm-to-settings")),
                ),
            )
        }
        Err(ServiceError::NotFound | ServiceError::Invalid(_)) => {
            let text = chrome.t.get("confirm-invalid-text");
            render(StatusCode::NOT_FOUND, &notice(chrome, "confirm-invalid-title", text, None))
        }
        Err(other) => Err(other.into()),
    }
}

/// The unsubscribe link shows a button: mail scanners that open links change nothing.
pub async fn unsubscribe_form(
    State(state): State<AppState>,
    chrome: Chrome,
    Query(query): Query<TokenQuery>,
) -> Result<Response, WebError> {
    if !mail::unsubscribe_link_is_valid(&state.ctx, &query.token).await? {
        let text = chrome.t.get("unsubscribe-invalid");
        return render(StatusCode::NOT_FOUND, &notice(chrome, "unsubscribe-title", text, None));
    }
    render(StatusCode::OK, &UnsubscribePage { chrome, token: query.token })
}

#[derive(Deserialize)]
pub struct UnsubscribeForm {
    #[serde(default)]
    token: String,
}

pub async fn unsubscribe_submit(
    State(state): State<AppState>,
    chrome: Chrome,
    Form(form): Form<UnsubscribeForm>,
) -> Result<Response, WebError> {
    match mail::unsubscribe(&state.ctx, &form.token).await {
        Ok(()) => {
            let text = chrome.t.get("unsubscribe-done");
            render(StatusCode::OK, &notice(chrome, "unsubscribe-title", text, None))
        }
        Err(ServiceError::NotFound) => {
            let text = chrome.t.get("unsubscribe-invalid");
            render(StatusCode::NOT_FOUND, &notice(chrome, "unsubscribe-title", text, None))
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Deserialize)]
pub struct DigestForm {
    #[serde(default)]
    digest: String,
}

pub async fn set_digest(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Form(form): Form<DigestForm>,
) -> Result<Response, WebError> {
    mail::set_digest(&state.ctx, &user, &form.digest).await?;
    Ok(Redirect::to("/settings/security?saved=mail#mail").into_response())
}

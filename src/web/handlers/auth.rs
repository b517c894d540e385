//! Registration, sign-in and sign-out.

use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::client_address::ClientAddress;
use crate::domain::registration::RegistrationMode;
use crate::domain::{FieldError, FieldErrors};
use crate::service::accounts::{self, NewAccount, NewSession, Profile};
use crate::service::registrations::{self, Application, Registered};
use crate::service::{CurrentUser, ServiceError};
use crate::state::AppState;
use crate::web::error::WebError;
use crate::web::mail_pages::MailNoticePage;
use crate::web::pages::{ApplicationReceivedPage, LoginPage, RegisterMode, RegisterPage, render};
use crate::web::session::{SESSION_COOKIE, cookie_header, cookie_value};
use crate::web::spam_guard;
use crate::web::view::{Chrome, FormState};

pub async fn login_form(State(state): State<AppState>, chrome: Chrome) -> Result<Response, WebError> {
    let page = LoginPage {
        chrome,
        form: FormState::default(),
        username: String::new(),
        registrations_open: state.ctx.settings.registration_mode != RegistrationMode::Closed,
    };
    render(StatusCode::OK, &page)
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
}

pub async fn login_submit(
    State(state): State<AppState>,
    ClientAddress(client): ClientAddress,
    chrome: Chrome,
    headers: HeaderMap,
    Form(form): Form<LoginForm>,
) -> Result<Response, WebError> {
    let browser = browser_name(&headers);
    let (status, message) =
        match accounts::login_from(&state.ctx, client, &form.username, &form.password, browser).await {
            Ok(session) => return Ok(signed_in(&state, session)),
            Err(ServiceError::BadCredentials) => (StatusCode::UNAUTHORIZED, chrome.t.get("login-wrong")),
            Err(ServiceError::LockedOut) => (StatusCode::UNAUTHORIZED, chrome.t.get("login-locked")),
            Err(ServiceError::AccountPending) => (StatusCode::FORBIDDEN, chrome.t.get("login-pending")),
            Err(ServiceError::EmailUnconfirmed) => (StatusCode::FORBIDDEN, chrome.t.get("login-unconfirmed")),
            Err(ServiceError::AccountRejected(message)) if message.is_empty() => {
                (StatusCode::FORBIDDEN, chrome.t.get("login-rejected"))
            }
            Err(ServiceError::AccountRejected(message)) => {
                (StatusCode::FORBIDDEN, chrome.t.arg("login-rejected-with-message", "message", message))
            }
            Err(ServiceError::AccountSuspended(reason)) => {
                (StatusCode::FORBIDDEN, chrome.t.arg("login-suspended", "reason", reason))
            }
            Err(other) => return Err(other.into()),
        };
    let page = LoginPage {
        form: FormState::general_message(message),
        chrome,
        username: form.username,
        registrations_open: state.ctx.settings.registration_mode != RegistrationMode::Closed,
    };
    render(status, &page)
}

#[derive(Deserialize)]
pub struct InviteQuery {
    #[serde(default)]
    invite: String,
}

pub async fn register_form(
    State(state): State<AppState>,
    chrome: Chrome,
    Query(query): Query<InviteQuery>,
) -> Result<Response, WebError> {
    let mode = state.ctx.settings.registration_mode;
    if mode == RegistrationMode::Closed {
        return Err(ServiceError::RegistrationClosed.into());
    }
    let invite_live = registrations::invite_is_live(&state.ctx, &query.invite).await?;
    let mode = RegisterMode::new(&state, invite_live, &chrome.csrf_token);
    let page = RegisterPage {
        chrome,
        form: FormState::default(),
        username: String::new(),
        email: String::new(),
        mode,
        reason: String::new(),
        invite: query.invite,
    };
    render(StatusCode::OK, &page)
}

#[derive(Deserialize)]
pub struct RegisterForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirmation: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    invite: String,
    /// The honeypot (`spam_guard::HONEYPOT_FIELD`): people leave it empty.
    #[serde(default)]
    website: String,
    #[serde(default)]
    challenge_token: String,
    #[serde(default)]
    challenge_answer: String,
    #[serde(default)]
    csrf_token: String,
}

/// The register form's spam checks: the honeypot, and the sum when `registration.challenge`
/// is on. Refused forms store nothing.
fn spam_check(state: &AppState, form: &RegisterForm) -> Result<(), ServiceError> {
    if spam_guard::honeypot_filled(&form.website) {
        tracing::info!("registration refused: the honeypot was filled in");
        return Err(FieldError::new("challenge", "could not be checked; please try again").into());
    }
    if state.config.registration.challenge
        && !spam_guard::Challenge::answered(&form.csrf_token, &form.challenge_token, &form.challenge_answer)
    {
        return Err(FieldError::new("challenge", "is not the right answer").into());
    }
    Ok(())
}

pub async fn register_submit(
    State(state): State<AppState>,
    chrome: Chrome,
    headers: HeaderMap,
    Form(form): Form<RegisterForm>,
) -> Result<Response, WebError> {
    let input = Application {
        account: NewAccount {
            username: form.username.clone(),
            email: Some(form.email.clone()),
            password: form.password.clone(),
            admin: false,
        },
        reason: form.reason.clone(),
        invite: form.invite.clone(),
    };
    let result = if let Err(refused) = spam_check(&state, &form) {
        Err(refused)
    } else if form.password != form.password_confirmation {
        Err(ServiceError::Invalid(FieldErrors::from(FieldError::new(
            "password_confirmation",
            "does not match the password",
        ))))
    } else {
        registrations::register(&state.ctx, input).await
    };
    match result {
        Ok(Registered::Active(user)) => {
            keep_page_language(&state, &user, chrome.t.code()).await;
            Ok(signed_in(
                &state,
                accounts::start_session_from(&state.ctx, user, browser_name(&headers)).await?,
            ))
        }
        Ok(Registered::Pending(user)) => {
            keep_page_language(&state, &user, chrome.t.code()).await;
            render(StatusCode::OK, &ApplicationReceivedPage { chrome })
        }
        Ok(Registered::Unconfirmed(user)) => {
            keep_page_language(&state, &user, chrome.t.code()).await;
            let page = MailNoticePage {
                title: chrome.t.get("register-confirm-title"),
                text: chrome.t.arg("register-confirm-text", "email", form.email.trim()),
                next_path: String::new(),
                next_label: String::new(),
                chrome,
            };
            render(StatusCode::OK, &page)
        }
        Err(ServiceError::Invalid(errors)) => {
            let errors = FormState::new(&errors, &chrome.t);
            let mode = RegisterMode::new(&state, true, &chrome.csrf_token);
            let page = RegisterPage {
                chrome,
                form: errors,
                username: form.username,
                email: form.email,
                mode,
                reason: form.reason,
                invite: form.invite,
            };
            render(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(other) => Err(other.into()),
    }
}

/// A new account starts with the instance's default language; someone who registered while
/// the site spoke another (their browser's, or the one picked in the language menu) keeps it.
/// Best effort: the account exists either way, and the language can be changed in settings.
async fn keep_page_language(state: &AppState, user: &CurrentUser, page_language: &str) {
    if user.language == page_language {
        return;
    }
    let profile =
        Profile { display_name: String::new(), bio: String::new(), language: page_language.to_owned() };
    if let Err(error) = accounts::update_profile(&state.ctx, user, profile).await {
        tracing::info!(%error, user = %user.name, "the new account keeps the default language");
    }
}

pub async fn logout(
    State(state): State<AppState>,
    headers: axum::http::HeaderMap,
) -> Result<Response, WebError> {
    if let Some(token) = cookie_value(&headers, SESSION_COOKIE) {
        accounts::logout(&state.ctx, &token).await?;
    }
    let expired = cookie_header(SESSION_COOKIE, "", Some(0), !state.config.insecure_http);
    Ok(([(header::SET_COOKIE, expired)], Redirect::to("/")).into_response())
}

fn signed_in(state: &AppState, session: NewSession) -> Response {
    let cookie = cookie_header(
        SESSION_COOKIE,
        &session.token,
        Some(session.max_age_seconds),
        !state.config.insecure_http,
    );
    ([(header::SET_COOKIE, cookie)], Redirect::to("/")).into_response()
}

/// The browser's own name (`User-Agent`), kept with its session for the sessions page.
fn browser_name(headers: &HeaderMap) -> Option<&str> {
    headers.get(header::USER_AGENT).and_then(|value| value.to_str().ok())
}

//! Who is asking: the session cookie, resolved to a [`CurrentUser`] once per request, and the
//! page chrome every template needs (including the language it is shown in).

use axum::extract::{FromRef, FromRequestParts};
use axum::http::HeaderMap;
use axum::http::request::Parts;

use super::csrf::CsrfToken;
use super::error::WebError;
use super::i18n::negotiate;
use super::view::Chrome;
use crate::service::{CurrentUser, accounts, notification_page};
use crate::state::AppState;

pub const SESSION_COOKIE: &str = "allmende_session";

/// Reads one cookie's value from the request headers.
pub fn cookie_value(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_owned())
}

/// A `Set-Cookie` value with the attributes every cookie of ours has.
pub fn cookie_header(name: &str, value: &str, max_age_seconds: Option<i64>, secure: bool) -> String {
    let mut cookie = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax");
    if let Some(max_age) = max_age_seconds {
        cookie.push_str(&format!("; Max-Age={max_age}"));
    }
    if secure {
        cookie.push_str("; Secure");
    }
    cookie
}

/// The signed-in person, if any.
pub struct MaybeUser(pub Option<CurrentUser>);

impl<S> FromRequestParts<S> for MaybeUser
where
    AppState: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        if let Some(user) = parts.extensions.get::<CurrentUser>() {
            return Ok(MaybeUser(Some(user.clone())));
        }
        let Some(token) = cookie_value(&parts.headers, SESSION_COOKIE) else {
            return Ok(MaybeUser(None));
        };
        let state = AppState::from_ref(state);
        let user = accounts::user_for_session(&state.ctx, &token).await?;
        if let Some(user) = &user {
            parts.extensions.insert(user.clone());
        }
        Ok(MaybeUser(user))
    }
}

/// A page that needs a signed-in person: anyone else is sent to the sign-in page.
pub struct RequireUser(pub CurrentUser);

impl<S> FromRequestParts<S> for RequireUser
where
    AppState: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match MaybeUser::from_request_parts(parts, state).await?.0 {
            Some(user) => Ok(RequireUser(user)),
            None => Err(WebError::SignInRequired),
        }
    }
}

impl<S> FromRequestParts<S> for Chrome
where
    AppState: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let user = MaybeUser::from_request_parts(parts, state).await?.0;
        let csrf_token = parts.extensions.get::<CsrfToken>().map(|t| t.0.clone()).unwrap_or_default();
        let state = AppState::from_ref(state);
        let t = negotiate::choose(
            user.as_ref().map(|u| u.language.as_str()),
            &parts.headers,
            &state.config.instance.default_language,
        );
        let path = parts.uri.path_and_query().map(|p| p.as_str().to_owned()).unwrap_or_else(|| "/".into());
        let unread = match &user {
            Some(user) => notification_page::unread_count(&state.ctx, user).await?,
            None => 0,
        };
        Ok(Chrome::new(&state.config.instance.name, user.as_ref(), csrf_token, t, path)
            .with_unread_notifications(unread))
    }
}

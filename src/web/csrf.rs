//! CSRF protection for every HTML form: a random token in an HttpOnly, SameSite cookie that each
//! state-changing request must repeat in its `csrf_token` field (double submit). Enforced here
//! for the whole page router, so no form can forget it.

use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;

use super::error::WebError;
use super::session::{cookie_header, cookie_value};
use crate::state::AppState;

pub const CSRF_COOKIE: &str = "allmende_csrf";
pub const CSRF_FIELD: &str = "csrf_token";

/// The token of this request, for templates to put into forms.
#[derive(Debug, Clone)]
pub struct CsrfToken(pub String);

pub async fn protect_forms(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let existing = visitor_token(request.headers());
    let token = existing.clone().unwrap_or_else(new_token);
    let (parts, body) = request.into_parts();
    let mut request = if is_state_changing(&parts.method) {
        let Ok(bytes) = to_bytes(body, state.config.limits.body_bytes).await else {
            return axum::http::StatusCode::PAYLOAD_TOO_LARGE.into_response();
        };
        let submitted = form_urlencoded::parse(&bytes)
            .find(|(key, _)| key == CSRF_FIELD)
            .map(|(_, value)| value.into_owned());
        let valid = match (&existing, &submitted) {
            (Some(expected), Some(submitted)) => constant_time_eq(expected.as_bytes(), submitted.as_bytes()),
            _ => false,
        };
        if !valid {
            tracing::info!(path = %parts.uri.path(), "form refused: CSRF token missing or wrong");
            return WebError::Csrf.into_response();
        }
        Request::from_parts(parts, Body::from(bytes))
    } else {
        Request::from_parts(parts, body)
    };
    request.extensions_mut().insert(CsrfToken(token.clone()));
    let mut response = next.run(request).await;
    if existing.is_none() {
        give_token(&state, &mut response, &token);
    }
    response
}

/// For the upload routes (see `upload_form`): hands the token to the page like
/// [`protect_forms`], but leaves the body to the handler's `UploadForm`, which checks the token
/// as it reads the form. Requests other than GET must be such forms.
pub async fn provide_token(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let existing = visitor_token(request.headers());
    let token = existing.clone().unwrap_or_else(new_token);
    let mut request = request;
    request.extensions_mut().insert(CsrfToken(token.clone()));
    let mut response = next.run(request).await;
    if existing.is_none() {
        give_token(&state, &mut response, &token);
    }
    response
}

/// The well-formed token the visitor's cookie holds, if any.
pub fn visitor_token(headers: &axum::http::HeaderMap) -> Option<String> {
    cookie_value(headers, CSRF_COOKIE).filter(|t| is_well_formed(t))
}

/// Sets the cookie of a new visitor's token on a response.
pub fn give_token(state: &AppState, response: &mut Response, token: &str) {
    if let Ok(value) = cookie_header(CSRF_COOKIE, token, None, !state.config.insecure_http).parse() {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
}

fn is_state_changing(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

pub fn new_token() -> String {
    let bytes: [u8; 32] = rand::random();
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

fn is_well_formed(token: &str) -> bool {
    token.len() == 43 && token.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

pub(crate) fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

//! The one error response of the web surface: an HTML page with the right status, in the
//! language of the request. Internal causes are logged here once and never shown.

use askama::Template;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};

use super::i18n::negotiate::{self, PageLanguage};
use super::i18n::{Translator, field_errors};
use crate::domain::FieldErrors;
use crate::service::ServiceError;
use crate::state::AppState;

#[derive(Debug)]
pub enum WebError {
    Service(ServiceError),
    NotFound,
    /// The form's CSRF token is missing or stale.
    Csrf,
    TooManyRequests,
    /// A page that needs a signed-in person; answered with a redirect to the sign-in page.
    SignInRequired,
    Render(askama::Error),
}

impl From<ServiceError> for WebError {
    fn from(error: ServiceError) -> Self {
        match error {
            ServiceError::Unauthenticated => WebError::SignInRequired,
            other => WebError::Service(other),
        }
    }
}

impl From<askama::Error> for WebError {
    fn from(error: askama::Error) -> Self {
        WebError::Render(error)
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    lang: &'a str,
    title: &'a str,
    message: &'a str,
    back: &'a str,
}

/// What an error page says, as message ids; kept on the response so that
/// [`localize_error_pages`] can say it in the request's language.
#[derive(Debug, Clone)]
pub struct ErrorContent {
    status: StatusCode,
    title: &'static str,
    message: ErrorMessage,
}

#[derive(Debug, Clone)]
enum ErrorMessage {
    Text(&'static str),
    Fields(FieldErrors),
}

impl WebError {
    fn content(&self) -> ErrorContent {
        let (status, title, message) = match self {
            WebError::NotFound | WebError::Service(ServiceError::NotFound) => {
                (StatusCode::NOT_FOUND, "error-not-found-title", ErrorMessage::Text("error-not-found-text"))
            }
            WebError::Service(ServiceError::Forbidden) => {
                (StatusCode::FORBIDDEN, "error-forbidden-title", ErrorMessage::Text("error-forbidden-text"))
            }
            WebError::Csrf => {
                (StatusCode::FORBIDDEN, "error-csrf-title", ErrorMessage::Text("error-csrf-text"))
            }
            WebError::TooManyRequests | WebError::Service(ServiceError::RateLimited) => (
                StatusCode::TOO_MANY_REQUESTS,
                "error-too-many-title",
                ErrorMessage::Text("error-too-many-text"),
            ),
            WebError::Service(ServiceError::RegistrationClosed) => (
                StatusCode::FORBIDDEN,
                "error-registration-closed-title",
                ErrorMessage::Text("error-registration-closed-text"),
            ),
            WebError::Service(ServiceError::EmailUnconfirmed) => {
                (StatusCode::FORBIDDEN, "error-forbidden-title", ErrorMessage::Text("login-unconfirmed"))
            }
            WebError::Service(ServiceError::AccountPending) => {
                (StatusCode::FORBIDDEN, "error-forbidden-title", ErrorMessage::Text("login-pending"))
            }
            WebError::Service(ServiceError::AccountRejected(_)) => {
                (StatusCode::FORBIDDEN, "error-forbidden-title", ErrorMessage::Text("login-rejected"))
            }
            WebError::Service(ServiceError::AccountSuspended(_)) => {
                (StatusCode::FORBIDDEN, "error-forbidden-title", ErrorMessage::Text("login-suspended-short"))
            }
            WebError::Service(ServiceError::Invalid(errors)) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "error-invalid-title",
                ErrorMessage::Fields(errors.clone()),
            ),
            WebError::Service(ServiceError::BadCredentials | ServiceError::LockedOut) => {
                (StatusCode::UNAUTHORIZED, "error-sign-in-failed-title", ErrorMessage::Text("login-wrong"))
            }
            WebError::SignInRequired | WebError::Service(ServiceError::Unauthenticated) => {
                (StatusCode::UNAUTHORIZED, "error-sign-in-title", ErrorMessage::Text("error-sign-in-text"))
            }
            WebError::Service(busy) if busy.is_transient() => (
                StatusCode::SERVICE_UNAVAILABLE,
                "error-internal-title",
                ErrorMessage::Text("error-internal-text"),
            ),
            WebError::Service(ServiceError::Db(_) | ServiceError::Internal(_)) | WebError::Render(_) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "error-internal-title",
                ErrorMessage::Text("error-internal-text"),
            ),
        };
        ErrorContent { status, title, message }
    }
}

impl ErrorContent {
    fn render(&self, t: &Translator) -> String {
        let message = match &self.message {
            ErrorMessage::Text(id) => t.get(id),
            ErrorMessage::Fields(errors) => {
                errors.iter().map(|e| field_errors::translate(e, t)).collect::<Vec<_>>().join(" ")
            }
        };
        let title = t.get(self.title);
        let back = t.get("error-back-home");
        let page = ErrorPage { lang: t.code(), title: &title, message: &message, back: &back };
        page.render().unwrap_or(message)
    }

    fn into_response(self, t: &Translator) -> Response {
        let mut response = (self.status, Html(self.render(t))).into_response();
        if self.status == StatusCode::TOO_MANY_REQUESTS {
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("60"));
        }
        if self.status == StatusCode::SERVICE_UNAVAILABLE {
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
        }
        response.extensions_mut().insert(self);
        response
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        if matches!(self, WebError::SignInRequired | WebError::Service(ServiceError::Unauthenticated)) {
            return Redirect::to("/login").into_response();
        }
        let content = self.content();
        if content.status.is_server_error() {
            tracing::error!(error = ?self, "request failed");
        }
        content.into_response(&Translator::default())
    }
}

/// Says error pages in the request's language (the error itself knows no request), and marks
/// every page as depending on the headers that choose the language.
pub async fn localize_error_pages(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let mut language_headers = HeaderMap::new();
    for name in [header::COOKIE, header::ACCEPT_LANGUAGE] {
        for value in request.headers().get_all(&name) {
            language_headers.append(name.clone(), value.clone());
        }
    }
    let mut response = next.run(request).await;
    if let Some(content) = response.extensions().get::<ErrorContent>().cloned() {
        let t = negotiate::for_request(&state, &language_headers).await;
        let (mut parts, _) = response.into_parts();
        parts.headers.remove(header::CONTENT_LENGTH);
        response = Response::from_parts(parts, Body::from(content.render(&t)));
    }
    response.headers_mut().append(header::VARY, HeaderValue::from_static("Accept-Language, Cookie"));
    response
}

/// The fallback for unknown paths.
pub async fn not_found(PageLanguage(t): PageLanguage) -> Response {
    let mut response = WebError::NotFound.content().into_response(&t);
    response.headers_mut().append(header::VARY, HeaderValue::from_static("Accept-Language, Cookie"));
    response
}

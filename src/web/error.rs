//! The one error response of the web surface: an HTML page with the right status. Internal
//! causes are logged here once and never shown.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};

use crate::service::ServiceError;

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
    title: &'a str,
    message: &'a str,
}

impl WebError {
    fn status_and_message(&self) -> (StatusCode, &'static str, String) {
        match self {
            WebError::NotFound | WebError::Service(ServiceError::NotFound) => {
                (StatusCode::NOT_FOUND, "Not found", "There is nothing at this address.".into())
            }
            WebError::Service(ServiceError::Forbidden) => {
                (StatusCode::FORBIDDEN, "Not allowed", "You may not do this.".into())
            }
            WebError::Csrf => (
                StatusCode::FORBIDDEN,
                "Form expired",
                "This form was too old or came from another site. Go back, reload the page and try again."
                    .into(),
            ),
            WebError::TooManyRequests => (
                StatusCode::TOO_MANY_REQUESTS,
                "Too many attempts",
                "Please wait a minute before trying again.".into(),
            ),
            WebError::Service(ServiceError::RegistrationClosed) => (
                StatusCode::FORBIDDEN,
                "Registration closed",
                "This instance does not accept new registrations. Ask an admin for an account.".into(),
            ),
            WebError::Service(error @ ServiceError::Invalid(_)) => {
                (StatusCode::UNPROCESSABLE_ENTITY, "Invalid input", error.to_string())
            }
            WebError::Service(ServiceError::BadCredentials | ServiceError::LockedOut) => {
                (StatusCode::UNAUTHORIZED, "Sign-in failed", "Wrong username or password.".into())
            }
            WebError::SignInRequired | WebError::Service(ServiceError::Unauthenticated) => {
                (StatusCode::UNAUTHORIZED, "Sign in", "Please sign in first.".into())
            }
            WebError::Service(ServiceError::Db(_) | ServiceError::Internal(_)) | WebError::Render(_) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "Something went wrong",
                "The server could not answer this request. It has been logged; please try again later."
                    .into(),
            ),
        }
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        if matches!(self, WebError::SignInRequired | WebError::Service(ServiceError::Unauthenticated)) {
            return Redirect::to("/login").into_response();
        }
        let (status, title, message) = self.status_and_message();
        if status.is_server_error() {
            tracing::error!(error = ?self, "request failed");
        }
        let page = ErrorPage { title, message: &message };
        let mut response = match page.render() {
            Ok(html) => (status, Html(html)).into_response(),
            Err(_) => (status, message).into_response(),
        };
        if status == StatusCode::TOO_MANY_REQUESTS {
            response
                .headers_mut()
                .insert(axum::http::header::RETRY_AFTER, axum::http::HeaderValue::from_static("60"));
        }
        response
    }
}

/// The fallback for unknown paths.
pub async fn not_found() -> WebError {
    WebError::NotFound
}

//! The one error response of the client API: `{"error": "...", "error_description": "..."}`
//! with the status Mastodon uses. Internal causes are logged here once and never shown.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::service::ServiceError;
use crate::service::oauth::OAuthError;

#[derive(Debug)]
pub enum ApiError {
    /// No token, or one that is unknown or revoked.
    Unauthorized,
    /// The token lacks the scope (or is an app token where a person is needed).
    MissingScope(&'static str),
    NotFound,
    /// Bad parameters: 422 like Mastodon's validation errors, with the fields at fault.
    Invalid(String, Vec<(String, String)>),
    /// A request that cannot be parsed at all.
    BadRequest(String),
    TooManyRequests,
    /// A body over the size limit (an upload too large).
    PayloadTooLarge,
    OAuth(OAuthError),
    Service(ServiceError),
}

impl From<ServiceError> for ApiError {
    fn from(error: ServiceError) -> Self {
        match error {
            ServiceError::NotFound => ApiError::NotFound,
            ServiceError::RateLimited => ApiError::TooManyRequests,
            ServiceError::Invalid(errors) => ApiError::Invalid(
                errors.iter().map(|e| format!("{} {}", e.field, e.message)).collect::<Vec<_>>().join(", "),
                errors.iter().map(|e| (e.field.to_owned(), e.message.clone())).collect(),
            ),
            other => ApiError::Service(other),
        }
    }
}

impl From<OAuthError> for ApiError {
    fn from(error: OAuthError) -> Self {
        match error {
            OAuthError::Service(inner) => inner.into(),
            other => ApiError::OAuth(other),
        }
    }
}

impl ApiError {
    /// A refusal of bad input that names no single field.
    pub fn invalid(message: impl Into<String>) -> Self {
        ApiError::Invalid(message.into(), Vec::new())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let ApiError::Invalid(message, fields) = self {
            let mut details = serde_json::Map::new();
            for (field, description) in fields {
                let entry = details.entry(field).or_insert_with(|| json!([]));
                if let Some(list) = entry.as_array_mut() {
                    list.push(json!({ "error": "ERR_INVALID", "description": description }));
                }
            }
            let body = json!({ "error": format!("Validation failed: {message}"), "details": details });
            return (StatusCode::UNPROCESSABLE_ENTITY, Json(body)).into_response();
        }
        let (status, error, description) = match self {
            ApiError::Unauthorized => {
                (StatusCode::UNAUTHORIZED, "The access token is invalid".to_owned(), None)
            }
            ApiError::MissingScope(scope) => (
                StatusCode::FORBIDDEN,
                "This action is outside the authorized scopes".to_owned(),
                Some(format!("the token needs the {scope} scope")),
            ),
            ApiError::NotFound => (StatusCode::NOT_FOUND, "Record not found".to_owned(), None),
            ApiError::Invalid(message, _) => (StatusCode::UNPROCESSABLE_ENTITY, message, None),
            ApiError::BadRequest(message) => (StatusCode::BAD_REQUEST, message, None),
            ApiError::PayloadTooLarge => {
                (StatusCode::PAYLOAD_TOO_LARGE, "File is too large".to_owned(), None)
            }
            ApiError::TooManyRequests => {
                (StatusCode::TOO_MANY_REQUESTS, "Too many requests".to_owned(), None)
            }
            ApiError::OAuth(error) => {
                let status = match error {
                    OAuthError::InvalidClient => StatusCode::UNAUTHORIZED,
                    _ => StatusCode::BAD_REQUEST,
                };
                (status, error.code().to_owned(), Some(error.to_string()))
            }
            ApiError::Service(ServiceError::Forbidden) => {
                (StatusCode::FORBIDDEN, "This action is not allowed".to_owned(), None)
            }
            ApiError::Service(ServiceError::Unauthenticated) => {
                (StatusCode::UNAUTHORIZED, "The access token is invalid".to_owned(), None)
            }
            ApiError::Service(ServiceError::RegistrationClosed) => {
                (StatusCode::FORBIDDEN, "Registrations are closed".to_owned(), None)
            }
            ApiError::Service(ServiceError::AccountPending | ServiceError::AccountRejected(_)) => {
                (StatusCode::FORBIDDEN, "Your login is not approved".to_owned(), None)
            }
            ApiError::Service(ServiceError::EmailUnconfirmed) => {
                (StatusCode::FORBIDDEN, "Your email address is not confirmed yet".to_owned(), None)
            }
            ApiError::Service(ServiceError::AccountSuspended(_)) => {
                (StatusCode::FORBIDDEN, "Your login is currently disabled".to_owned(), None)
            }
            ApiError::Service(busy) if busy.is_transient() => {
                tracing::warn!(error = %busy, "client API request met a busy database");
                let body = json!({ "error": "The server is busy; try again shortly" });
                let mut response = (StatusCode::SERVICE_UNAVAILABLE, Json(body)).into_response();
                response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
                return response;
            }
            ApiError::Service(other) => {
                tracing::error!(error = %other, "client API request failed");
                (StatusCode::INTERNAL_SERVER_ERROR, "Something went wrong on our side".to_owned(), None)
            }
        };
        let body = match description {
            Some(description) => json!({ "error": error, "error_description": description }),
            None => json!({ "error": error }),
        };
        (status, Json(body)).into_response()
    }
}

/// Any unknown `/api/...` path.
pub async fn not_found() -> ApiError {
    ApiError::NotFound
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::DbError;

    #[test]
    fn a_busy_database_is_a_503_never_invalid_grant() {
        for busy in [sqlx::Error::PoolTimedOut, sqlx::Error::PoolClosed] {
            let error: ApiError = OAuthError::Service(ServiceError::Db(DbError::Sqlx(busy))).into();
            let response = error.into_response();
            assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
            assert!(response.headers().contains_key(header::RETRY_AFTER));
        }
        let other: ApiError = OAuthError::Service(ServiceError::Internal("x".into())).into();
        assert_eq!(other.into_response().status(), StatusCode::INTERNAL_SERVER_ERROR);
    }
}

//! The federation surface answers errors with a bare status: remote servers read codes, not
//! pages. Internal causes are logged once here.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::service::ServiceError;

#[derive(Debug)]
pub enum FederationError {
    BadRequest(&'static str),
    NotFound,
    Service(ServiceError),
}

impl From<ServiceError> for FederationError {
    fn from(error: ServiceError) -> Self {
        match error {
            ServiceError::NotFound => FederationError::NotFound,
            other => FederationError::Service(other),
        }
    }
}

impl IntoResponse for FederationError {
    fn into_response(self) -> Response {
        match self {
            FederationError::BadRequest(reason) => (StatusCode::BAD_REQUEST, reason).into_response(),
            FederationError::NotFound => StatusCode::NOT_FOUND.into_response(),
            FederationError::Service(ServiceError::Invalid(errors)) => {
                (StatusCode::BAD_REQUEST, errors.to_string()).into_response()
            }
            FederationError::Service(ServiceError::Forbidden) => StatusCode::FORBIDDEN.into_response(),
            FederationError::Service(error) => {
                tracing::error!(?error, "federation request failed");
                StatusCode::INTERNAL_SERVER_ERROR.into_response()
            }
        }
    }
}

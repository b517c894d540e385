use crate::db::DbError;
use crate::domain::{FieldError, FieldErrors};

/// Why a use case refused or failed. Front doors map each to their own response.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error("invalid input: {0}")]
    Invalid(FieldErrors),
    #[error("not found")]
    NotFound,
    #[error("not allowed")]
    Forbidden,
    #[error("sign-in required")]
    Unauthenticated,
    #[error("wrong username or password")]
    BadCredentials,
    #[error("too many failed sign-ins; try again later")]
    LockedOut,
    #[error("registration is closed on this instance")]
    RegistrationClosed,
    #[error("too many requests; try again later")]
    RateLimited,
    /// The account applied to join and waits for a coordinator.
    #[error("the application to join waits for a coordinator")]
    AccountPending,
    /// The account's email address waits for confirmation by mail.
    #[error("the email address is not confirmed yet")]
    EmailUnconfirmed,
    /// A coordinator rejected the application, with this message (may be empty).
    #[error("the application to join was rejected")]
    AccountRejected(String),
    /// An admin suspended the account, with this reason (may be empty).
    #[error("the account is suspended")]
    AccountSuspended(String),
    #[error(transparent)]
    Db(DbError),
    #[error("internal error: {0}")]
    Internal(String),
}

impl ServiceError {
    /// The database is busy or unreachable for now (see `DbError::is_transient`): a 503.
    pub fn is_transient(&self) -> bool {
        matches!(self, ServiceError::Db(error) if error.is_transient())
    }
}

impl From<DbError> for ServiceError {
    fn from(error: DbError) -> Self {
        match error {
            DbError::InvalidText => {
                FieldError::new("text", "contains characters that cannot be stored").into()
            }
            other => ServiceError::Db(other),
        }
    }
}

impl From<FieldErrors> for ServiceError {
    fn from(errors: FieldErrors) -> Self {
        ServiceError::Invalid(errors)
    }
}

impl From<FieldError> for ServiceError {
    fn from(error: FieldError) -> Self {
        ServiceError::Invalid(error.into())
    }
}

/// Turns collected field errors into a refusal, or passes when there are none.
pub(crate) fn refuse_if_any(errors: FieldErrors) -> Result<(), ServiceError> {
    if errors.is_empty() { Ok(()) } else { Err(ServiceError::Invalid(errors)) }
}

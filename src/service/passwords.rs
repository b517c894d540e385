//! Argon2id password hashing, off the async threads (it is deliberately slow).

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

use super::ServiceError;
use crate::domain::Password;

pub async fn hash_password(password: &Password) -> Result<String, ServiceError> {
    let password = password.clone();
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.expose().as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .map_err(|e| ServiceError::Internal(format!("password hashing failed: {e}")))
    })
    .await
    .map_err(|e| ServiceError::Internal(e.to_string()))?
}

/// Checks a password against a stored hash. An unreadable hash never matches. Only a wrong
/// password is `false`: when the check itself fails (parameters it cannot use, no memory for
/// them), that is an internal error, never reported as a wrong password.
pub async fn verify_password(password: &str, stored_hash: &str) -> Result<bool, ServiceError> {
    let password = password.to_owned();
    let stored_hash = stored_hash.to_owned();
    tokio::task::spawn_blocking(move || {
        let Ok(parsed) = PasswordHash::new(&stored_hash) else {
            return Ok(false);
        };
        match Argon2::default().verify_password(password.as_bytes(), &parsed) {
            Ok(()) => Ok(true),
            Err(argon2::password_hash::Error::Password) => Ok(false),
            Err(other) => Err(ServiceError::Internal(format!("the password could not be checked: {other}"))),
        }
    })
    .await
    .map_err(|e| ServiceError::Internal(e.to_string()))?
}

/// A hash of a random password: compared against when the name does not exist, so a failed
/// sign-in takes as long for unknown names as for known ones.
pub(crate) const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$5Z7qWb2Tq8WZ8sZq1H1m0A3fGzJ0y3f2o3M1Jv4mQ3k";

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn only_a_wrong_password_is_false() {
        let password = Password::parse("correct horse").unwrap();
        let hash = hash_password(&password).await.unwrap();
        assert!(verify_password("correct horse", &hash).await.unwrap());
        assert!(!verify_password("wrong horse", &hash).await.unwrap());
        // A readable hash whose parameters Argon2 refuses: the check failed, it did not say no.
        let unusable =
            "$argon2id$v=19$m=1,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$5Z7qWb2Tq8WZ8sZq1H1m0A3fGzJ0y3f2o3M1Jv4mQ3k";
        assert!(PasswordHash::new(unusable).is_ok());
        assert!(verify_password("correct horse", unusable).await.is_err());
    }

    #[tokio::test]
    async fn the_dummy_hash_costs_a_real_check() {
        // Unknown names are checked against it: it must be a hash Argon2 really computes.
        let parsed = PasswordHash::new(DUMMY_HASH).unwrap();
        assert_eq!(parsed.algorithm.as_str(), "argon2id");
        assert!(!verify_password("anything", DUMMY_HASH).await.unwrap());
    }
}

//! Argon2id password hashing, off the async threads (it is deliberately slow).
//!
//! Each hash or check allocates Argon2's 19 MiB block matrix. Tokio's blocking pool grows to
//! hundreds of threads, so 200 sign-ins at once used to hold 200 of them (and as many malloc
//! arenas): well over a gigabyte. A semaphore sized to the machine's cores lets only as many
//! run as can make progress; the rest wait their turn, which costs no time overall because the
//! work is CPU-bound.

use std::sync::LazyLock;

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

use tokio::sync::Semaphore;

use super::ServiceError;
use crate::domain::Password;

/// How many Argon2 computations may run at once: one per core (at least two).
fn concurrent_hashes() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get()).max(2)
}

static HASHING_SLOTS: LazyLock<Semaphore> = LazyLock::new(|| Semaphore::new(concurrent_hashes()));

/// Runs one Argon2 computation on the blocking pool once a slot is free.
async fn with_hashing_slot<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, ServiceError> + Send + 'static,
) -> Result<T, ServiceError> {
    let _slot = HASHING_SLOTS
        .acquire()
        .await
        .map_err(|e| ServiceError::Internal(format!("password hashing is shut down: {e}")))?;
    tokio::task::spawn_blocking(work).await.map_err(|e| ServiceError::Internal(e.to_string()))?
}

pub async fn hash_password(password: &Password) -> Result<String, ServiceError> {
    let password = password.clone();
    with_hashing_slot(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.expose().as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .map_err(|e| ServiceError::Internal(format!("password hashing failed: {e}")))
    })
    .await
}

/// Checks a password against a stored hash. An unreadable hash never matches. Only a wrong
/// password is `false`: when the check itself fails (parameters it cannot use, no memory for
/// them), that is an internal error, never reported as a wrong password.
pub async fn verify_password(password: &str, stored_hash: &str) -> Result<bool, ServiceError> {
    let password = password.to_owned();
    let stored_hash = stored_hash.to_owned();
    with_hashing_slot(move || {
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

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn no_more_hashes_run_at_once_than_there_are_slots() {
        use std::sync::Arc;
        use std::sync::atomic::{AtomicUsize, Ordering};
        let running = Arc::new(AtomicUsize::new(0));
        let peak = Arc::new(AtomicUsize::new(0));
        let tasks: Vec<_> = (0..4 * concurrent_hashes())
            .map(|_| {
                let (running, peak) = (running.clone(), peak.clone());
                tokio::spawn(with_hashing_slot(move || {
                    let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                    peak.fetch_max(now, Ordering::SeqCst);
                    std::thread::sleep(std::time::Duration::from_millis(20));
                    running.fetch_sub(1, Ordering::SeqCst);
                    Ok(())
                }))
            })
            .collect();
        for task in tasks {
            task.await.unwrap().unwrap();
        }
        let peak = peak.load(Ordering::SeqCst);
        assert!(peak <= concurrent_hashes(), "{peak} hashes ran at once, more than {}", concurrent_hashes());
    }

    #[tokio::test]
    async fn the_dummy_hash_costs_a_real_check() {
        // Unknown names are checked against it: it must be a hash Argon2 really computes.
        let parsed = PasswordHash::new(DUMMY_HASH).unwrap();
        assert_eq!(parsed.algorithm.as_str(), "argon2id");
        assert!(!verify_password("anything", DUMMY_HASH).await.unwrap());
    }
}

//! Spam protection of the register form that needs no outside service: a honeypot field that
//! people never see (bots fill in every field), and an optional question with a small sum
//! (`registration.challenge`), its answer bound to the visitor's form token so it cannot be
//! replayed from another session. Together with the per-address limits (`rate_limit`) this
//! stops the naive sign-up bots an open instance meets first; determined spammers still reach
//! the admins' new accounts list.

use rand::Rng;
use sha2::{Digest, Sha256};

/// The field people leave empty: hidden from sight and from assistive technology.
pub const HONEYPOT_FIELD: &str = "website";

/// Whether the honeypot caught something.
pub fn honeypot_filled(value: &str) -> bool {
    !value.trim().is_empty()
}

/// A question "what is `a` plus `b`?" and the token that checks its answer.
#[derive(Debug, Clone)]
pub struct Challenge {
    pub a: u8,
    pub b: u8,
    pub token: String,
}

impl Challenge {
    /// A new question for the visitor holding `csrf_token`.
    pub fn new(csrf_token: &str) -> Self {
        let mut rng = rand::rng();
        let (a, b) = (rng.random_range(2..=9u8), rng.random_range(2..=9u8));
        Self { a, b, token: answer_token(csrf_token, u32::from(a) + u32::from(b)) }
    }

    /// The sum as shown: `4 + 7`.
    pub fn sum(&self) -> String {
        format!("{} + {}", self.a, self.b)
    }

    /// Whether `answer` (digits, spaces ignored) answers the question behind `token`.
    pub fn answered(csrf_token: &str, token: &str, answer: &str) -> bool {
        match answer.trim().parse::<u32>() {
            Ok(sum) if sum <= 18 => answer_token(csrf_token, sum) == token,
            _ => false,
        }
    }
}

fn answer_token(csrf_token: &str, sum: u32) -> String {
    let digest = Sha256::digest(format!("allmende-register-challenge:{csrf_token}:{sum}").as_bytes());
    digest.iter().map(|byte| format!("{byte:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_answer_is_bound_to_the_form_token() {
        let challenge = Challenge::new("token-1");
        let sum = (u32::from(challenge.a) + u32::from(challenge.b)).to_string();
        assert!(Challenge::answered("token-1", &challenge.token, &sum));
        assert!(Challenge::answered("token-1", &challenge.token, &format!(" {sum} ")));
        assert!(!Challenge::answered("token-2", &challenge.token, &sum), "another session's token");
        assert!(!Challenge::answered("token-1", &challenge.token, "99"));
        assert!(!Challenge::answered("token-1", &challenge.token, "seven"));
        assert!(!Challenge::answered("token-1", "", ""));
    }

    #[test]
    fn only_an_empty_honeypot_passes() {
        assert!(!honeypot_filled(""));
        assert!(!honeypot_filled("  "));
        assert!(honeypot_filled("https://spam.example"));
    }
}

//! The yardstick of the federation figures: how fast this machine signs and verifies RSA-2048
//! (RSASSA-PKCS1-v1_5, SHA-256) on one core, with `aws-lc-rs` (what the server uses) and, for
//! comparison, the pure-Rust `rsa` crate (what it used before).

use std::time::{Duration, Instant};

use allmende::federation::signatures::rsa_keys::{PrivateKey, PublicKey};
use rsa::pkcs8::{DecodePrivateKey, DecodePublicKey};
use sha2::{Digest, Sha256};

/// A draft-cavage signing string of the usual size.
pub const SIGNING_STRING: &str = "(request-target): post /inbox\nhost: peer.example\ndate: Tue, 08 Dec 2026 01:00:00 GMT\ndigest: SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=";

/// The time `count` signatures take with aws-lc-rs, one after another on this thread.
pub fn time_aws_lc_signatures(key: &PrivateKey, count: usize) -> Duration {
    let started = Instant::now();
    for _ in 0..count {
        std::hint::black_box(key.sign_sha256(SIGNING_STRING.as_bytes()).expect("signed"));
    }
    started.elapsed()
}

/// Signatures and verifications per second on one core, both libraries.
pub fn print_rates(public_pem: &str, private_pem: &str) -> Rates {
    let key = PrivateKey::from_pkcs8_pem(private_pem).expect("key");
    let public = PublicKey::from_spki_pem(public_pem).expect("public key");
    let signature = key.sign_sha256(SIGNING_STRING.as_bytes()).expect("signed");
    let sign = per_second(1000, || {
        std::hint::black_box(key.sign_sha256(SIGNING_STRING.as_bytes()).expect("signed"));
    });
    let verify = per_second(20_000, || {
        public.verify_sha256(SIGNING_STRING.as_bytes(), &signature).expect("verifies");
    });
    let old_key = rsa::RsaPrivateKey::from_pkcs8_pem(private_pem).expect("key");
    let old_public = rsa::RsaPublicKey::from_public_key_pem(public_pem).expect("public key");
    let digest = Sha256::digest(SIGNING_STRING.as_bytes());
    let old_sign = per_second(100, || {
        std::hint::black_box(old_key.sign(rsa::Pkcs1v15Sign::new::<Sha256>(), &digest).expect("signed"));
    });
    let old_verify = per_second(2000, || {
        old_public.verify(rsa::Pkcs1v15Sign::new::<Sha256>(), &digest, &signature).expect("verifies");
    });
    let parse = per_second(2000, || {
        std::hint::black_box(PublicKey::from_spki_pem(public_pem).expect("public key"));
    });
    println!(
        "rsa-2048 on one core: aws-lc-rs signs {sign:.0}/s and verifies {verify:.0}/s; \
         the rsa crate signs {old_sign:.0}/s and verifies {old_verify:.0}/s; \
         parsing a public key PEM (aws-lc-rs): {parse:.0}/s"
    );
    Rates { sign, verify }
}

pub struct Rates {
    pub sign: f64,
    pub verify: f64,
}

fn per_second(rounds: usize, mut once: impl FnMut()) -> f64 {
    let started = Instant::now();
    for _ in 0..rounds {
        once();
    }
    rounds as f64 / started.elapsed().as_secs_f64()
}

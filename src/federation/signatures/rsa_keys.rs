//! RSA keys of HTTP signatures (RSASSA-PKCS1-v1_5 with SHA-256, what `rsa-sha256` and RFC
//! 9421's `rsa-v1_5-sha256` mean), signed and verified with `aws-lc-rs`, the cryptography
//! rustls already brings in: several times as fast as the pure-Rust `rsa` crate (figures in
//! `docs/PERFORMANCE.md`, "Inbox").
//!
//! Keys are stored and published as PEM: a private key as PKCS#8 (`PRIVATE KEY`), a public key
//! as SubjectPublicKeyInfo (`PUBLIC KEY`), as Mastodon publishes them. Parsing a public key
//! costs about as much as verifying with it, so parsed keys are kept: the signer keeps its
//! private keys (`federation::signing::Signer`), and [`PublicKey::cached`] keeps recently used
//! public keys, keyed by their PEM text itself (a changed key is a new entry, never a stale hit).
//!
//! Public keys of 1,024 to 8,192 bits verify: a few older servers still publish 1,024-bit keys,
//! which the fediverse (and this server before `aws-lc-rs`) accepts. Our own keys are 2,048
//! bits, the size every implementation expects.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

use aws_lc_rs::encoding::{AsDer, Pkcs8V1Der, PublicKeyX509Der};
use aws_lc_rs::rsa::{KeyPair, KeySize};
use aws_lc_rs::signature::{self, KeyPair as _, ParsedPublicKey};
use base64::Engine;

const PRIVATE_LABEL: &str = "PRIVATE KEY";
const PUBLIC_LABEL: &str = "PUBLIC KEY";
/// Public keys kept parsed; when full, the cache starts over (a parse is all a miss costs).
const CACHED_PUBLIC_KEYS: usize = 4096;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    #[error("not a PEM {0}")]
    Pem(&'static str),
    #[error("not an acceptable RSA key")]
    Rejected,
    #[error("signing failed")]
    Sign,
    #[error("the signature does not verify")]
    Invalid,
    #[error("key generation failed")]
    Generate,
}

/// A parsed RSA private key, ready to sign.
pub struct PrivateKey(KeyPair);

impl std::fmt::Debug for PrivateKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PrivateKey(..)")
    }
}

impl PrivateKey {
    /// Reads a PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`).
    pub fn from_pkcs8_pem(pem: &str) -> Result<Self, KeyError> {
        let der = pem_decode(pem, PRIVATE_LABEL)?;
        KeyPair::from_pkcs8(&der).map(Self).map_err(|_| KeyError::Rejected)
    }

    /// The RSASSA-PKCS1-v1_5 SHA-256 signature of `message` (deterministic).
    pub fn sign_sha256(&self, message: &[u8]) -> Result<Vec<u8>, KeyError> {
        let mut signature = vec![0; self.0.public_modulus_len()];
        self.0
            .sign(
                &signature::RSA_PKCS1_SHA256,
                &aws_lc_rs::rand::SystemRandom::new(),
                message,
                &mut signature,
            )
            .map_err(|_| KeyError::Sign)?;
        Ok(signature)
    }

    /// Its public key as a SubjectPublicKeyInfo PEM.
    pub fn public_key_pem(&self) -> Result<String, KeyError> {
        let der: PublicKeyX509Der<'static> = self.0.public_key().as_der().map_err(|_| KeyError::Rejected)?;
        Ok(pem_encode(der.as_ref(), PUBLIC_LABEL))
    }
}

/// A parsed RSA public key, ready to verify.
#[derive(Debug)]
pub struct PublicKey(ParsedPublicKey);

impl PublicKey {
    /// Reads a SubjectPublicKeyInfo PEM (`-----BEGIN PUBLIC KEY-----`).
    pub fn from_spki_pem(pem: &str) -> Result<Self, KeyError> {
        let der = pem_decode(pem, PUBLIC_LABEL)?;
        ParsedPublicKey::new(&signature::RSA_PKCS1_1024_8192_SHA256_FOR_LEGACY_USE_ONLY, der)
            .map(Self)
            .map_err(|_| KeyError::Rejected)
    }

    /// The key of `pem`, parsed once and then kept (see the module comment).
    pub fn cached(pem: &str) -> Result<Arc<Self>, KeyError> {
        static CACHE: LazyLock<Mutex<HashMap<String, Arc<PublicKey>>>> = LazyLock::new(Mutex::default);
        if let Some(key) = CACHE.lock().ok().and_then(|cache| cache.get(pem).cloned()) {
            return Ok(key);
        }
        let key = Arc::new(Self::from_spki_pem(pem)?);
        if let Ok(mut cache) = CACHE.lock() {
            if cache.len() >= CACHED_PUBLIC_KEYS {
                cache.clear();
            }
            cache.insert(pem.to_owned(), key.clone());
        }
        Ok(key)
    }

    /// Whether `signature` is this key's RSASSA-PKCS1-v1_5 SHA-256 signature of `message`.
    pub fn verify_sha256(&self, message: &[u8], signature: &[u8]) -> Result<(), KeyError> {
        self.0.verify_sig(message, signature).map_err(|_| KeyError::Invalid)
    }
}

/// A new 2,048-bit key pair as PEM: (public SubjectPublicKeyInfo, private PKCS#8).
pub fn generate_pem_pair() -> Result<(String, String), KeyError> {
    let pair = KeyPair::generate(KeySize::Rsa2048).map_err(|_| KeyError::Generate)?;
    let private: Pkcs8V1Der<'static> = pair.as_der().map_err(|_| KeyError::Generate)?;
    let private_pem = pem_encode(private.as_ref(), PRIVATE_LABEL);
    let public_pem = PrivateKey(pair).public_key_pem()?;
    Ok((public_pem, private_pem))
}

/// The DER inside a PEM with `label`; line breaks (LF or CRLF) and surrounding blanks are
/// ignored, anything else around the armour is refused.
fn pem_decode(pem: &str, label: &'static str) -> Result<Vec<u8>, KeyError> {
    let body = pem
        .trim()
        .strip_prefix("-----BEGIN ")
        .and_then(|rest| rest.strip_prefix(label))
        .and_then(|rest| rest.strip_prefix("-----"))
        .and_then(|rest| rest.strip_suffix("-----"))
        .and_then(|rest| rest.strip_suffix(label))
        .and_then(|rest| rest.strip_suffix("-----END "))
        .ok_or(KeyError::Pem(label))?;
    let base64: String = body.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    base64::engine::general_purpose::STANDARD.decode(base64).map_err(|_| KeyError::Pem(label))
}

/// A PEM of `der`: lines of 64 characters, LF endings, a final line break.
fn pem_encode(der: &[u8], label: &str) -> String {
    let encoded = base64::engine::general_purpose::STANDARD.encode(der);
    let mut pem = format!("-----BEGIN {label}-----\n");
    for line in encoded.as_bytes().chunks(64) {
        pem.push_str(&String::from_utf8_lossy(line));
        pem.push('\n');
    }
    pem.push_str(&format!("-----END {label}-----\n"));
    pem
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generated_pair_signs_and_verifies_and_reads_back_in_the_usual_pem() {
        let (public_pem, private_pem) = generate_pem_pair().unwrap();
        assert!(public_pem.starts_with("-----BEGIN PUBLIC KEY-----\n"), "{public_pem}");
        assert!(public_pem.ends_with("\n-----END PUBLIC KEY-----\n"));
        assert!(private_pem.starts_with("-----BEGIN PRIVATE KEY-----\n"));
        assert!(public_pem.lines().all(|line| line.len() <= 64));
        let private = PrivateKey::from_pkcs8_pem(&private_pem).unwrap();
        assert_eq!(private.public_key_pem().unwrap(), public_pem);
        let signature = private.sign_sha256(b"text").unwrap();
        assert_eq!(signature.len(), 256, "2,048 bits");
        let public = PublicKey::from_spki_pem(&public_pem).unwrap();
        assert_eq!(public.verify_sha256(b"text", &signature), Ok(()));
        assert_eq!(public.verify_sha256(b"other text", &signature), Err(KeyError::Invalid));
        let crlf = public_pem.replace('\n', "\r\n");
        assert_eq!(PublicKey::cached(&crlf).unwrap().verify_sha256(b"text", &signature), Ok(()));
    }

    #[test]
    fn other_pems_are_refused() {
        let (public_pem, private_pem) = generate_pem_pair().unwrap();
        assert_eq!(PublicKey::from_spki_pem(&private_pem).err(), Some(KeyError::Pem(PUBLIC_LABEL)));
        assert_eq!(PrivateKey::from_pkcs8_pem(&public_pem).err(), Some(KeyError::Pem(PRIVATE_LABEL)));
        assert_eq!(PublicKey::from_spki_pem("").err(), Some(KeyError::Pem(PUBLIC_LABEL)));
        let garbage = "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n";
        assert_eq!(PublicKey::cached(garbage).err(), Some(KeyError::Rejected));
        // An ed25519 key in the same armour is not an RSA key.
        let ed25519 = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAJrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=\n-----END PUBLIC KEY-----\n";
        assert_eq!(PublicKey::from_spki_pem(ed25519).err(), Some(KeyError::Rejected));
    }
}

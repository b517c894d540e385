//! Signing outgoing requests with an actor's key, in either format: draft-cavage HTTP
//! signatures (as Mastodon, Lemmy and the rest of the fediverse verify them):
//! `(request-target)`, host, date, digest; or RFC 9421 (`Signature-Input`/`Signature` over
//! `@method`, `@target-uri`, and for a body `content-type` and an RFC 9530 `content-digest`),
//! see `federation::signatures`. Which one a peer gets is the caller's choice
//! (`service::peer_signatures`).
//! We sign ourselves, with the library `activitypub_federation` uses internally, because our
//! persisted queue needs the response status and `Retry-After`, which the crate's sender hides.
//!
//! The signature is labelled `algorithm="rsa-sha256"`, as Mastodon labels its own. The library
//! writes `hs2019`, which verifiers built on the older draft (the `http-signature` npm package,
//! which some Misskey versions used) refuse; every fediverse server accepts `rsa-sha256`, since
//! Mastodon sends it. The label is not part of the signed text, so relabelling is safe.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use base64::Engine;
use http_signature_normalization_reqwest::prelude::{Config, SignExt};
use http_signature_normalization_reqwest::{DefaultSpawner, Sign, SignError};
use sha2::{Digest, Sha256};

use super::signatures::rsa_keys::PrivateKey;
use super::signatures::{SignatureFormat, content_digest, rfc9421};

pub const ACTIVITY_CONTENT_TYPE: &str = "application/activity+json";
pub const ACCEPT_ACTIVITY: &str =
    "application/activity+json, application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"";

#[derive(Debug, thiserror::Error)]
pub enum SigningError {
    #[error("unreadable private key: {0}")]
    Key(String),
    #[error("signing failed: {0}")]
    Sign(String),
    #[error("request could not be built: {0}")]
    Request(#[from] reqwest::Error),
}

impl From<SignError> for SigningError {
    fn from(error: SignError) -> Self {
        SigningError::Sign(format!("{error:?}"))
    }
}

/// Signs requests, keeping parsed private keys (parsing a key costs about one signature).
#[derive(Clone)]
pub struct Signer {
    config: Config<DefaultSpawner>,
    /// By key id.
    keys: Arc<Mutex<HashMap<String, ParsedKey>>>,
}

/// A private key with the PEM it was parsed from (a changed PEM is parsed again).
struct ParsedKey {
    pem: String,
    key: Arc<PrivateKey>,
}

/// Keys kept parsed; when full, the cache starts over.
const CACHED_PRIVATE_KEYS: usize = 10_000;

impl Default for Signer {
    fn default() -> Self {
        Self::new()
    }
}

impl Signer {
    pub fn new() -> Self {
        Self {
            config: Config::new().mastodon_compat().set_expiration(Duration::from_secs(3600)),
            keys: Arc::new(Mutex::new(HashMap::new())),
        }
    }

    /// A POST of an activity to an inbox, signed in `format`.
    pub async fn signed_post_as(
        &self,
        format: SignatureFormat,
        client: &reqwest::Client,
        inbox: &str,
        body: Vec<u8>,
        key_id: &str,
        private_key_pem: &str,
    ) -> Result<reqwest::Request, SigningError> {
        match format {
            SignatureFormat::Cavage => self.signed_post(client, inbox, body, key_id, private_key_pem).await,
            SignatureFormat::Rfc9421 => {
                let key = self.private_key(key_id, private_key_pem)?;
                let request = client
                    .post(inbox)
                    .header(reqwest::header::CONTENT_TYPE, ACTIVITY_CONTENT_TYPE)
                    .header(reqwest::header::ACCEPT, ACCEPT_ACTIVITY)
                    .header("content-digest", content_digest::header_value(&body))
                    .header(reqwest::header::DATE, httpdate::fmt_http_date(std::time::SystemTime::now()))
                    .body(body)
                    .build()?;
                sign_rfc9421(request, key_id, &key, true)
            }
        }
    }

    /// A GET for peers that require "authorized fetch", signed in `format`.
    pub async fn signed_get_as(
        &self,
        format: SignatureFormat,
        client: &reqwest::Client,
        url: &str,
        key_id: &str,
        private_key_pem: &str,
    ) -> Result<reqwest::Request, SigningError> {
        match format {
            SignatureFormat::Cavage => self.signed_get(client, url, key_id, private_key_pem).await,
            SignatureFormat::Rfc9421 => {
                let key = self.private_key(key_id, private_key_pem)?;
                let request = client
                    .get(url)
                    .header(reqwest::header::ACCEPT, ACCEPT_ACTIVITY)
                    .header(reqwest::header::DATE, httpdate::fmt_http_date(std::time::SystemTime::now()))
                    .build()?;
                sign_rfc9421(request, key_id, &key, false)
            }
        }
    }

    /// A signed POST of an activity to an inbox (draft-cavage).
    pub async fn signed_post(
        &self,
        client: &reqwest::Client,
        inbox: &str,
        body: Vec<u8>,
        key_id: &str,
        private_key_pem: &str,
    ) -> Result<reqwest::Request, SigningError> {
        let key = self.private_key(key_id, private_key_pem)?;
        let request = client
            .post(inbox)
            .header(reqwest::header::CONTENT_TYPE, ACTIVITY_CONTENT_TYPE)
            .header(reqwest::header::ACCEPT, ACCEPT_ACTIVITY)
            .signature_with_digest(
                self.config.clone(),
                key_id.to_owned(),
                Sha256::new(),
                body,
                move |text: &str| sign_text(&key, text),
            )
            .await?;
        Ok(label_rsa_sha256(request))
    }

    /// A signed GET, for peers that require "authorized fetch" (draft-cavage).
    pub async fn signed_get(
        &self,
        client: &reqwest::Client,
        url: &str,
        key_id: &str,
        private_key_pem: &str,
    ) -> Result<reqwest::Request, SigningError> {
        let key = self.private_key(key_id, private_key_pem)?;
        let request = client
            .get(url)
            .header(reqwest::header::ACCEPT, ACCEPT_ACTIVITY)
            .signature(&self.config, key_id.to_owned(), move |text: &str| sign_text(&key, text))
            .await?;
        Ok(label_rsa_sha256(request))
    }

    fn private_key(&self, key_id: &str, pem: &str) -> Result<Arc<PrivateKey>, SigningError> {
        let mut keys = self.keys.lock().map_err(|_| SigningError::Key("key cache poisoned".into()))?;
        if let Some(parsed) = keys.get(key_id)
            && parsed.pem == pem
        {
            return Ok(parsed.key.clone());
        }
        let key = Arc::new(PrivateKey::from_pkcs8_pem(pem).map_err(|e| SigningError::Key(e.to_string()))?);
        if keys.len() >= CACHED_PRIVATE_KEYS {
            keys.clear();
        }
        keys.insert(key_id.to_owned(), ParsedKey { pem: pem.to_owned(), key: key.clone() });
        Ok(key)
    }
}

/// Adds RFC 9421 `Signature-Input` and `Signature` to a built request, over the request as
/// it will be sent (its URL's authority is what `Host` will say).
fn sign_rfc9421(
    mut request: reqwest::Request,
    key_id: &str,
    key: &PrivateKey,
    with_body: bool,
) -> Result<reqwest::Request, SigningError> {
    let url = request.url();
    let host = url.host_str().ok_or_else(|| SigningError::Sign("the URL has no host".into()))?;
    let authority = match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host.to_owned(),
    };
    let path_and_query = match url.query() {
        Some(query) => format!("{}?{query}", url.path()),
        None => url.path().to_owned(),
    };
    let created = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_err(|e| SigningError::Sign(e.to_string()))?
        .as_secs();
    let created = i64::try_from(created).map_err(|e| SigningError::Sign(e.to_string()))?;
    let parts = rfc9421::RequestParts {
        method: request.method().as_str(),
        scheme: url.scheme(),
        authority: &authority,
        path_and_query: &path_and_query,
        headers: request.headers(),
    };
    let components = rfc9421::components_to_sign(with_body);
    let (input, signature) = rfc9421::sign_rsa(&components, key_id, created, key, &parts)
        .map_err(|error| SigningError::Sign(error.to_string()))?;
    let value = |text: String| {
        reqwest::header::HeaderValue::from_str(&text).map_err(|e| SigningError::Sign(e.to_string()))
    };
    let (input, signature) = (value(input)?, value(signature)?);
    request.headers_mut().insert("signature-input", input);
    request.headers_mut().insert("signature", signature);
    Ok(request)
}

/// Relabels the library's `algorithm="hs2019"` as `rsa-sha256` (see the module comment).
fn label_rsa_sha256(mut request: reqwest::Request) -> reqwest::Request {
    let relabelled = request
        .headers()
        .get("signature")
        .and_then(|value| value.to_str().ok())
        .filter(|value| value.contains(HS2019))
        .map(|value| value.replacen(HS2019, RSA_SHA256, 1))
        .and_then(|value| reqwest::header::HeaderValue::from_str(&value).ok());
    if let Some(value) = relabelled {
        request.headers_mut().insert("signature", value);
    }
    request
}

const HS2019: &str = "algorithm=\"hs2019\"";
const RSA_SHA256: &str = "algorithm=\"rsa-sha256\"";

fn sign_text(key: &PrivateKey, text: &str) -> Result<String, SigningError> {
    let signature = key.sign_sha256(text.as_bytes()).map_err(|e| SigningError::Sign(e.to_string()))?;
    Ok(base64::engine::general_purpose::STANDARD.encode(signature))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn signatures_are_labelled_rsa_sha256() {
        let (_, private_pem) = crate::service::instance::generate_key_pair().unwrap();
        let client = reqwest::Client::new();
        let signer = Signer::new();
        let post = signer
            .signed_post(
                &client,
                "https://peer.example/inbox",
                b"{}".to_vec(),
                "https://us.example/actor#main-key",
                &private_pem,
            )
            .await
            .unwrap();
        let get = signer
            .signed_get(
                &client,
                "https://peer.example/u/zoe",
                "https://us.example/actor#main-key",
                &private_pem,
            )
            .await
            .unwrap();
        for request in [post, get] {
            let header = request.headers().get("signature").unwrap().to_str().unwrap();
            assert!(header.contains(r#"algorithm="rsa-sha256""#), "{header}");
            assert!(!header.contains("hs2019"), "{header}");
        }
    }
}

//! Outgoing HTTP for federation: one client with timeouts, no automatic redirects and a resolver
//! that connects to allowed addresses only (`guarded_dns`), and a careful fetch of ActivityPub
//! documents (a total deadline, a size cap, the right content type, and an `id` that is the URL
//! it was fetched from).

use std::time::Duration;

use futures_util::StreamExt;
use serde_json::Value;
use url::Url;

use super::guarded_dns::{AddressPolicy, GuardedResolver, is_refused_address};
use super::signatures::SignatureFormat;
use super::signing::{ACCEPT_ACTIVITY, Signer, SigningError};
use crate::config::Networks;

/// Largest document we read from a peer.
pub const MAX_DOCUMENT_BYTES: usize = 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("URL not allowed: {0}")]
    NotAllowed(String),
    #[error("the peer could not be reached: {0}")]
    Unreachable(String),
    #[error("the peer answered {0}")]
    Status(u16),
    #[error("the object is gone")]
    Gone,
    #[error("the document is larger than {MAX_DOCUMENT_BYTES} bytes")]
    TooLarge,
    #[error("the document is not ActivityPub JSON ({0})")]
    WrongContentType(String),
    #[error("the document is not valid JSON")]
    InvalidJson,
    #[error("the document's id is not the URL it came from")]
    WrongId,
    #[error("the fetch took too long")]
    Timeout,
    #[error(transparent)]
    Signing(#[from] SigningError),
}

/// Who signs our GETs (the instance actor), so peers in "authorized fetch" mode answer, and
/// in which format first (the peer's, see `service::peer_signatures`).
#[derive(Clone)]
pub struct FetchKey {
    pub key_id: String,
    pub private_key_pem: String,
    pub format: SignatureFormat,
}

#[derive(Clone)]
pub struct FederationHttp {
    pub client: reqwest::Client,
    pub signer: Signer,
    /// Development and tests: allow `http://` and loopback peers.
    pub insecure: bool,
    /// Total deadline of one fetch (redirect included) and of one delivery.
    pub deadline: Duration,
    /// Non-public networks peers may be on anyway (`federation.allowed_private_networks`).
    pub allowed_private_networks: Networks,
    /// The signature format for peers whose format is not known (`federation.first_signature_format`).
    pub first_signature_format: SignatureFormat,
}

/// A fetched document, and the signature format the peer answered (when signed).
pub struct Fetched {
    pub url: Url,
    pub document: Value,
    pub answered_format: Option<SignatureFormat>,
}

/// How outgoing requests are made, from the configuration.
pub struct HttpOptions<'a> {
    pub user_agent: &'a str,
    /// Development and tests: allow `http://` and any address.
    pub insecure: bool,
    pub deadline: Duration,
    /// CA certificates trusted besides the system's roots (`extra_ca_cert`).
    pub extra_roots: Vec<reqwest::Certificate>,
    pub allowed_private_networks: Networks,
}

#[derive(Debug, thiserror::Error)]
pub enum CaCertError {
    #[error("cannot read it: {0}")]
    Unreadable(std::io::Error),
    #[error("it is not a PEM file of certificates: {0}")]
    NotPem(reqwest::Error),
    #[error("it holds no PEM certificates")]
    Empty,
}

/// Reads a PEM file of one or more CA certificates (`extra_ca_cert`).
pub fn load_extra_roots(path: &std::path::Path) -> Result<Vec<reqwest::Certificate>, CaCertError> {
    let pem = std::fs::read(path).map_err(CaCertError::Unreadable)?;
    let certificates = reqwest::Certificate::from_pem_bundle(&pem).map_err(CaCertError::NotPem)?;
    if certificates.is_empty() {
        return Err(CaCertError::Empty);
    }
    Ok(certificates)
}

/// Which `id` a fetched document must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum IdRule {
    /// Exactly the URL it was fetched from (objects and actors).
    Exact,
    /// Any URL on the same host. Key documents: GoToSocial answers its key URL
    /// (`{actor}/main-key`) with a stub whose `id` is the actor.
    SameHost,
}

impl FederationHttp {
    pub fn new(options: HttpOptions<'_>) -> Result<Self, reqwest::Error> {
        let HttpOptions { user_agent, insecure, deadline, extra_roots, allowed_private_networks } = options;
        let policy = AddressPolicy { insecure, allowed_private_networks: allowed_private_networks.clone() };
        let client = reqwest::Client::builder()
            .user_agent(user_agent)
            .dns_resolver(GuardedResolver::new(policy))
            // A proxy from the environment would resolve names itself, past the resolver.
            .no_proxy()
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(Duration::from_secs(5).min(deadline))
            .timeout(deadline)
            .pool_idle_timeout(Duration::from_secs(90))
            .tls_certs_merge(extra_roots)
            .build()?;
        Ok(Self {
            client,
            signer: Signer::new(),
            insecure,
            deadline,
            allowed_private_networks,
            first_signature_format: SignatureFormat::Cavage,
        })
    }

    /// Signs first in `format` for peers whose format is not known.
    pub fn with_first_signature_format(mut self, format: SignatureFormat) -> Self {
        self.first_signature_format = format;
        self
    }

    /// Checks the scheme and, for a host written as an IP address, the address (outside
    /// development: public, or in `allowed_private_networks`). Names are checked when the
    /// connection resolves them, by the client's resolver, so the address checked is the
    /// address connected to.
    pub fn check_url(&self, url: &Url) -> Result<(), FetchError> {
        match url.scheme() {
            "https" => {}
            "http" if self.insecure => {}
            other => return Err(FetchError::NotAllowed(format!("scheme {other}"))),
        }
        let literal = match url.host() {
            None => return Err(FetchError::NotAllowed("no host".into())),
            Some(url::Host::Domain(_)) => None,
            Some(url::Host::Ipv4(v4)) => Some(std::net::IpAddr::V4(v4)),
            Some(url::Host::Ipv6(v6)) => Some(std::net::IpAddr::V6(v6)),
        };
        let policy = AddressPolicy {
            insecure: self.insecure,
            allowed_private_networks: self.allowed_private_networks.clone(),
        };
        match literal {
            Some(address) if !policy.allows(address) => {
                Err(FetchError::NotAllowed(format!("{address} is not a public address")))
            }
            _ => Ok(()),
        }
    }

    /// Sends a request with the federation client: a host that resolves to refused addresses
    /// only is `NotAllowed`, other failures `Unreachable`.
    pub async fn execute(&self, request: reqwest::Request) -> Result<reqwest::Response, FetchError> {
        self.client.execute(request).await.map_err(connect_error)
    }

    /// Fetches a small unsigned JSON document that is not an ActivityPub object (a WebFinger
    /// JRD, a NodeInfo index or document): the URL checked, `accept` sent, no redirect
    /// followed, a non-2xx answer an error, the body read up to `cap` bytes, the whole within
    /// the deadline.
    pub async fn fetch_small_json(&self, url: &Url, accept: &str, cap: usize) -> Result<Value, FetchError> {
        self.check_url(url)?;
        let request = self
            .client
            .get(url.as_str())
            .header(reqwest::header::ACCEPT, accept)
            .build()
            .map_err(|e| FetchError::Unreachable(e.to_string()))?;
        let fetch = async {
            let response = self.execute(request).await?;
            if !response.status().is_success() {
                return Err(FetchError::Status(response.status().as_u16()));
            }
            let body = read_capped(response, cap).await?;
            serde_json::from_slice(&body).map_err(|_| FetchError::InvalidJson)
        };
        tokio::time::timeout(self.deadline, fetch).await.map_err(|_| FetchError::Timeout)?
    }

    /// Fetches an ActivityPub document. Follows at most one redirect on the same host.
    pub async fn fetch_json(&self, url: &Url, key: Option<&FetchKey>) -> Result<(Url, Value), FetchError> {
        let fetched = self.fetch_document(url, key).await?;
        Ok((fetched.url, fetched.document))
    }

    /// [`Self::fetch_json`], saying which signature format the peer answered: a signed fetch
    /// refused (401/403) in `key.format` is tried once more in the other format.
    pub async fn fetch_document(&self, url: &Url, key: Option<&FetchKey>) -> Result<Fetched, FetchError> {
        tokio::time::timeout(self.deadline, self.fetch_with_redirect(url, key, IdRule::Exact))
            .await
            .map_err(|_| FetchError::Timeout)?
    }

    /// Fetches the document behind a signature's `keyId`: the actor itself, a key document
    /// (`owner`/`controller`), or GoToSocial's actor stub. Its `id` need only be on the same host.
    pub async fn fetch_key_document(&self, url: &Url, key: Option<&FetchKey>) -> Result<Fetched, FetchError> {
        tokio::time::timeout(self.deadline, self.fetch_with_redirect(url, key, IdRule::SameHost))
            .await
            .map_err(|_| FetchError::Timeout)?
    }

    async fn fetch_with_redirect(
        &self,
        url: &Url,
        key: Option<&FetchKey>,
        rule: IdRule,
    ) -> Result<Fetched, FetchError> {
        let (answer, format) = self.fetch_knocking(url, key, rule).await?;
        match answer {
            Answer::Document(document) => Ok(Fetched { url: url.clone(), document, answered_format: format }),
            Answer::Redirect(target) => {
                if target.host_str() != url.host_str() || target.port() != url.port() {
                    return Err(FetchError::NotAllowed("redirect to another host".into()));
                }
                // The same peer: the format it just answered.
                let key = key.map(|key| FetchKey { format: format.unwrap_or(key.format), ..key.clone() });
                match self.fetch_knocking(&target, key.as_ref(), rule).await? {
                    (Answer::Document(document), format) => {
                        Ok(Fetched { url: target, document, answered_format: format })
                    }
                    (Answer::Redirect(_), _) => Err(FetchError::NotAllowed("more than one redirect".into())),
                }
            }
        }
    }

    /// One fetch; a signed one refused with 401/403 is tried once more in the other format.
    async fn fetch_knocking(
        &self,
        url: &Url,
        key: Option<&FetchKey>,
        rule: IdRule,
    ) -> Result<(Answer, Option<SignatureFormat>), FetchError> {
        let Some(key) = key else { return Ok((self.fetch_once(url, None, rule).await?, None)) };
        match self.fetch_once(url, Some((key, key.format)), rule).await {
            Err(FetchError::Status(401 | 403)) => {
                let other = key.format.other();
                let answer = self.fetch_once(url, Some((key, other)), rule).await?;
                Ok((answer, Some(other)))
            }
            answer => Ok((answer?, Some(key.format))),
        }
    }

    async fn fetch_once(
        &self,
        url: &Url,
        key: Option<(&FetchKey, SignatureFormat)>,
        rule: IdRule,
    ) -> Result<Answer, FetchError> {
        self.check_url(url)?;
        let request = match key {
            Some((key, format)) => {
                self.signer
                    .signed_get_as(format, &self.client, url.as_str(), &key.key_id, &key.private_key_pem)
                    .await?
            }
            None => self
                .client
                .get(url.as_str())
                .header(reqwest::header::ACCEPT, ACCEPT_ACTIVITY)
                .build()
                .map_err(|e| FetchError::Unreachable(e.to_string()))?,
        };
        let response = self.execute(request).await?;
        let status = response.status();
        if status.is_redirection() {
            let location = response
                .headers()
                .get(reqwest::header::LOCATION)
                .and_then(|l| l.to_str().ok())
                .and_then(|l| url.join(l).ok())
                .ok_or(FetchError::Status(status.as_u16()))?;
            return Ok(Answer::Redirect(location));
        }
        if status == reqwest::StatusCode::GONE {
            return Err(FetchError::Gone);
        }
        if !status.is_success() {
            return Err(FetchError::Status(status.as_u16()));
        }
        let content_type = response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|c| c.to_str().ok())
            .unwrap_or_default()
            .to_ascii_lowercase();
        if !is_activity_json(&content_type) {
            return Err(FetchError::WrongContentType(content_type));
        }
        let body = read_capped(response, MAX_DOCUMENT_BYTES).await?;
        let value: Value = serde_json::from_slice(&body).map_err(|_| FetchError::InvalidJson)?;
        let id = value.get("id").and_then(Value::as_str);
        let id_ok = match rule {
            IdRule::Exact => id == Some(url.as_str()),
            IdRule::SameHost => id
                .and_then(|id| Url::parse(id).ok())
                .is_some_and(|id| id.host_str() == url.host_str() && id.port() == url.port()),
        };
        if !id_ok {
            return Err(FetchError::WrongId);
        }
        Ok(Answer::Document(value))
    }
}

enum Answer {
    Document(Value),
    Redirect(Url),
}

/// Why a request failed: refused by the resolver, or the peer could not be reached.
pub fn connect_error(error: reqwest::Error) -> FetchError {
    if is_refused_address(&error) {
        FetchError::NotAllowed(with_causes(&error))
    } else {
        FetchError::Unreachable(with_causes(&error))
    }
}

/// An error with its causes: reqwest's own message names only the URL, the cause says what
/// went wrong (refused connection, unknown certificate issuer...).
fn with_causes(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// `application/activity+json`, or `application/ld+json` with the ActivityStreams profile.
pub fn is_activity_json(content_type: &str) -> bool {
    let media_type = content_type.split(';').next().unwrap_or_default().trim();
    media_type == "application/activity+json"
        || (media_type == "application/ld+json"
            && content_type.contains("https://www.w3.org/ns/activitystreams"))
}

/// Reads a body, stopping as soon as it passes `cap` bytes (memory stays bounded, and an
/// endless body ends the read at once).
pub async fn read_capped(response: reqwest::Response, cap: usize) -> Result<Vec<u8>, FetchError> {
    if response.content_length().is_some_and(|length| length > cap as u64) {
        return Err(FetchError::TooLarge);
    }
    let mut body = Vec::new();
    let mut stream = response.bytes_stream();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|e| FetchError::Unreachable(e.to_string()))?;
        if body.len() + chunk.len() > cap {
            return Err(FetchError::TooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strict_http() -> FederationHttp {
        FederationHttp::new(HttpOptions {
            user_agent: "test",
            insecure: false,
            deadline: Duration::from_secs(5),
            extra_roots: Vec::new(),
            allowed_private_networks: Networks::default(),
        })
        .unwrap()
    }

    #[tokio::test]
    async fn the_client_itself_refuses_names_of_private_addresses() {
        // Straight through the client, with no check before: every path that sends a request
        // (fetches, WebFinger, deliveries) goes through this resolver.
        let http = strict_http();
        let request = http.client.get("https://localhost:9/inbox").build().unwrap();
        let error = http.client.execute(request).await.unwrap_err();
        assert!(is_refused_address(&error), "{}", with_causes(&error));
        let request = http.client.get("https://localhost:9/inbox").build().unwrap();
        assert!(matches!(http.execute(request).await, Err(FetchError::NotAllowed(_))));
    }

    #[test]
    fn literal_addresses_are_checked_before_connecting() {
        let http = strict_http();
        for refused in [
            "https://127.0.0.1/x",
            "https://[::1]/x",
            "https://[::127.0.0.1]/x",
            "https://[2002:7f00:1::1]/x",
            "https://2130706433/x",
            "https://192.88.99.1/x",
        ] {
            let url = Url::parse(refused).unwrap();
            assert!(matches!(http.check_url(&url), Err(FetchError::NotAllowed(_))), "{refused}");
        }
        assert!(http.check_url(&Url::parse("https://93.184.216.34/x").unwrap()).is_ok());
        assert!(
            http.check_url(&Url::parse("http://93.184.216.34/x").unwrap()).is_err(),
            "http only in tests"
        );
    }
}

//! The inbox's checks that need neither the network nor the database: everything it decides
//! about a request from its headers and body alone. The inbox runs them in this order, with its
//! lookups (blocked peers, rate limits, the signer's key, duplicates) in between; [`classify`]
//! runs them all in a row, as the fuzz target and the tests do.
//!
//! 1. [`check_request`]: content type, size, `Signature` header, date, digest, host, key id.
//! 2. [`read_envelope`]: the body as JSON with string `id` and `actor`, and its `type` label.
//! 3. [`check_signed_by_actor`]: the key id names the activity's actor (before any key fetch).
//! 4. [`check_activity_id`]: the activity id is a URL on the signer's host.
//! 5. [`parse_activity`]: the activity read into its wire type ([`Inbound`]).

use axum::http::{HeaderMap, header};
use serde_json::Value;
use url::Url;

use super::activities;
use super::delivery::enqueue::domain_of;
use super::http::is_activity_json;
use super::inbox::{InboxError, MAX_ACTIVITY_BYTES};
use super::protocol::{Inbound, parse_inbound};
use super::verify::{self, SignatureClaim, VerifyError};
use crate::domain::Timestamp;

/// What a request's headers claim once they passed the checks that need no key.
#[derive(Debug, Clone)]
pub struct SignedRequest {
    pub claim: SignatureClaim,
    pub key_url: Url,
    /// The host (with port) of the key id: the peer the request comes from.
    pub signer_host: String,
}

/// Where a request arrived and when: what the checks compare the request with.
#[derive(Debug, Clone, Copy)]
pub struct Receiver<'a> {
    /// Our own host (with port), as in `acct:name@host`.
    pub our_host: &'a str,
    /// The host the request was addressed to (`client_address::request_host`).
    pub received_host: &'a str,
    /// Development mode: loopback hosts count as ours.
    pub insecure: bool,
    pub now: Timestamp,
}

/// Step 1: the request's content type and size, its signature's form, date and digest, the
/// host it was addressed to, and the key id. `body` is the whole body as received.
pub fn check_request(
    headers: &HeaderMap,
    body: &[u8],
    receiver: Receiver<'_>,
) -> Result<SignedRequest, InboxError> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    if !is_activity_json(&content_type) {
        return Err(InboxError::UnsupportedMediaType);
    }
    if body.len() > MAX_ACTIVITY_BYTES {
        return Err(InboxError::TooLarge);
    }
    let claim = verify::precheck(headers, Some(body), receiver.now)?;
    if !verify::is_our_host(receiver.received_host, receiver.our_host, receiver.insecure) {
        return Err(VerifyError::WrongHost.into());
    }
    let key_url = claim.key_url()?;
    let signer_host = domain_of(&key_url).ok_or(VerifyError::Malformed("keyId without host"))?;
    Ok(SignedRequest { claim, key_url, signer_host })
}

/// An activity's body as JSON, with what the inbox needs before reading it further.
#[derive(Debug, Clone)]
pub struct Envelope {
    pub value: Value,
    /// The `type`, as the metrics label it (`Create`, `other`, `unknown`).
    pub label: &'static str,
    /// The `id` and `actor` when they are strings, otherwise empty.
    pub id: String,
    pub actor: String,
}

/// Step 2: the body as JSON.
pub fn read_envelope(body: &[u8]) -> Result<Envelope, InboxError> {
    let value: Value =
        serde_json::from_slice(body).map_err(|e| InboxError::BadRequest(format!("invalid JSON: {e}")))?;
    let label = crate::observability::metrics::activity_label(value.get("type").and_then(Value::as_str));
    let text = |field: &str| value.get(field).and_then(Value::as_str).unwrap_or_default().to_owned();
    let (id, actor) = (text("id"), text("actor"));
    Ok(Envelope { value, label, id, actor })
}

/// Step 3: a `{actor}#key` id names its actor, so someone else's activity is refused before
/// anything is fetched. Other key shapes (GoToSocial's `{actor}/main-key`) must at least be on
/// the actor's host; the key's owner is checked against the actor once it is fetched.
pub fn check_signed_by_actor(envelope: &Envelope, request: &SignedRequest) -> Result<(), InboxError> {
    let signed_by_actor = match request.key_url.fragment() {
        Some(_) => request.claim.actor_url()?.as_str() == envelope.actor,
        None => {
            Url::parse(&envelope.actor).is_ok_and(|actor| activities::same_host(&actor, &request.key_url))
        }
    };
    if signed_by_actor { Ok(()) } else { Err(InboxError::Forbidden("the activity's actor did not sign it")) }
}

/// Step 4: the activity id is a URL on the signer's host.
pub fn check_activity_id(envelope: &Envelope, signer_host: &str) -> Result<Url, InboxError> {
    let id =
        Url::parse(&envelope.id).map_err(|_| InboxError::BadRequest("activity id is not a URL".into()))?;
    if domain_of(&id).as_deref() != Some(signer_host) {
        return Err(InboxError::Forbidden("activity id on another host than its actor"));
    }
    Ok(id)
}

/// Step 5: the activity read by its kind.
pub fn parse_activity(envelope: &Envelope) -> Result<Inbound, InboxError> {
    parse_inbound(envelope.value.clone()).map_err(|e| InboxError::BadRequest(e.to_string()))
}

/// What an incoming request is, as far as headers and body alone tell.
#[derive(Debug, Clone)]
pub struct Classified {
    pub request: SignedRequest,
    pub id: Url,
    pub actor: String,
    pub activity: Inbound,
}

/// All the checks in the inbox's order, without its lookups: what the inbox would refuse on
/// sight, or the activity it would go on with once the signer's key verifies.
pub fn classify(headers: &HeaderMap, body: &[u8], receiver: Receiver<'_>) -> Result<Classified, InboxError> {
    let request = check_request(headers, body, receiver)?;
    let envelope = read_envelope(body)?;
    check_signed_by_actor(&envelope, &request)?;
    let id = check_activity_id(&envelope, &request.signer_host)?;
    let activity = parse_activity(&envelope)?;
    Ok(Classified { request, id, actor: envelope.actor, activity })
}

//! From a signature's `keyId` to the actor that owns the key.
//!
//! Mastodon, Lemmy and most others use `{actor}#main-key`: the actor is the key id without its
//! fragment, and its document carries the key. GoToSocial uses `{actor}/main-key` and answers
//! that URL with a stub of the actor (`id` is the actor, `publicKey.owner` too). Others publish a
//! key document of its own with `owner` (or `controller`). Whatever the shape, the owner must
//! be on the key's host and its own actor document must publish the key, so a signature that
//! verifies with the owner's stored key was made by the owner.
//!
//! An owner fetched for a request is not stored until the request's signature verifies with
//! its key ([`KeyOwner::keep`]): an unsigned or forged request leaves nothing behind, and a
//! stored key is only replaced by one that verified.

use serde_json::Value;
use url::Url;

use super::activities::same_host;
use super::delivery::enqueue::domain_of;
use super::protocol::ActorJson;
use super::resolve::{self, ResolveError};
use super::signatures::PublishedKeys;
use super::signatures::multikey::Multikey;
use crate::domain::ActorId;
use crate::service::{peers, remote};
use crate::state::AppState;

/// The actor a key belongs to, with the key we verify against.
#[derive(Debug, Clone)]
pub struct KeyOwner {
    pub url: Url,
    pub public_key_pem: String,
    /// Its FEP-521a ed25519 keys (`assertionMethod`).
    pub multikeys: Vec<Multikey>,
    source: OwnerSource,
}

#[derive(Debug, Clone)]
enum OwnerSource {
    /// Stored here already.
    Stored(ActorId),
    /// Just fetched; stored by [`KeyOwner::keep`] once a signature verified with its key.
    Fetched(Box<ActorJson>),
}

impl KeyOwner {
    /// The owner's stored actor: call it once the request's signature verified with
    /// `public_key_pem`. A fetched owner is stored (or its stored record updated) only now.
    pub async fn keep(self, state: &AppState) -> Result<ActorId, ResolveError> {
        match self.source {
            OwnerSource::Stored(actor) => Ok(actor),
            OwnerSource::Fetched(document) => Ok(resolve::store_actor(state, *document).await?.0),
        }
    }

    /// The keys a signature of the owner may verify with.
    pub fn keys(&self) -> PublishedKeys<'_> {
        PublishedKeys { public_key_pem: &self.public_key_pem, multikeys: &self.multikeys }
    }

    fn fetched(document: ActorJson) -> Self {
        Self {
            url: document.id.clone(),
            public_key_pem: document.public_key.public_key_pem.clone(),
            multikeys: document.multikeys(),
            source: OwnerSource::Fetched(Box::new(document)),
        }
    }
}

/// The owner of `key_id` if it is stored here already (no request is made).
pub async fn stored_key_owner(state: &AppState, key_id: &Url) -> Result<Option<KeyOwner>, ResolveError> {
    for candidate in candidates(key_id) {
        if let Some((actor, public_key_pem)) = remote::known_actor(&state.ctx, candidate.as_str()).await? {
            let multikeys = remote::actor_multikeys(&state.ctx, actor).await?;
            return Ok(Some(KeyOwner {
                url: candidate,
                public_key_pem,
                multikeys,
                source: OwnerSource::Stored(actor),
            }));
        }
    }
    Ok(None)
}

/// The owner of `key_id`: stored, or else fetched.
pub async fn key_owner(state: &AppState, key_id: &Url) -> Result<KeyOwner, ResolveError> {
    match stored_key_owner(state, key_id).await? {
        Some(owner) => Ok(owner),
        None => fetch_key_owner(state, key_id).await,
    }
}

/// Fetches the key's owner afresh: a key seen for the first time, or a key that may have been
/// rotated since the owner was stored. Nothing is stored yet (see [`KeyOwner::keep`]).
pub async fn fetch_key_owner(state: &AppState, key_id: &Url) -> Result<KeyOwner, ResolveError> {
    let mut document_url = key_id.clone();
    document_url.set_fragment(None);
    if key_id.fragment().is_some() {
        // `{actor}#key`: the actor itself.
        let actor = resolve::fetch_actor_document(state, &document_url).await?;
        if actor.id != document_url {
            return Err(ResolveError::Invalid("the key's actor has another id"));
        }
        return Ok(KeyOwner::fetched(actor));
    }
    let host = domain_of(key_id).ok_or(ResolveError::Invalid("keyId without host"))?;
    if peers::is_refused(&state.ctx, &host).await? {
        return Err(ResolveError::Blocked(host));
    }
    let (key, known) = resolve::fetch_key_for(state, &host).await?;
    let fetched = state.http.fetch_key_document(&document_url, Some(&key)).await?;
    resolve::learn_format(state, &host, known, fetched.answered_format).await?;
    let document = fetched.document;
    let (owner, key_pem) =
        owner_in(&document, key_id).ok_or(ResolveError::Invalid("no owner for the key"))?;
    if !same_host(&owner, key_id) {
        return Err(ResolveError::Invalid("key owned by an actor on another host"));
    }
    // The key id is the full actor document: use it as it is.
    if owner == document_url
        && let Ok(actor) = serde_json::from_value::<ActorJson>(document)
        && actor.id == owner
    {
        return Ok(KeyOwner::fetched(actor));
    }
    let actor = resolve::fetch_actor_document(state, &owner).await?;
    if actor.id != owner {
        return Err(ResolveError::Invalid("the key's owner has another id"));
    }
    if key_pem.is_some_and(|pem| pem.trim() != actor.public_key.public_key_pem.trim()) {
        return Err(ResolveError::Invalid("the owner does not publish this key"));
    }
    Ok(KeyOwner::fetched(actor))
}

/// Actors the key may belong to, most likely first: the key id without fragment, and for
/// fragment-less ids like `{actor}/main-key` the path one level up.
fn candidates(key_id: &Url) -> Vec<Url> {
    let mut without_fragment = key_id.clone();
    without_fragment.set_fragment(None);
    let mut urls = vec![without_fragment.clone()];
    if key_id.fragment().is_none() && key_id.query().is_none() {
        let path = key_id.path().trim_end_matches('/');
        if let Some((parent, last)) = path.rsplit_once('/')
            && !parent.is_empty()
            && !last.is_empty()
        {
            let mut parent_url = without_fragment;
            parent_url.set_path(parent);
            urls.push(parent_url);
        }
    }
    urls
}

/// Who the document says owns `key_id`, and the key's PEM where the document has it.
fn owner_in(document: &Value, key_id: &Url) -> Option<(Url, Option<String>)> {
    let key = match document.get("publicKey") {
        Some(Value::Array(keys)) => {
            keys.iter().find(|k| k.get("id").and_then(Value::as_str) == Some(key_id.as_str()))
        }
        Some(key @ Value::Object(_)) => Some(key),
        _ => None,
    };
    // Either a key inside an actor (or GoToSocial's stub), or a key document of its own.
    let key = key.unwrap_or(document);
    let owner = ["owner", "controller"]
        .iter()
        .find_map(|field| key.get(*field).and_then(Value::as_str))
        .or_else(|| document.get("id").and_then(Value::as_str).filter(|_| document.get("inbox").is_some()))?;
    let pem = key.get("publicKeyPem").and_then(Value::as_str).map(str::to_owned);
    Some((Url::parse(owner).ok()?, pem))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn url(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    #[test]
    fn candidates_cover_fragments_and_gotosocial_paths() {
        assert_eq!(
            candidates(&url("https://m.example/users/ana#main-key")),
            vec![url("https://m.example/users/ana")]
        );
        assert_eq!(
            candidates(&url("https://g.example/users/ana/main-key")),
            vec![url("https://g.example/users/ana/main-key"), url("https://g.example/users/ana")]
        );
        assert_eq!(candidates(&url("https://g.example/actor")), vec![url("https://g.example/actor")]);
    }

    #[test]
    fn owners_are_read_from_actors_stubs_and_key_documents() {
        let key = url("https://g.example/users/ana/main-key");
        let stub = json!({"id": "https://g.example/users/ana", "type": "Person",
            "publicKey": {"id": key.as_str(), "owner": "https://g.example/users/ana", "publicKeyPem": "PEM"}});
        assert_eq!(owner_in(&stub, &key), Some((url("https://g.example/users/ana"), Some("PEM".into()))));
        let document = json!({"id": key.as_str(), "type": "CryptographicKey",
            "controller": "https://g.example/users/ana", "publicKeyPem": "PEM"});
        assert_eq!(owner_in(&document, &key), Some((url("https://g.example/users/ana"), Some("PEM".into()))));
        assert_eq!(owner_in(&json!({"id": key.as_str(), "type": "Note"}), &key), None);
    }
}

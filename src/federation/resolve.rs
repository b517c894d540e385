//! Finding remote actors and objects: by `name@host` through WebFinger, or by URL, fetched with
//! the instance actor's signature and stored through the service layer.

use serde_json::Value;
use url::Url;

use super::http::{FetchError, FetchKey};
use super::protocol::{ActorJson, ActorKind, OrderedCollectionJson, OrderedCollectionPageJson};
use super::webfinger;
use crate::domain::{ActorId, GroupLanguages};
use crate::federation::delivery::enqueue::domain_of;
use crate::federation::signatures::SignatureFormat;
use crate::service::remote::{self, RemoteActor, RemoteActorExtras, RemoteActorKind, RemoteGroupExtras};
use crate::service::{ServiceError, instance, peer_signatures};
use crate::state::AppState;

#[derive(Debug, thiserror::Error)]
pub enum ResolveError {
    #[error(transparent)]
    Fetch(#[from] FetchError),
    #[error("not an actor we can use: {0}")]
    Invalid(&'static str),
    #[error("the instance {0} is blocked")]
    Blocked(String),
    #[error(transparent)]
    Service(#[from] ServiceError),
}

/// The key our fetches are signed with, in the format for peers not known yet.
pub async fn fetch_key(state: &AppState) -> Result<FetchKey, ServiceError> {
    Ok(FetchKey {
        key_id: format!("{}#main-key", state.uris.instance_actor()),
        private_key_pem: instance::instance_private_key(&state.ctx).await?,
        format: state.http.first_signature_format,
    })
}

/// The key our fetches from `host` are signed with, in the format `host` is known to take;
/// with what is known (for [`learn_format`]).
pub async fn fetch_key_for(
    state: &AppState,
    host: &str,
) -> Result<(FetchKey, Option<SignatureFormat>), ServiceError> {
    let known = peer_signatures::known_format(&state.ctx, host).await?;
    let mut key = fetch_key(state).await?;
    key.format = known.unwrap_or(key.format);
    Ok((key, known))
}

/// Remembers the format `host` answered a signed fetch in, when it is news.
pub async fn learn_format(
    state: &AppState,
    host: &str,
    known: Option<SignatureFormat>,
    answered: Option<SignatureFormat>,
) -> Result<(), ServiceError> {
    match answered {
        Some(format) if known != Some(format) => peer_signatures::accepted(&state.ctx, host, format).await,
        _ => Ok(()),
    }
}

/// Fetches an ActivityPub document, signed by the instance actor.
pub async fn fetch_document(state: &AppState, url: &Url) -> Result<Value, ResolveError> {
    let host = domain_of(url).ok_or(ResolveError::Invalid("URL without host"))?;
    if crate::service::peers::is_refused(&state.ctx, &host).await? {
        return Err(ResolveError::Blocked(host));
    }
    let (key, known) = fetch_key_for(state, &host).await?;
    let fetched = state.http.fetch_document(url, Some(&key)).await?;
    learn_format(state, &host, known, fetched.answered_format).await?;
    Ok(fetched.document)
}

/// The items of the collection at `url`: inline, or from its pages (`first`, then `next`), at
/// most `max_pages` pages and `max_items` items. Only pages on `owner`'s host are read.
pub async fn collection_items(
    state: &AppState,
    url: &Url,
    owner: &Url,
    max_pages: usize,
    max_items: usize,
) -> Result<Vec<Value>, ResolveError> {
    let collection: OrderedCollectionJson = serde_json::from_value(fetch_document(state, url).await?)
        .map_err(|_| ResolveError::Invalid("not a collection"))?;
    let mut items: Vec<Value> = collection.items().iter().take(max_items).cloned().collect();
    let mut next = collection.first.clone().filter(|_| items.is_empty());
    let mut pages = 0;
    while let Some(page_url) = next.take() {
        if pages >= max_pages || items.len() >= max_items || domain_of(&page_url) != domain_of(owner) {
            break;
        }
        pages += 1;
        let page: OrderedCollectionPageJson = serde_json::from_value(fetch_document(state, &page_url).await?)
            .map_err(|_| ResolveError::Invalid("not a collection page"))?;
        let room = max_items - items.len();
        items.extend(page.ordered_items.into_iter().take(room));
        next = page.next.filter(|next| next != &page_url);
    }
    Ok(items)
}

/// Fetches and stores a remote actor; returns its row id and public key.
pub async fn fetch_actor(state: &AppState, url: &Url) -> Result<(ActorId, String), ResolveError> {
    let actor = fetch_actor_document(state, url).await?;
    store_actor(state, actor).await
}

/// Fetches a remote actor's document without storing it.
pub async fn fetch_actor_document(state: &AppState, url: &Url) -> Result<ActorJson, ResolveError> {
    let document = fetch_document(state, url).await?;
    serde_json::from_value(document).map_err(|_| ResolveError::Invalid("not an actor"))
}

/// Checks an actor document and stores it. Its inbox must be on the actor's own host.
pub async fn store_actor(state: &AppState, actor: ActorJson) -> Result<(ActorId, String), ResolveError> {
    let host = domain_of(&actor.id).ok_or(ResolveError::Invalid("actor id without host"))?;
    if domain_of(&actor.inbox).as_deref() != Some(host.as_str()) {
        return Err(ResolveError::Invalid("inbox on another host"));
    }
    if host.eq_ignore_ascii_case(state.uris.host()) {
        return Err(ResolveError::Invalid("claims to be local"));
    }
    let shared_inbox =
        actor.shared_inbox().filter(|s| domain_of(s).as_deref() == Some(host.as_str())).cloned();
    let kind = match actor.kind {
        ActorKind::Group => RemoteActorKind::Group,
        ActorKind::Application | ActorKind::Service => RemoteActorKind::Application,
        _ => RemoteActorKind::Person,
    };
    let public_key_pem = actor.public_key.public_key_pem.clone();
    if actor.public_key.owner != actor.id {
        return Err(ResolveError::Invalid("key owned by another actor"));
    }
    let group_kind =
        actor.attachment.iter().find(|field| field.name == "Kind").map(|field| {
            if field.value.starts_with("Project") { "project" } else { "discussion" }.to_owned()
        });
    let organisation = super::organisation_objects::organisation_of(&actor);
    let id = remote::store_remote_actor(
        &state.ctx,
        RemoteActor {
            ap_id: actor.id.to_string(),
            host,
            kind,
            name: actor.handle_name(),
            display_name: actor.name.clone().unwrap_or_default(),
            summary_html: actor.summary.clone().unwrap_or_default(),
            inbox: actor.inbox.to_string(),
            shared_inbox: shared_inbox.map(|s| s.to_string()),
            followers: actor.followers.as_ref().map(ToString::to_string),
            public_key_pem: public_key_pem.clone(),
            group_kind,
            avatar: actor.icon.as_ref().map(|image| image.url.to_string()),
            header: actor.image.as_ref().map(|image| image.url.to_string()),
            extras: RemoteActorExtras {
                organisation,
                also_known_as: actor.also_known_as.iter().map(ToString::to_string).collect(),
                moved_to: actor.moved_to.as_ref().map(ToString::to_string),
                multikeys: actor.multikeys(),
                group: (kind == RemoteActorKind::Group).then(|| RemoteGroupExtras {
                    languages: GroupLanguages::parse_lenient(
                        actor.language.iter().map(|language| language.identifier.as_str()),
                    ),
                    // Lemmy 1.0 marks a private community with `manuallyApprovesFollowers`; so do we.
                    private: actor.manually_approves_followers == Some(true),
                    project: actor.project.as_ref().map(super::project_document::project_from_json),
                }),
            },
        },
    )
    .await?;
    Ok((id, public_key_pem))
}

/// A stored actor by URL, fetching it the first time.
pub async fn actor_by_url(state: &AppState, url: &Url) -> Result<(ActorId, String), ResolveError> {
    if let Some(known) = remote::known_actor(&state.ctx, url.as_str()).await? {
        return Ok(known);
    }
    fetch_actor(state, url).await
}

/// A person or group named the way people type it: an actor URL, `name@host` (looked up through
/// WebFinger; our own host is read here), or a bare local name. None when nothing is found.
pub async fn actor_by_handle_or_url(state: &AppState, input: &str) -> Option<ActorId> {
    let input = input.trim();
    if input.starts_with("https://") || input.starts_with("http://") {
        let url = Url::parse(input).ok()?;
        return actor_by_url(state, &url).await.map(|(id, _)| id).ok();
    }
    let handle = input.trim_start_matches('@');
    let local_name = match handle.split_once('@') {
        Some((name, host)) if host.eq_ignore_ascii_case(state.uris.host()) => name,
        Some(_) => return resolve_handle(state, handle).await.ok(),
        None => handle,
    };
    let person = remote::local_actor_id(&state.ctx, "person", local_name).await.ok().flatten();
    match person {
        Some(person) => Some(person),
        None => remote::local_actor_id(&state.ctx, "group", local_name).await.ok().flatten(),
    }
}

/// Resolves `name@host` (with or without a leading `@`) through WebFinger to a stored actor.
pub async fn resolve_handle(state: &AppState, handle: &str) -> Result<ActorId, ResolveError> {
    let (name, host) = webfinger::parse_handle(handle).ok_or(ResolveError::Invalid("expected name@host"))?;
    let scheme = if state.http.insecure { "http" } else { "https" };
    let query = webfinger::query_url(scheme, name, host).ok_or(ResolveError::Invalid("bad host"))?;
    let jrd =
        state.http.fetch_small_json(&query, "application/jrd+json, application/json", MAX_JRD_BYTES).await?;
    let self_link =
        webfinger::self_link(&jrd).ok_or(ResolveError::Invalid("no ActivityPub link in WebFinger"))?;
    Ok(actor_by_url(state, &self_link).await?.0)
}

/// Largest WebFinger answer we read (a JRD is a few hundred bytes).
pub const MAX_JRD_BYTES: usize = 64 * 1024;

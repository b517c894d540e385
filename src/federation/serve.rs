//! Serving our actors, posts and collections as ActivityPub JSON. The canonical URLs negotiate:
//! `/u/`, `/g/`, `/t/` and `/p/` answer HTML to browsers and JSON to `Accept:
//! application/activity+json` (or `application/ld+json`), through [`negotiate`].

use axum::extract::{Path, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::Value;

use super::error::FederationError;
use super::objects::{self, PostDocument};
use super::protocol::{OrderedCollectionJson, with_context};
use crate::domain::PostId;
use crate::service::{ServiceError, federated, thread_collections};
use crate::state::AppState;

/// Whether the client asks for ActivityPub JSON rather than a page.
pub fn wants_activity_json(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|accept| accept.contains("application/activity+json") || accept.contains("application/ld+json"))
}

/// Answers GETs of canonical URLs with JSON when asked for it; everything else goes on to the
/// HTML pages.
pub async fn negotiate(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if request.method() != Method::GET || !wants_activity_json(request.headers()) {
        return next.run(request).await;
    }
    let path = request.uri().path().trim_end_matches('/').to_owned();
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    if !matches!(segments.as_slice(), ["u" | "g" | "t" | "p" | "e", _] | ["g", _, "events"]) {
        return next.run(request).await;
    }
    let signed = super::signed_fetch::SignedRequest::of(&request, &state.uris);
    if let Err(refused) = super::signed_fetch::check(&state, &signed).await {
        return refused.into_response();
    }
    let result = match segments.as_slice() {
        ["u", name] => actor(&state, name, "person").await,
        ["g", name] => actor(&state, name, "group").await,
        ["t", id] => post(&state, id, true, &signed).await,
        ["p", id] => post(&state, id, false, &signed).await,
        ["e", id] => event(&state, id).await,
        ["g", name, "events"] => group_events(&state, name).await,
        _ => return next.run(request).await,
    };
    result.unwrap_or_else(IntoResponse::into_response)
}

/// `/actor`: the instance actor (FEP-2677), JSON only.
pub async fn instance_actor(State(state): State<AppState>) -> Result<Response, FederationError> {
    actor(&state, crate::service::instance::INSTANCE_ACTOR_NAME, "application").await
}

/// A local actor; the path must match its kind, so each actor has exactly one id. A remote
/// person or group known here (`/u/name@host`, `/g/name@host`) redirects to its origin.
async fn actor(state: &AppState, name: &str, kind: &str) -> Result<Response, FederationError> {
    if let Some(origin) = thread_collections::remote_origin_of_actor(&state.ctx, name, kind).await? {
        return redirect_to_origin(&origin);
    }
    let actor = federated::get_local_actor(&state.ctx, name).await?;
    if actor.kind != kind {
        return Err(FederationError::NotFound);
    }
    let json = objects::actor_json(&state.uris, &actor).map_err(|_| FederationError::NotFound)?;
    Ok(activity_json(&json))
}

/// A local post; `/t/` serves thread openers and `/p/` replies, so each has exactly one id. A
/// remote post we hold redirects to its origin (the local page of a thread a remote person
/// started in one of our groups, say).
async fn post(
    state: &AppState,
    id: &str,
    opener: bool,
    signed: &super::signed_fetch::SignedRequest<'_>,
) -> Result<Response, FederationError> {
    let id = id.parse::<i64>().map(PostId).map_err(|_| FederationError::NotFound)?;
    // A private group's post or a followers-only one: only to a signer who may see it.
    if !may_fetch(state, id, signed).await? {
        return Err(FederationError::NotFound);
    }
    if let Some(origin) = thread_collections::remote_origin_of_post(&state.ctx, id, opener).await? {
        return redirect_to_origin(&origin);
    }
    let post = federated::get_post(&state.ctx, id).await?;
    if !post.local || post.is_thread_opener() != opener {
        return Err(FederationError::NotFound);
    }
    match objects::post_json(&state.uris, &post).map_err(|_| FederationError::NotFound)? {
        PostDocument::Post(json) => Ok(activity_json(&json)),
        PostDocument::Tombstone(tombstone) => {
            let mut response = activity_json(&tombstone);
            *response.status_mut() = axum::http::StatusCode::GONE;
            Ok(response)
        }
    }
}

/// Whether this GET may see post `id`: open posts always (as far as signed fetch allows),
/// others only with a valid signature of an actor who may read it or whose instance hosts one
/// (`service::private_groups`). The signature is checked only for such posts.
pub async fn may_fetch(
    state: &AppState,
    id: PostId,
    signed: &super::signed_fetch::SignedRequest<'_>,
) -> Result<bool, FederationError> {
    if crate::service::private_groups::visibility_of(&state.ctx, id).await?.is_open() {
        return Ok(true);
    }
    let signer = super::signed_fetch::verified_signer(state, signed).await;
    Ok(crate::service::private_groups::may_fetch(&state.ctx, signer, id).await?)
}

/// A local event (`/e/{id}`) as a Mobilizon-compatible `Event`; a deleted one as a Tombstone.
async fn event(state: &AppState, id: &str) -> Result<Response, FederationError> {
    let id = id.parse::<i64>().map(crate::domain::EventId).map_err(|_| FederationError::NotFound)?;
    match crate::service::events::local_event_deleted(&state.ctx, id).await? {
        None => Err(FederationError::NotFound),
        Some(true) => {
            let mut tombstone = super::protocol::TombstoneJson::new(
                objects::url(&state.uris.event(id.0)).map_err(|_| FederationError::NotFound)?,
            );
            tombstone.former_type = Some("Event".to_owned());
            let mut response = activity_json(&tombstone);
            *response.status_mut() = axum::http::StatusCode::GONE;
            Ok(response)
        }
        Some(false) => {
            let event = crate::service::events::get_event(&state.ctx, id).await?;
            let json = super::event_objects::event_json(&state.uris, &event)
                .map_err(|_| FederationError::NotFound)?;
            Ok(json_response(&super::event_objects::with_event_context(&json)))
        }
    }
}

/// `/quote-authorizations/{id}`: a quote stamp we issued (FEP-044f), while it stands; a
/// withdrawn or unknown one is not found.
pub async fn quote_authorization(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, FederationError> {
    let id = id.parse::<i64>().map_err(|_| FederationError::NotFound)?;
    let stamp =
        crate::service::quotes::get_authorization(&state.ctx, id).await?.ok_or(FederationError::NotFound)?;
    let json = super::protocol::QuoteAuthorizationJson::new(
        objects::url(&state.uris.absolute(&super::uris::quote_authorization_path(stamp.id)))
            .map_err(|_| FederationError::NotFound)?,
        objects::url(&state.uris.user(&stamp.author_name)).map_err(|_| FederationError::NotFound)?,
        objects::url(&stamp.quoting_ap_id).map_err(|_| FederationError::NotFound)?,
        objects::url(&state.uris.post(stamp.quoted_post, stamp.quoted_is_opener))
            .map_err(|_| FederationError::NotFound)?,
    );
    Ok(activity_json(&json))
}

/// Events listed in a group's events collection.
pub const COLLECTION_EVENTS: usize = 20;

/// `/g/{name}/events` as JSON: the group's latest events (by start, newest first) as embedded
/// `Event`s, which peers read to pull in events when they first follow.
async fn group_events(state: &AppState, name: &str) -> Result<Response, FederationError> {
    let group = federated::get_local_actor(&state.ctx, name).await?;
    if group.kind != "group" {
        return Err(FederationError::NotFound);
    }
    let (_, _, events) = crate::service::events::list_group_feed_events(&state.ctx, &group.name).await?;
    let items = events
        .iter()
        .take(COLLECTION_EVENTS)
        .filter_map(|event| super::event_objects::event_json(&state.uris, event).ok())
        .filter_map(|json| serde_json::to_value(json).ok())
        .collect();
    let id = objects::url(&state.uris.events_of(&group.name)).map_err(|_| FederationError::NotFound)?;
    Ok(json_response(&super::event_objects::with_event_context(&OrderedCollectionJson::new(id, items))))
}

/// `/u/{name}/followers`, `/g/{name}/followers`: the count only (members are not listed).
pub async fn followers(
    State(state): State<AppState>,
    Path(name): Path<String>,
) -> Result<Response, FederationError> {
    let actor = federated::get_local_actor(&state.ctx, &name).await?;
    let total = federated::count_followers(&state.ctx, actor.id).await?;
    let id = objects::url(&state.uris.followers_of(&actor.kind, &actor.name))
        .map_err(|_| FederationError::NotFound)?;
    let mut collection = OrderedCollectionJson::new(id, Vec::new());
    collection.total_items = Some(u64::try_from(total).unwrap_or_default());
    collection.ordered_items = None;
    Ok(activity_json(&collection))
}

/// `/g/{name}/moderators`: the group's owner and moderators (Lemmy reads `attributedTo` here).
pub async fn moderators(
    State(state): State<AppState>,
    Path(name): Path<String>,
) -> Result<Response, FederationError> {
    let group = federated::get_local_actor(&state.ctx, &name).await?;
    if group.kind != "group" {
        return Err(FederationError::NotFound);
    }
    let items = group
        .moderators
        .iter()
        .map(|moderator| match moderator {
            federated::Moderator::Local(name) => Value::String(state.uris.user(name)),
            federated::Moderator::Remote(ap_id) => Value::String(ap_id.clone()),
        })
        .collect();
    let id = objects::url(&state.uris.moderators_of(&group.name)).map_err(|_| FederationError::NotFound)?;
    Ok(activity_json(&OrderedCollectionJson::new(id, items)))
}

/// `/g/{name}/featured`: the group's pinned threads as `Page`s, most recently pinned first
/// (Lemmy's featured posts).
pub async fn featured(
    State(state): State<AppState>,
    Path(name): Path<String>,
) -> Result<Response, FederationError> {
    let group = federated::get_local_actor(&state.ctx, &name).await?;
    if group.kind != "group" {
        return Err(FederationError::NotFound);
    }
    let mut items = Vec::new();
    for id in crate::service::thread_pins::pinned_threads_of(&state.ctx, group.id.0).await? {
        let post = federated::get_post(&state.ctx, id).await?;
        if let Ok(PostDocument::Post(page)) = objects::post_json(&state.uris, &post) {
            items.extend(serde_json::to_value(page).ok());
        }
    }
    let id = objects::url(&state.uris.featured_of(&group.name)).map_err(|_| FederationError::NotFound)?;
    Ok(activity_json(&OrderedCollectionJson::new(id, items)))
}

/// Threads listed in a group's outbox, for peers that backfill when they first follow.
pub const OUTBOX_THREADS: i64 = 20;

/// `/g/{name}/outbox`: the group's latest threads as `Create(Page)` (what Lemmy and we read to
/// backfill); `/u/{name}/outbox`: empty (people post in groups).
pub async fn outbox(
    State(state): State<AppState>,
    Path(name): Path<String>,
) -> Result<Response, FederationError> {
    let outbox = federated::get_outbox(&state.ctx, &name, OUTBOX_THREADS).await?;
    let id = objects::url(&state.uris.outbox_of(&outbox.kind, &outbox.name))
        .map_err(|_| FederationError::NotFound)?;
    let items = outbox
        .threads
        .iter()
        .filter_map(|post| {
            let Ok(PostDocument::Post(page)) = objects::post_json(&state.uris, post) else { return None };
            let create_id = objects::url(&format!("{}#create", page.id)).ok()?;
            serde_json::to_value(super::protocol::CreateJson::new(create_id, *page)).ok()
        })
        .collect();
    Ok(activity_json(&OrderedCollectionJson::new(id, items)))
}

/// `302 Found` to a remote object's own id: its origin serves it, not we.
fn redirect_to_origin(origin: &str) -> Result<Response, FederationError> {
    let location = HeaderValue::from_str(origin).map_err(|_| FederationError::NotFound)?;
    let mut response = StatusCode::FOUND.into_response();
    response.headers_mut().insert(header::LOCATION, location);
    response.headers_mut().insert(header::VARY, HeaderValue::from_static("Accept"));
    Ok(response)
}

/// A document with our `@context`, as `application/activity+json`.
pub fn activity_json<T: Serialize>(document: &T) -> Response {
    json_response(&with_context(document))
}

/// A document that carries its own `@context`, as `application/activity+json`.
fn json_response<T: Serialize>(document: &T) -> Response {
    match serde_json::to_vec(document) {
        Ok(body) => {
            let mut response = body.into_response();
            response
                .headers_mut()
                .insert(header::CONTENT_TYPE, HeaderValue::from_static("application/activity+json"));
            response.headers_mut().insert(header::VARY, HeaderValue::from_static("Accept"));
            response
        }
        Err(error) => FederationError::Service(ServiceError::Internal(error.to_string())).into_response(),
    }
}

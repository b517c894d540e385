//! When someone here first follows a remote group, its latest threads are pulled in from its
//! outbox (bounded), so the group page is not empty until the next post.

use serde_json::Value;
use url::Url;

use super::activities::create::store_post;
use super::activities::same_host;
use super::protocol::{ActorJson, PostJson};
use super::resolve::{self, ResolveError};
use crate::state::AppState;

/// Threads fetched at most.
pub const BACKFILL_THREADS: usize = 20;

/// Fetches the group's outbox and stores the threads in it; returns how many were stored.
pub async fn backfill_group(state: &AppState, group: &Url) -> Result<usize, ResolveError> {
    let actor: ActorJson = serde_json::from_value(resolve::fetch_document(state, group).await?)
        .map_err(|_| ResolveError::Invalid("not an actor"))?;
    let Some(outbox) = actor.outbox else { return Ok(0) };
    if !same_host(&outbox, group) {
        return Ok(0);
    }
    let items = resolve::collection_items(state, &outbox, group, 1, BACKFILL_THREADS).await?;
    let mut stored = 0;
    for item in items {
        let Some(mut post) = post_of(state, item, group).await else { continue };
        if post.in_reply_to.is_some() {
            continue;
        }
        if post.audience.is_none() {
            post.audience = Some(group.clone());
        }
        let Ok((author, _)) = resolve::actor_by_url(state, &post.attributed_to).await else { continue };
        if let Ok(Some(_)) = store_post(state, author, &post, None, 1).await {
            stored += 1;
        }
    }
    tracing::info!(group = %group, stored, "backfilled a remote group");
    Ok(stored)
}

/// The post inside an outbox or thread-context item (`Create`, `Announce(Create)`, a bare
/// object or its URL). Objects from the collection's own server (`origin`) are taken as they
/// are; others are fetched from their origin.
pub(crate) async fn post_of(state: &AppState, item: Value, origin: &Url) -> Option<PostJson> {
    let object = match item.get("type").and_then(Value::as_str)? {
        "Create" => item.get("object")?.clone(),
        "Announce" => {
            let inner = item.get("object")?;
            match inner.get("type").and_then(Value::as_str) {
                Some("Create") => inner.get("object")?.clone(),
                _ => inner.clone(),
            }
        }
        _ => item,
    };
    let embedded = match &object {
        Value::String(id) => None.or(Url::parse(id).ok().map(|url| (url, None))),
        Value::Object(_) => {
            let post: PostJson = serde_json::from_value(object.clone()).ok()?;
            Some((post.id.clone(), Some(post)))
        }
        _ => None,
    }?;
    let post = match embedded {
        (id, Some(post)) if same_host(&id, origin) && same_host(&post.attributed_to, &id) => post,
        (id, _) => {
            let document = resolve::fetch_document(state, &id).await.ok()?;
            let post: PostJson = serde_json::from_value(document).ok()?;
            if !same_host(&post.attributed_to, &post.id) {
                return None;
            }
            post
        }
    };
    Some(post)
}

/// Pulls in a newly followed remote group's latest threads in the background; a failure is
/// logged, the follow stands.
pub fn spawn_backfill(state: &AppState, group: Url) {
    let state = state.clone();
    tokio::spawn(async move {
        if let Err(error) = backfill_group(&state, &group).await {
            tracing::info!(%error, group = %group, "backfill failed");
        }
        if let Err(error) = super::event_backfill::backfill_events(&state, &group).await {
            tracing::info!(%error, group = %group, "event backfill failed");
        }
    });
}

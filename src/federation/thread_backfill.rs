//! A reply to a thread we did not have pulls in the thread (FEP-7888 `context`, FEP-f228): its
//! ancestors are fetched up the `inReplyTo` chain when it arrives (bounded by the depth cap in
//! `activities`), and once the thread's opener is stored, the rest of the thread is read from
//! the opener's `context` collection in the background, bounded in pages and items. The
//! collection must live on the opener's own server or its group's; posts in it from elsewhere
//! are fetched from their origin, as in the group backfill.

use serde_json::Value;
use url::Url;

use super::activities::create::store_post;
use super::activities::same_host;
use super::backfill::post_of;
use super::protocol::{PostJson, PostKind};
use super::resolve::{self, ResolveError};
use crate::service::remote;
use crate::state::AppState;

/// Posts read from one thread's context at most.
pub const CONTEXT_ITEMS: usize = 100;
/// Pages of one thread's context fetched at most.
pub const CONTEXT_PAGES: usize = 5;
/// The depth the context's posts are stored with: their missing parents are still fetched (a
/// step or two), but they never start another thread backfill.
pub const CONTEXT_DEPTH: u8 = super::activities::MAX_DEPTH - 2;

/// The context collection of a newly fetched thread opener, when it is on the opener's server
/// or on its group's (FEP-7888: the group's server owns the conversation).
pub fn context_of(opener: &PostJson) -> Option<Url> {
    let owned_by = |context: &Url| {
        same_host(context, &opener.id)
            || opener.audience.as_ref().is_some_and(|group| same_host(context, group))
    };
    opener.context.clone().filter(|context| opener.in_reply_to.is_none() && owned_by(context))
}

/// Reads the thread in the background; a failure is logged, what arrived stays.
pub fn spawn_thread_backfill(state: &AppState, context: Url) {
    let state = state.clone();
    tokio::spawn(async move {
        match backfill_thread(&state, &context).await {
            Ok(stored) => tracing::info!(context = %context, stored, "backfilled a thread"),
            Err(error) => tracing::info!(%error, context = %context, "thread backfill failed"),
        }
    });
}

/// Fetches the collection's items (inline, or on up to [`CONTEXT_PAGES`] pages) and stores the
/// posts not known yet, in the collection's order (parents first); returns how many were stored.
pub async fn backfill_thread(state: &AppState, context: &Url) -> Result<usize, ResolveError> {
    let items = resolve::collection_items(state, context, context, CONTEXT_PAGES, CONTEXT_ITEMS).await?;
    let mut stored = 0;
    for item in items {
        if let Some(id) = item_id(&item)
            && (state.uris.is_local(&id) || remote::post_by_ap_id(&state.ctx, id.as_str()).await?.is_some())
        {
            continue;
        }
        let Some(post) = post_of(state, item, context).await else { continue };
        if remote::post_by_ap_id(&state.ctx, post.id.as_str()).await?.is_some() {
            continue;
        }
        let Ok((author, _)) = resolve::actor_by_url(state, &post.attributed_to).await else { continue };
        if let Ok(Some(_)) = store_post(state, author, &post, None, CONTEXT_DEPTH).await {
            stored += 1;
        }
    }
    Ok(stored)
}

/// The id of a bare URL item or an embedded object (activities are unwrapped by `post_of`).
fn item_id(item: &Value) -> Option<Url> {
    match item {
        Value::String(id) => Url::parse(id).ok(),
        Value::Object(object)
            if object.get("type").and_then(Value::as_str).is_some_and(PostKind::is_post_type) =>
        {
            object.get("id").and_then(Value::as_str).and_then(|id| Url::parse(id).ok())
        }
        _ => None,
    }
}

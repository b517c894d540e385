//! Serving a thread's collections as ActivityPub (FEP-7888, FEP-f228): `/t/{id}/context` (the
//! whole thread) and `/t/{id}/replies`, `/p/{id}/replies` (a post's direct replies). Each is an
//! `OrderedCollection` with its total and a `first` page; the pages
//! (`?after={post id}`) list the posts by id, oldest first, remote ones by their own ids, and
//! link the `next` page. Which threads we serve is decided in `service::thread_collections`.

use axum::extract::{Path, Query, Request, State};
use axum::response::Response;
use serde::Deserialize;
use serde_json::Value;
use url::Url;

use super::error::FederationError;
use super::objects;
use super::protocol::{OrderedCollectionJson, OrderedCollectionPageJson};
use super::serve::activity_json;
use crate::domain::PostId;
use crate::service::thread_collections::{self, CollectionItem, ThreadCollection};
use crate::state::AppState;

/// `?after=`: the page that starts after this post id (0 for the first page).
#[derive(Debug, Deserialize)]
pub struct PageQuery {
    after: Option<i64>,
}

/// `/t/{id}/context`.
pub async fn thread_context(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(query): Query<PageQuery>,
    request: Request,
) -> Result<Response, FederationError> {
    let root = parse_id(&id)?;
    refuse_unless_fetchable(&state, root, request).await?;
    let url = state.uris.thread_context(root);
    serve(&state, ThreadCollection::Context(root), true, &url, query.after).await
}

/// `/t/{id}/replies`.
pub async fn opener_replies(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(query): Query<PageQuery>,
    request: Request,
) -> Result<Response, FederationError> {
    let post = parse_id(&id)?;
    refuse_unless_fetchable(&state, post, request).await?;
    let url = state.uris.replies_of(post, true);
    serve(&state, ThreadCollection::Replies(post), true, &url, query.after).await
}

/// `/p/{id}/replies`.
pub async fn post_replies(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(query): Query<PageQuery>,
    request: Request,
) -> Result<Response, FederationError> {
    let post = parse_id(&id)?;
    refuse_unless_fetchable(&state, post, request).await?;
    let url = state.uris.replies_of(post, false);
    serve(&state, ThreadCollection::Replies(post), false, &url, query.after).await
}

/// The collections of a private group's thread (or a followers-only post) are served only to
/// signers who may see the post; to anyone else they do not exist.
async fn refuse_unless_fetchable(
    state: &AppState,
    post: PostId,
    request: Request,
) -> Result<(), FederationError> {
    let (parts, _) = request.into_parts();
    let signed = super::signed_fetch::SignedRequest::of_parts(&parts, &state.uris);
    if super::serve::may_fetch(state, post, &signed).await? { Ok(()) } else { Err(FederationError::NotFound) }
}

fn parse_id(id: &str) -> Result<PostId, FederationError> {
    id.parse::<i64>().map(PostId).map_err(|_| FederationError::NotFound)
}

fn page_url(collection: &str, after: i64) -> Result<Url, FederationError> {
    objects::url(&format!("{collection}?after={after}")).map_err(|_| FederationError::NotFound)
}

async fn serve(
    state: &AppState,
    collection: ThreadCollection,
    opener: bool,
    url: &str,
    after: Option<i64>,
) -> Result<Response, FederationError> {
    let total = thread_collections::collection_total(&state.ctx, collection, opener).await?;
    let id = objects::url(url).map_err(|_| FederationError::NotFound)?;
    let Some(after) = after else {
        let total = u64::try_from(total).unwrap_or_default();
        return Ok(activity_json(&OrderedCollectionJson::paged(id, total, page_url(url, 0)?)));
    };
    if after < 0 {
        return Err(FederationError::BadRequest("after must not be negative"));
    }
    let page = thread_collections::collection_page(&state.ctx, collection, after).await?;
    let items = page
        .items
        .into_iter()
        .map(|item| match item {
            CollectionItem::Local { id, opener } => Value::String(state.uris.post(id, opener)),
            CollectionItem::Remote(ap_id) => Value::String(ap_id),
        })
        .collect();
    let next = page.next_after.map(|next| page_url(url, next)).transpose()?;
    let mut json = OrderedCollectionPageJson::new(page_url(url, after)?, id, items, next, None);
    json.total_items = Some(u64::try_from(total).unwrap_or_default());
    Ok(activity_json(&json))
}

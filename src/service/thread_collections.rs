//! The collections of a thread we serve (FEP-7888, FEP-f228): its `context` (every post of the
//! thread) and each post's `replies`. This instance owns the conversation of every thread in its
//! groups, whoever wrote the opener, and of every thread started here; remote posts are listed
//! by their own ids. Also where the local address of a remote object points (its origin).

use super::{Context, ServiceError, federated};
use crate::db;
use crate::domain::PostId;

/// Posts on one page of a collection.
pub const PAGE_SIZE: i64 = 50;

/// A post as a collection lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CollectionItem {
    /// One of ours: `opener` tells `/t/` from `/p/`.
    Local { id: PostId, opener: bool },
    /// A remote post, by its ActivityPub id.
    Remote(String),
}

/// One page, and the id to continue after when there may be more.
#[derive(Debug, Clone, Default)]
pub struct ItemPage {
    pub items: Vec<CollectionItem>,
    pub next_after: Option<i64>,
}

/// Which collection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThreadCollection {
    /// The thread of the opener `root`.
    Context(PostId),
    /// The direct replies to a post.
    Replies(PostId),
}

/// Whether we serve the collections of `post`'s thread: the thread was started here or is in
/// one of our groups. `opener` says which address was asked for (`/t/` or `/p/`).
async fn owns_thread_of(ctx: &Context, post: PostId, opener: bool) -> Result<bool, ServiceError> {
    let post = federated::get_post(ctx, post).await?;
    if post.is_thread_opener() != opener || post.deleted {
        return Ok(false);
    }
    let root = if post.is_thread_opener() { post } else { federated::get_post(ctx, post.root_id).await? };
    Ok(root.local || root.group.as_ref().is_some_and(|group| group.local))
}

/// The total of the collection, or `NotFound` when we do not serve it.
pub async fn collection_total(
    ctx: &Context,
    collection: ThreadCollection,
    opener: bool,
) -> Result<i64, ServiceError> {
    let (post, opener) = match collection {
        ThreadCollection::Context(root) => (root, true),
        ThreadCollection::Replies(post) => (post, opener),
    };
    if !owns_thread_of(ctx, post, opener).await? {
        return Err(ServiceError::NotFound);
    }
    let mut conn = ctx.db.acquire().await?;
    Ok(match collection {
        ThreadCollection::Context(root) => {
            db::thread_collections::count_thread_items(&mut conn.conn(), root.0).await?
        }
        ThreadCollection::Replies(post) => {
            db::thread_collections::count_reply_items(&mut conn.conn(), post.0).await?
        }
    })
}

/// The page of the collection after the post id `after` (0: the first page). The caller checks
/// with [`collection_total`] that we serve it.
pub async fn collection_page(
    ctx: &Context,
    collection: ThreadCollection,
    after: i64,
) -> Result<ItemPage, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let rows = match collection {
        ThreadCollection::Context(root) => {
            db::thread_collections::list_thread_items(&mut conn.conn(), root.0, after, PAGE_SIZE).await?
        }
        ThreadCollection::Replies(post) => {
            db::thread_collections::list_reply_items(&mut conn.conn(), post.0, after, PAGE_SIZE).await?
        }
    };
    let full = i64::try_from(rows.len()).unwrap_or(i64::MAX) >= PAGE_SIZE;
    let next_after = rows.last().filter(|_| full).map(|row| row.id);
    let items = rows
        .into_iter()
        .filter_map(|row| match (row.local, row.ap_id) {
            (true, _) => Some(CollectionItem::Local { id: PostId(row.id), opener: row.id == row.root_id }),
            (false, Some(ap_id)) => Some(CollectionItem::Remote(ap_id)),
            (false, None) => None,
        })
        .collect();
    Ok(ItemPage { items, next_after })
}

/// The origin id of a remote post we hold at `/t/{id}` (`opener`) or `/p/{id}`: where an
/// ActivityPub request for its local address is sent. `None` for our own posts and for
/// addresses that do not fit the post.
pub async fn remote_origin_of_post(
    ctx: &Context,
    id: PostId,
    opener: bool,
) -> Result<Option<String>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let post = db::posts::get_post_ref(&mut conn.conn(), id.0).await?;
    Ok(post.filter(|post| !post.local && (post.id == post.root_id) == opener).and_then(|post| post.ap_id))
}

/// The origin id of a remote person (`kind` "person") or group known here by `name@host`.
pub async fn remote_origin_of_actor(
    ctx: &Context,
    handle: &str,
    kind: &str,
) -> Result<Option<String>, ServiceError> {
    let Some((name, host)) = handle.split_once('@') else {
        return Ok(None);
    };
    let mut conn = ctx.db.acquire().await?;
    let actor =
        db::actors::get_remote_actor_by_handle(&mut conn.conn(), name, &host.to_ascii_lowercase()).await?;
    Ok(actor.filter(|actor| actor.kind == kind).and_then(|actor| actor.ap_id))
}

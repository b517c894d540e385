//! Downvotes from Lemmy and its kin (`Dislike`). A person's vote on a post is one of like,
//! downvote or none: a downvote replaces their like and a like replaces their downvote, as
//! Lemmy's votes switch. Downvotes are stored but not counted as favourites (see FEDERATION.md).

use super::{Context, ServiceError};
use crate::db::{self, Conn};
use crate::domain::{ActorId, PostId};

/// A remote actor downvotes a post with the `Dislike` activity `dislike_id`; their like of it,
/// if any, is taken back.
pub async fn set_remote_downvote(
    ctx: &Context,
    actor: ActorId,
    post: PostId,
    dislike_id: &str,
) -> Result<(), ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    withdraw_like(&mut conn, actor, post).await?;
    db::downvotes::insert_downvote(&mut conn, post.0, actor.0, dislike_id, ctx.now().millis()).await?;
    tx.commit().await?;
    Ok(())
}

/// Takes back a remote actor's vote on a post, like or downvote: an `Undo` embedding a `Like`
/// or a `Dislike`. Lemmy undoes either vote with an `Undo` of a `Like` (its fixture
/// `undo_dislike_page.json` shows this), so the embedded kind does not decide which goes.
pub async fn undo_remote_vote(ctx: &Context, actor: ActorId, post: PostId) -> Result<(), ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    withdraw_like(&mut conn, actor, post).await?;
    db::downvotes::delete_downvote(&mut conn, post.0, actor.0).await?;
    tx.commit().await?;
    Ok(())
}

/// Removes `actor`'s like of `post`, if any, and its count.
async fn withdraw_like(conn: &mut Conn<'_>, actor: ActorId, post: PostId) -> Result<(), ServiceError> {
    if db::likes::delete_like(conn, post.0, actor.0).await?.is_some() {
        db::posts::update_like_count(conn, post.0, -1).await?;
    }
    Ok(())
}

/// Takes back the downvote made by the `Dislike` with this id, only when `actor` made it.
/// Returns the post it was on, if there was one.
pub async fn undo_remote_downvote_by_ap_id(
    ctx: &Context,
    actor: ActorId,
    dislike_id: &str,
) -> Result<Option<PostId>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    Ok(db::downvotes::delete_downvote_by_ap_id(&mut conn.conn(), dislike_id, actor.0).await?.map(PostId))
}

/// How many people downvoted a post.
pub async fn downvote_count(ctx: &Context, post: PostId) -> Result<i64, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    Ok(db::downvotes::count_downvotes(&mut conn.conn(), post.0).await?)
}

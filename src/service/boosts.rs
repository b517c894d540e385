//! Boosts: a member shares a post with their followers (Mastodon's reblog, ActivityPub's
//! `Announce` by a person). Remote people's boosts of our posts are counted and notified.

use super::statuses::{AccountSummary, StatusView, get_status};
use super::{Context, CurrentUser, ServiceError, notifications};
use crate::db;
use crate::domain::{ActorId, DomainEvent, PostId, Timestamp};

/// A boost as a status of its own: who shared what, when.
#[derive(Debug, Clone)]
pub struct BoostView {
    /// The boost's id, which is also its status id in the client API.
    pub id: i64,
    pub created_at: Timestamp,
    pub booster: AccountSummary,
    pub status: StatusView,
}

/// Boosts a post; boosting twice keeps the first boost.
pub async fn boost(ctx: &Context, user: &CurrentUser, post: PostId) -> Result<BoostView, ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let row = db::posts::get_post_ref(&mut conn, post.0).await?.ok_or(ServiceError::NotFound)?;
    if row.deleted_at.is_some() || !db::visibility::is_readable_by(&mut conn, Some(user.id.0), post.0).await?
    {
        return Err(ServiceError::NotFound);
    }
    // Followers-only posts and a private group's posts are not shared further (as on Mastodon).
    if !boostable(&mut conn, post.0).await? {
        return Err(ServiceError::Forbidden);
    }
    super::quotes::refuse_unless_allowed(&mut conn, user.id, post.0, super::quotes::Interaction::Announce)
        .await?;
    let now = ctx.now().millis();
    let id = ctx.new_id();
    if db::boosts::insert_boost(&mut conn, id, post.0, user.id.0, None, now).await? {
        notifications::notify(ctx, &mut conn, row.author_id, "reblog", user.id.0, Some(post.0)).await?;
        ctx.emit(&mut conn, DomainEvent::PostBoosted { boost_id: id, post_id: post.0, actor_id: user.id.0 })
            .await?;
    }
    let boost =
        db::boosts::get_boost_of(&mut conn, post.0, user.id.0).await?.ok_or(ServiceError::NotFound)?;
    tx.commit().await?;
    boost_view(ctx, Some(user), boost).await
}

/// Takes a boost back (nothing happens when there was none); returns the post.
pub async fn unboost(ctx: &Context, user: &CurrentUser, post: PostId) -> Result<StatusView, ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    if let Some(boost) = db::boosts::delete_boost(&mut conn, post.0, user.id.0).await? {
        ctx.emit(
            &mut conn,
            DomainEvent::PostUnboosted { boost_id: boost.id, post_id: post.0, actor_id: user.id.0 },
        )
        .await?;
    }
    tx.commit().await?;
    get_status(ctx, Some(user), post.0).await
}

/// The post a status id names: the post itself, or the post a boost shares (apps may send
/// either to `reblog` and `unreblog`).
pub async fn post_of(ctx: &Context, status_id: i64) -> Result<PostId, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    Ok(PostId(db::boosts::get_boost(&mut conn.conn(), status_id).await?.map_or(status_id, |b| b.post_id)))
}

/// A boost by its id, as a status of its own.
pub async fn get_boost(
    ctx: &Context,
    viewer: Option<&CurrentUser>,
    id: i64,
) -> Result<BoostView, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let boost = db::boosts::get_boost(&mut conn.conn(), id).await?.ok_or(ServiceError::NotFound)?;
    drop(conn);
    boost_view(ctx, viewer, boost).await
}

async fn boost_view(
    ctx: &Context,
    viewer: Option<&CurrentUser>,
    boost: db::boosts::BoostRow,
) -> Result<BoostView, ServiceError> {
    let status = get_status(ctx, viewer, boost.post_id).await?;
    let booster = super::account_cards::get_account(ctx, boost.actor_id).await?;
    Ok(BoostView {
        id: boost.id,
        created_at: Timestamp::from_millis(boost.created_at),
        booster: booster.summary,
        status,
    })
}

/// Who boosted a post (at most 80, latest first).
pub async fn list_boosters(ctx: &Context, post: i64) -> Result<Vec<AccountSummary>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let rows = db::account_cards::list_boosters(&mut conn.conn(), post, 80).await?;
    Ok(rows.into_iter().map(AccountSummary::from).collect())
}

/// A group shares a thread started in it, as Mastodon shows a group's posts: apps list the
/// group's statuses as these shares. Nobody is notified and nothing is sent: the group's own
/// `Announce` of the thread already goes out (or came in) with the thread.
pub(crate) async fn share_in_group(
    ctx: &Context,
    conn: &mut db::Conn<'_>,
    post: i64,
    group: i64,
) -> Result<(), ServiceError> {
    db::boosts::insert_boost(conn, ctx.new_id(), post, group, None, ctx.now().millis()).await?;
    Ok(())
}

/// Whether a post may be boosted: public and unlisted ones may.
async fn boostable(conn: &mut crate::db::Conn<'_>, post: i64) -> Result<bool, ServiceError> {
    let visibility = db::visibility::get_visibility(conn, post).await?.unwrap_or_default();
    Ok(crate::domain::Visibility::from_stored(&visibility).is_open())
}

/// A remote person boosted one of the posts we hold (their `Announce` of its URL).
pub async fn receive_remote_boost(
    ctx: &Context,
    actor: ActorId,
    post: PostId,
    announce_id: &str,
) -> Result<(), ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let Some(row) = db::posts::get_post_ref(&mut conn, post.0).await? else {
        return Ok(());
    };
    if row.deleted_at.is_some() || !boostable(&mut conn, post.0).await? {
        return Ok(());
    }
    let now = ctx.now().millis();
    if db::boosts::insert_boost(&mut conn, ctx.new_id(), post.0, actor.0, Some(announce_id), now).await? {
        notifications::notify(ctx, &mut conn, row.author_id, "reblog", actor.0, Some(post.0)).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// A remote person took their boost back (`Undo` of their `Announce`).
pub async fn undo_remote_boost(
    ctx: &Context,
    actor: ActorId,
    announce_id: &str,
) -> Result<bool, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    Ok(db::boosts::delete_boost_by_ap_id(&mut conn.conn(), actor.0, announce_id).await?.is_some())
}

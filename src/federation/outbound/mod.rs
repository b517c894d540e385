//! From domain events to activities on the delivery queue.
//!
//! Each pending event is first planned (everything read, signing keys made) outside any
//! transaction, because SQLite allows one writer at a time and making a key writes. Then one
//! transaction claims the event, enqueues the planned activities and marks the event processed,
//! so a crash neither loses nor repeats it, and two workers never translate the same event.

mod accounts;
mod blocks;
mod boosts;
mod events;
mod follows;
mod likes;
mod locks;
mod moderation;
mod moderators;
mod moves;
mod pins;
mod polls;
mod posts;
mod profiles;
mod quotes;
mod relays;
mod reports;
mod routing;

use std::collections::BTreeSet;

use serde::Serialize;

use super::delivery::enqueue_activity;
use super::objects::ObjectError;
use super::protocol::with_context;
use super::uris::Uris;
use crate::db::{self, DbError, domain_events::DomainEventRow};
use crate::domain::{ActorId, DomainEvent};
use crate::service::{Context, ServiceError, keys};
use routing::Outgoing;

/// Turns pending domain events into queued activities; returns how many events were handled.
pub async fn translate_pending_events(ctx: &Context, uris: &Uris, limit: i64) -> Result<usize, ServiceError> {
    let pending = {
        let mut conn = ctx.db.acquire().await?;
        db::domain_events::list_pending_domain_events(&mut conn.conn(), limit).await?
    };
    let mut handled = 0;
    for row in pending {
        if translate_event(ctx, uris, &row).await? {
            handled += 1;
        }
    }
    Ok(handled)
}

/// Why an event yields no activities, or could not be planned now.
#[derive(Debug, thiserror::Error)]
enum TranslateError {
    /// A row the event names was deleted since: there is nothing left to tell anyone.
    #[error("the event refers to rows that are gone")]
    Gone,
    /// Stored data that cannot be described in ActivityPub; retrying would not help.
    #[error(transparent)]
    Object(#[from] ObjectError),
    #[error("cannot serialise the activity: {0}")]
    Json(#[from] serde_json::Error),
    /// The database failed: the event stays pending and is tried again next round.
    #[error(transparent)]
    Service(ServiceError),
}

impl From<ServiceError> for TranslateError {
    fn from(error: ServiceError) -> Self {
        match error {
            ServiceError::NotFound => Self::Gone,
            other => Self::Service(other),
        }
    }
}

impl From<DbError> for TranslateError {
    fn from(error: DbError) -> Self {
        Self::Service(error.into())
    }
}

/// Plans, claims and enqueues one event; `false` when another worker had it.
async fn translate_event(ctx: &Context, uris: &Uris, row: &DomainEventRow) -> Result<bool, ServiceError> {
    let plan = plan_or_skip(ctx, uris, row).await?;
    let senders: BTreeSet<i64> = plan.iter().map(|activity| activity.sender).collect();
    for sender in senders {
        keys::actor_keys(ctx, ActorId(sender)).await?;
    }
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    if db::domain_events::claim_pending_domain_event(&mut conn, row.id).await?.is_none() {
        return Ok(false);
    }
    let mut reached = BTreeSet::new();
    for activity in &plan {
        let recipients = routing::resolve(&mut conn, &activity.targets, &mut reached).await?;
        enqueue_activity(
            ctx,
            &mut conn,
            uris.host(),
            activity.sender,
            activity.id.as_str(),
            &activity.payload,
            recipients,
        )
        .await?;
    }
    db::domain_events::update_domain_event_processed(&mut conn, row.id, ctx.now().millis()).await?;
    tx.commit().await?;
    Ok(true)
}

/// The activities of an event. One that cannot be translated (malformed, naming deleted rows,
/// undescribable) yields none, so it is marked processed and never blocks the queue; only
/// database failures are errors, and leave the event for the next round.
async fn plan_or_skip(
    ctx: &Context,
    uris: &Uris,
    row: &DomainEventRow,
) -> Result<Vec<Outgoing>, ServiceError> {
    let event = match serde_json::from_str::<DomainEvent>(&row.payload) {
        Ok(event) => event,
        Err(error) => {
            tracing::warn!(event_id = row.id, kind = %row.kind, %error, "malformed domain event skipped");
            return Ok(Vec::new());
        }
    };
    match plan_event(ctx, uris, &event).await {
        Ok(plan) => Ok(plan),
        Err(TranslateError::Service(error)) => Err(error),
        Err(TranslateError::Gone) => {
            tracing::debug!(event_id = row.id, kind = %row.kind, "domain event refers to rows that are gone");
            Ok(Vec::new())
        }
        Err(error) => {
            tracing::warn!(event_id = row.id, kind = %row.kind, %error, "domain event cannot be federated");
            Ok(Vec::new())
        }
    }
}

async fn plan_event(
    ctx: &Context,
    uris: &Uris,
    event: &DomainEvent,
) -> Result<Vec<Outgoing>, TranslateError> {
    match event {
        DomainEvent::GroupCreated { .. } => Ok(Vec::new()),
        DomainEvent::ThreadCreated { post_id, .. }
        | DomainEvent::ReplyCreated { post_id, .. }
        | DomainEvent::PersonalPostCreated { post_id } => posts::post_created(ctx, uris, *post_id).await,
        DomainEvent::PostEdited { post_id } => posts::post_edited(ctx, uris, *post_id).await,
        DomainEvent::PostDeleted { post_id, relayed } => {
            posts::post_deleted(ctx, uris, *post_id, *relayed).await
        }
        DomainEvent::GroupRelayed { group_id, activity } => {
            relays::relayed(ctx, uris, *group_id, activity).await
        }
        DomainEvent::PostRemoved { post_id, moderator_id, reason } => {
            moderation::removal_changed(ctx, uris, *post_id, *moderator_id, reason, true).await
        }
        DomainEvent::PostRestored { post_id, moderator_id } => {
            moderation::removal_changed(ctx, uris, *post_id, *moderator_id, "", false).await
        }
        DomainEvent::GroupBanChanged { group_id, actor_id, moderator_id, block_id, banned } => {
            moderation::ban_changed(ctx, uris, *group_id, *actor_id, *moderator_id, *block_id, *banned).await
        }
        DomainEvent::ThreadPinChanged { post_id, moderator_id, pinned, .. } => {
            pins::pin_changed(ctx, uris, *post_id, *moderator_id, *pinned).await
        }
        DomainEvent::ThreadLockChanged { post_id, locked, .. } => {
            locks::lock_changed(ctx, uris, *post_id, *locked).await
        }
        DomainEvent::PostLiked { post_id, actor_id, liked_at } => {
            likes::like_changed(ctx, uris, *post_id, *actor_id, *liked_at, true).await
        }
        DomainEvent::PostUnliked { post_id, actor_id, liked_at } => {
            likes::like_changed(ctx, uris, *post_id, *actor_id, *liked_at, false).await
        }
        DomainEvent::PostBoosted { boost_id, post_id, actor_id } => {
            boosts::boost_changed(ctx, uris, *boost_id, *post_id, *actor_id, true).await
        }
        DomainEvent::PostUnboosted { boost_id, post_id, actor_id } => {
            boosts::boost_changed(ctx, uris, *boost_id, *post_id, *actor_id, false).await
        }
        DomainEvent::Followed { follow_id, follower_id, followed_id } => {
            follows::follow_changed(ctx, uris, *follow_id, *follower_id, *followed_id, true).await
        }
        DomainEvent::Unfollowed { follow_id, follower_id, followed_id } => {
            follows::follow_changed(ctx, uris, *follow_id, *follower_id, *followed_id, false).await
        }
        DomainEvent::FollowAccepted { follower_id, followed_id, follow_ap_id, .. } => {
            follows::follow_answered(ctx, uris, *follower_id, *followed_id, follow_ap_id, true).await
        }
        DomainEvent::FollowRejected { follower_id, followed_id, follow_ap_id } => {
            follows::follow_answered(ctx, uris, *follower_id, *followed_id, follow_ap_id, false).await
        }
        DomainEvent::ProfileUpdated { actor_id } => profiles::profile_updated(ctx, uris, *actor_id).await,
        DomainEvent::EventCreated { event_id } => events::event_changed(ctx, uris, *event_id, "Create").await,
        DomainEvent::EventUpdated { event_id } => events::event_changed(ctx, uris, *event_id, "Update").await,
        DomainEvent::EventDeleted { event_id } => events::event_deleted(ctx, uris, *event_id).await,
        DomainEvent::EventAnswered { event_id, actor_id, going, at } => {
            events::event_answered(ctx, uris, *event_id, *actor_id, *going, *at).await
        }
        DomainEvent::EventJoinAccepted { event_id, actor_id, join_ap_id } => {
            events::join_answered(ctx, uris, *event_id, *actor_id, join_ap_id, true).await
        }
        DomainEvent::EventJoinRejected { event_id, actor_id, join_ap_id } => {
            events::join_answered(ctx, uris, *event_id, *actor_id, join_ap_id, false).await
        }
        DomainEvent::AccountDeleted { actor_id, inboxes } => {
            accounts::account_deleted(ctx, uris, *actor_id, inboxes).await
        }
        DomainEvent::ModeratorAdded { group_id, moderator_id, by_id } => {
            moderators::team_changed(ctx, uris, *group_id, *moderator_id, *by_id, true).await
        }
        DomainEvent::ModeratorRemoved { group_id, moderator_id, by_id } => {
            moderators::team_changed(ctx, uris, *group_id, *moderator_id, *by_id, false).await
        }
        DomainEvent::PersonBlocked { block_id, blocker_id, blocked_id } => {
            blocks::block_changed(ctx, uris, *block_id, *blocker_id, *blocked_id, true).await
        }
        DomainEvent::PersonUnblocked { block_id, blocker_id, blocked_id } => {
            blocks::block_changed(ctx, uris, *block_id, *blocker_id, *blocked_id, false).await
        }
        DomainEvent::ReportCreated { report_id } => reports::report_created(ctx, uris, *report_id).await,
        DomainEvent::ThreadMoved { post_id, from_group_id, to_group_id } => {
            posts::thread_moved(ctx, uris, *post_id, *from_group_id, *to_group_id).await
        }
        DomainEvent::AccountMoved { actor_id, target_id } => {
            moves::account_moved(ctx, uris, *actor_id, *target_id).await
        }
        DomainEvent::QuoteRequested { post_id } => quotes::quote_requested(ctx, uris, *post_id).await,
        DomainEvent::QuoteAnswered {
            quoted_post_id,
            actor_id,
            request_ap_id,
            quoting_ap_id,
            authorization_id,
        } => {
            quotes::quote_answered(
                ctx,
                uris,
                *quoted_post_id,
                *actor_id,
                request_ap_id,
                quoting_ap_id,
                *authorization_id,
            )
            .await
        }
        DomainEvent::QuoteRevoked { authorization_id } => {
            quotes::quote_revoked(ctx, uris, *authorization_id).await
        }
        DomainEvent::PollVoted { post_id, voter_id, choices } => {
            polls::poll_voted(ctx, uris, *post_id, *voter_id, choices).await
        }
    }
}

/// An activity as sent: with our `@context` on top.
fn activity_json(activity: &impl Serialize) -> Result<serde_json::Value, TranslateError> {
    Ok(serde_json::to_value(with_context(activity))?)
}

/// A new id for an outgoing activity of `kind`.
fn new_activity_id(ctx: &Context, uris: &Uris, kind: &str) -> Result<url::Url, ObjectError> {
    super::objects::url(&uris.activity(kind, ctx.new_id()))
}

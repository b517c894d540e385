//! Handling verified incoming activities, one file per kind. Each checks origin and authority
//! and then calls the service layer; kinds we do not handle are accepted and ignored.

mod accept;
mod add;
mod announce;
mod block;
pub(crate) mod create;
mod delete;
pub(crate) mod events;
mod featured;
mod flag;
mod follow;
mod like;
mod lock;
mod moves;
mod polls;
pub(crate) mod quotes;
mod reject;
mod restore;
mod thread_moves;
mod undo;
mod update;
mod visiting_moderator;

use url::Url;

use super::http::FetchError;
use super::inbox::InboxError;
use super::protocol::Inbound;
use super::resolve::ResolveError;
use crate::domain::{ActorId, PostId};
use crate::service::group_relays;
use crate::state::AppState;

/// A local group re-announces `raw`, the remote `actor`'s activity about `post`, which was
/// applied (`service::group_relays` decides whether and once).
async fn relay(
    state: &AppState,
    post: PostId,
    actor: ActorId,
    raw: &serde_json::Value,
) -> Result<(), InboxError> {
    group_relays::relay_about_post(&state.ctx, post, actor, &raw.to_string()).await?;
    Ok(())
}

/// How deep `Announce` and reply chains may nest before we stop following them.
pub const MAX_DEPTH: u8 = 8;

/// Handles an activity by `actor` (already verified: it signed the request, or its origin was
/// checked by the caller). `raw` is the activity as received, kept for re-announcing.
pub async fn receive(
    state: &AppState,
    actor: ActorId,
    actor_url: &Url,
    activity: Inbound,
    raw: &serde_json::Value,
    depth: u8,
) -> Result<(), InboxError> {
    if depth > MAX_DEPTH {
        return Err(InboxError::BadRequest("activities nested too deeply".into()));
    }
    match activity {
        Inbound::Follow(follow) => follow::receive(state, actor, actor_url, follow).await,
        Inbound::Accept(accept) => accept::receive(state, actor, actor_url, accept).await,
        Inbound::Undo(undo) => undo::receive(state, actor, actor_url, *undo, raw).await,
        Inbound::Create(create) => create::receive(state, actor, actor_url, *create, raw, depth).await,
        Inbound::Update(update) => update::receive(state, actor, actor_url, *update, raw, depth).await,
        Inbound::Delete(delete) => delete::receive(state, actor, actor_url, delete, raw).await,
        Inbound::Like(like) => like::receive(state, actor, like, raw).await,
        Inbound::Dislike(dislike) => like::receive_dislike(state, actor, dislike, raw).await,
        Inbound::Lock(lock) => lock::receive(state, actor, actor_url, lock, true).await,
        Inbound::Add(change) if featured::is_featured(&change.target) => {
            featured::receive(state, actor, change, true).await
        }
        Inbound::Remove(change) if featured::is_featured(&change.target) => {
            featured::receive(state, actor, change, false).await
        }
        Inbound::Add(change) => add::receive(state, actor, change, true).await,
        Inbound::Remove(change) => add::receive(state, actor, change, false).await,
        Inbound::Flag(flag) => flag::receive(state, actor, actor_url, *flag).await,
        Inbound::Announce(announce) => announce::receive(state, actor, actor_url, announce, depth).await,
        Inbound::Event(event) => events::receive_event(state, actor, actor_url, *event).await,
        Inbound::Join(join) => events::receive_join(state, actor, actor_url, join).await,
        Inbound::Leave(leave) => events::receive_leave(state, actor, actor_url, leave).await,
        Inbound::JoinAnswer(answer) => events::receive_join_answer(state, actor_url, *answer).await,
        Inbound::Reject(reject) => reject::receive(state, actor, actor_url, reject).await,
        Inbound::Block(block) => block::receive(state, actor, actor_url, block, true).await,
        Inbound::Move(activity) => moves::receive(state, actor, actor_url, activity).await,
        Inbound::QuoteRequest(request) => quotes::receive_request(state, actor, actor_url, *request).await,
        Inbound::QuoteAnswer(answer) => quotes::receive_answer(state, actor, actor_url, *answer).await,
        Inbound::Vote(votes) => polls::receive_votes(state, actor, actor_url, *votes).await,
        Inbound::Unknown(_) => {
            tracing::debug!(kind = %activity_kind(raw), "ignored activity");
            Ok(())
        }
    }
}

fn activity_kind(raw: &serde_json::Value) -> &str {
    raw.get("type").and_then(serde_json::Value::as_str).unwrap_or("?")
}

/// The host (with port) of a URL, for origin checks.
pub(crate) fn host_of(url: &Url) -> Option<String> {
    super::delivery::enqueue::domain_of(url)
}

pub(crate) fn same_host(a: &Url, b: &Url) -> bool {
    host_of(a).is_some() && host_of(a) == host_of(b)
}

/// Whether a failed fetch may succeed later: the peer was slow, unreachable or overloaded.
pub(crate) fn is_transient(error: &ResolveError) -> bool {
    match error {
        ResolveError::Fetch(FetchError::Timeout | FetchError::Unreachable(_)) => true,
        ResolveError::Fetch(FetchError::Status(status)) => matches!(status, 408 | 429 | 500..=599),
        _ => false,
    }
}

/// A fetch that a verified activity needed failed: a passing failure asks the sender to retry
/// (503), anything else (a hostile or broken document, a blocked host) refuses the activity.
pub(crate) fn retry_or_refuse(error: ResolveError, what: &str) -> InboxError {
    if is_transient(&error) {
        InboxError::ObjectUnavailable(format!("{what}: {error}"))
    } else {
        tracing::info!(%error, what, "a fetch for an activity failed");
        match error {
            ResolveError::Blocked(host) => InboxError::Blocked(host),
            ResolveError::Service(error) => InboxError::Service(error),
            _ => InboxError::Forbidden("what the activity needs could not be verified"),
        }
    }
}

/// Runs one level of a recursive fetch (a reply's unknown parent, a quoted post) in a task of
/// its own. Each fetched post is stored like the first, which may fetch the next: run in one
/// task, every level's poll sits on the stack of the one before, and a chain as long as
/// [`MAX_DEPTH`] overflowed a worker thread's stack. A task per level is polled from the
/// scheduler instead, whatever the depth.
pub(super) async fn one_level_apart(
    level: impl std::future::Future<Output = Result<Option<crate::domain::PostId>, InboxError>> + Send + 'static,
) -> Result<Option<crate::domain::PostId>, InboxError> {
    tokio::spawn(level).await.map_err(|error| {
        InboxError::Service(crate::service::ServiceError::Internal(format!("fetching a post: {error}")))
    })?
}

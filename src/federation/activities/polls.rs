//! Votes from elsewhere on our polls (`Create` of `Note`s named after options, see
//! `protocol::question`), and the polls in `Question`s we receive (stored with their post).

use url::Url;

use super::same_host;
use crate::domain::{ActorId, PostId, Timestamp};
use crate::federation::inbox::InboxError;
use crate::federation::protocol::{PostJson, VoteJson};
use crate::federation::uris::LocalObject;
use crate::service::polls::{self, RemotePoll};
use crate::state::AppState;

/// Counts each vote of `actor` that names one of our polls; votes on other posts are ignored.
pub async fn receive_votes(
    state: &AppState,
    actor: ActorId,
    actor_url: &Url,
    votes: VoteJson,
) -> Result<(), InboxError> {
    if &votes.actor != actor_url {
        return Err(InboxError::Forbidden("a vote by another actor"));
    }
    let mut counted = false;
    for vote in &votes.object {
        if &vote.attributed_to != actor_url || !same_host(&vote.id, actor_url) {
            return Err(InboxError::Forbidden("the vote is not the actor's own"));
        }
        let Some(question) = &vote.in_reply_to else { continue };
        let Some(LocalObject::Post(post)) = state.uris.parse_local(question) else {
            tracing::debug!(poll = %question, "ignored a vote on a poll that is not ours");
            continue;
        };
        counted |= polls::receive_vote(&state.ctx, actor, post, &vote.name, vote.id.as_str()).await?;
    }
    if counted {
        state.wake_delivery.notify_one();
    }
    Ok(())
}

/// Stores the poll of a received `Question` with its post (the post is stored already); an
/// `Update` of the `Question` refreshes its counts this way.
pub(crate) async fn store_poll(state: &AppState, post_id: PostId, post: &PostJson) -> Result<(), InboxError> {
    let Some(poll) = post.poll() else {
        return Ok(());
    };
    let at = |time: chrono::DateTime<chrono::Utc>| Timestamp::from_millis(time.timestamp_millis());
    let closed_at = poll.closed.map(|at_time| at_time.map_or_else(|| state.ctx.now(), at));
    polls::store_remote_poll(
        &state.ctx,
        post_id,
        RemotePoll {
            options: poll.options.iter().map(|option| (option.name.clone(), option.votes())).collect(),
            multiple: poll.multiple,
            expires_at: poll.end_time.map(at),
            closed_at,
            voters_count: poll.voters_count,
        },
    )
    .await?;
    Ok(())
}

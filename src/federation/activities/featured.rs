//! Lemmy's pins: `Add` (or `Remove`) of a thread to its group's `featured` collection, by the
//! group or a moderator its own server lists, usually announced by the group. Only threads of
//! remote groups are pinned this way (the authority rule in `service::authority` decides who
//! may); our own groups' threads are pinned by our moderators.

use url::Url;

use crate::domain::ActorId;
use crate::federation::inbox::InboxError;
use crate::federation::moderators;
use crate::federation::protocol::add::CollectionChangeJson;
use crate::service::remote;
use crate::service::remote_moderation::{self, Outcome, Vouchers};
use crate::state::AppState;

/// Whether `target` is a featured collection (`{group}/featured`, as Lemmy names it).
pub fn is_featured(target: &Url) -> bool {
    target.path_segments().and_then(|mut segments| segments.rfind(|s| !s.is_empty())) == Some("featured")
}

/// A pin signed by `actor` itself (or relayed by its own server).
pub async fn receive<Kind>(
    state: &AppState,
    actor: ActorId,
    change: CollectionChangeJson<Kind>,
    pinned: bool,
) -> Result<(), InboxError> {
    if state.uris.is_local(&change.object) || state.uris.is_local(&change.target) {
        return Err(InboxError::Forbidden("our groups' threads are pinned only here"));
    }
    // The team is read again when old or without the actor, even when the actor wrote the
    // thread (a moderator pinning their own thread).
    if let Some((group, _)) = remote::remote_group_of_any_post(&state.ctx, change.object.as_str()).await? {
        moderators::refresh_team_for(state, group, actor)
            .await
            .map_err(|error| super::retry_or_refuse(error, "the group's moderators"))?;
    }
    apply(state, &change.object, pinned, Vouchers { actor: Some(actor), announcer: None }).await
}

/// A pin that a group announced for a moderator on another server: it counts only when the
/// announcer is the thread's own group.
pub async fn receive_announced<Kind>(
    state: &AppState,
    announcer: ActorId,
    change: CollectionChangeJson<Kind>,
    pinned: bool,
) -> Result<(), InboxError> {
    if state.uris.is_local(&change.object) {
        return Ok(());
    }
    let vouchers = Vouchers { actor: None, announcer: Some(announcer) };
    match apply(state, &change.object, pinned, vouchers).await {
        Err(InboxError::Forbidden(reason)) => {
            tracing::info!(reason, thread = %change.object, "skipped a pin announced by a group the thread is not in");
            Ok(())
        }
        other => other,
    }
}

async fn apply(state: &AppState, thread: &Url, pinned: bool, vouchers: Vouchers) -> Result<(), InboxError> {
    match remote_moderation::pin_thread(&state.ctx, thread.as_str(), pinned, vouchers).await? {
        Outcome::Refused => Err(InboxError::Forbidden("a pin by someone who does not moderate the group")),
        Outcome::Applied { grant, changed } => {
            tracing::info!(%thread, pinned, ?grant, changed, "thread pin changed by its group");
            Ok(())
        }
        Outcome::Unknown => {
            tracing::debug!(object = %thread, "a pin of something that opens no remote thread we hold");
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn featured_collections_are_told_by_their_last_segment() {
        let url = |text: &str| Url::parse(text).expect("URL");
        assert!(is_featured(&url("https://ds9.lemmy.ml/c/main/featured")));
        assert!(is_featured(&url("https://enterprise.lemmy.ml/c/tenforward//featured")));
        assert!(!is_featured(&url("https://ds9.lemmy.ml/c/main/moderators")));
    }
}

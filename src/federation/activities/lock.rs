//! `Lock` and `Undo(Lock)` of a thread in a remote group (Lemmy): only the group itself or a
//! moderator its own server lists may (the authority rule in `service::authority`). Locks of
//! our own threads come from our moderators, never from elsewhere.

use url::Url;

use crate::domain::ActorId;
use crate::federation::inbox::InboxError;
use crate::federation::moderators;
use crate::federation::protocol::LockJson;
use crate::service::remote_moderation::{self, Outcome, Vouchers};
use crate::state::AppState;

/// A Lock signed by `actor` itself (or relayed by its own server).
pub async fn receive(
    state: &AppState,
    actor: ActorId,
    actor_url: &Url,
    lock: LockJson,
    locked: bool,
) -> Result<(), InboxError> {
    if state.uris.is_local(&lock.object) {
        return Err(InboxError::Forbidden("Lock of one of our threads"));
    }
    moderators::refresh_for(state, &lock.object, actor)
        .await
        .map_err(|error| super::retry_or_refuse(error, "the group's moderators"))?;
    let vouchers = Vouchers { actor: Some(actor), announcer: None };
    apply(state, &lock.object, locked, vouchers, actor_url).await
}

/// A Lock that a group announced for a moderator on another server: it counts only when the
/// announcer is the thread's own group; the inner actor is only a claim.
pub(super) async fn receive_announced(
    state: &AppState,
    announcer: ActorId,
    announcer_url: &Url,
    lock: LockJson,
    locked: bool,
) -> Result<(), InboxError> {
    if state.uris.is_local(&lock.object) {
        return Ok(());
    }
    let vouchers = Vouchers { actor: None, announcer: Some(announcer) };
    match apply(state, &lock.object, locked, vouchers, announcer_url).await {
        Err(InboxError::Forbidden(reason)) => {
            tracing::info!(reason, thread = %lock.object, "skipped a Lock announced by a group the thread is not in");
            Ok(())
        }
        other => other,
    }
}

async fn apply(
    state: &AppState,
    thread: &Url,
    locked: bool,
    vouchers: Vouchers,
    by: &Url,
) -> Result<(), InboxError> {
    match remote_moderation::lock_thread(&state.ctx, thread.as_str(), locked, vouchers).await? {
        Outcome::Refused => Err(InboxError::Forbidden("Lock by someone who does not moderate the group")),
        Outcome::Applied { grant, changed } => {
            tracing::info!(%thread, %by, locked, ?grant, changed, "thread lock changed by its group");
            Ok(())
        }
        Outcome::Unknown => {
            tracing::debug!(object = %thread, "Lock of something that opens no thread we hold");
            Ok(())
        }
    }
}

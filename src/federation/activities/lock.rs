//! `Lock` and `Undo(Lock)` of a thread in a remote group (Lemmy): only the group itself or a
//! moderator its own server lists may. Locks of our own threads come from our moderators, never
//! from elsewhere.

use url::Url;

use crate::federation::inbox::InboxError;
use crate::federation::moderators;
use crate::federation::protocol::LockJson;
use crate::service::{remote, thread_locks};
use crate::state::AppState;

pub async fn receive(
    state: &AppState,
    actor_url: &Url,
    lock: LockJson,
    locked: bool,
) -> Result<(), InboxError> {
    if state.uris.is_local(&lock.object) {
        return Err(InboxError::Forbidden("Lock of one of our threads"));
    }
    let Some(post) = remote::post_by_ap_id(&state.ctx, lock.object.as_str()).await? else {
        tracing::debug!(object = %lock.object, "Lock of a post we do not have");
        return Ok(());
    };
    let Some((_, group_url)) = remote::remote_group_of_post(&state.ctx, lock.object.as_str()).await? else {
        tracing::info!(object = %lock.object, "Lock of a post in no remote group, ignored");
        return Ok(());
    };
    let Ok(group_url) = Url::parse(&group_url) else {
        return Ok(());
    };
    if &group_url != actor_url {
        match moderators::is_moderator(state, &group_url, actor_url).await {
            Ok(true) => {}
            Ok(false) => {
                return Err(InboxError::Forbidden("Lock by someone who does not moderate the group"));
            }
            Err(error) => return Err(super::retry_or_refuse(error, "the group's moderators")),
        }
    }
    if thread_locks::set_remote_thread_lock(&state.ctx, post, locked).await? {
        tracing::info!(thread = %lock.object, by = %actor_url, locked, "thread lock changed by its group");
    } else {
        tracing::info!(object = %lock.object, "Lock of a single comment, not supported");
    }
    Ok(())
}

//! `Update` of a post (by its author) or of an actor (by itself; it may not move its inbox to
//! another host). A post's `Update` is kept with it, for its group to re-announce when the
//! group is ours (`service::group_relays`). A group's `Update` of a thread opener naming itself
//! as `audience` moves the thread (`thread_moves`).

use url::Url;

use super::create::{check_origin, store_post};
use crate::domain::ActorId;
use crate::federation::inbox::InboxError;
use crate::federation::protocol::UpdateJson;
use crate::federation::resolve;
use crate::state::AppState;

pub async fn receive(
    state: &AppState,
    actor: ActorId,
    actor_url: &Url,
    update: UpdateJson,
    raw: &serde_json::Value,
    depth: u8,
) -> Result<(), InboxError> {
    if let Some(post) = update.object.post() {
        if super::thread_moves::is_group_move(state, actor, actor_url, post).await? {
            return super::thread_moves::receive(state, actor, post).await;
        }
        check_origin(post, actor_url)?;
        store_post(state, actor, post, Some(raw.to_string()), depth).await?;
    } else if let Some(profile) = update.object.actor() {
        if &profile.id != actor_url {
            return Err(InboxError::Forbidden("Update of another actor"));
        }
        resolve::store_actor(state, profile.clone())
            .await
            .map_err(|_| InboxError::Forbidden("the updated actor does not check out"))?;
    }
    Ok(())
}

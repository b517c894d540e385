//! `Update` of a post (by its author) or of an actor (by itself; it may not move its inbox to
//! another host).

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
    depth: u8,
) -> Result<(), InboxError> {
    if let Some(post) = update.object.post() {
        check_origin(post, actor_url)?;
        store_post(state, actor, post, None, depth).await?;
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

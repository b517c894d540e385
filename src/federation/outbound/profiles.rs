//! Changed profiles: `Update` of the actor document, so followers' copies stay current.

use super::routing::{Outgoing, Target};
use super::{TranslateError, activity_json, new_activity_id};
use crate::db;
use crate::federation::objects::{actor_json, url};
use crate::federation::protocol::UpdateJson;
use crate::federation::uris::Uris;
use crate::service::Context;
use crate::service::federated;

/// A local person (or group) changed its profile: it sends the new document to its followers.
pub(super) async fn profile_updated(
    ctx: &Context,
    uris: &Uris,
    actor: i64,
) -> Result<Vec<Outgoing>, TranslateError> {
    let row = {
        let mut conn = ctx.db.acquire().await?;
        db::actors::get_actor(&mut conn.conn(), actor).await?.ok_or(TranslateError::Gone)?
    };
    if !row.local || row.kind == "application" {
        return Ok(Vec::new());
    }
    let local = federated::get_local_actor(ctx, &row.name).await?;
    let profile = actor_json(uris, &local)?;
    let update = UpdateJson::profile(
        new_activity_id(ctx, uris, "update")?,
        url(&uris.actor(&row.kind, &row.name))?,
        profile,
    );
    Ok(vec![Outgoing::new(
        actor,
        update.id.clone(),
        activity_json(&update)?,
        vec![Target::FollowersOf(actor)],
    )])
}

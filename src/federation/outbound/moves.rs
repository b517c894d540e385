//! Account migration: a local member moved to an account elsewhere, or a local group to a group
//! elsewhere. Their followers get the new actor document (with `movedTo`) and a `Move` (actor
//! and object the old actor, target the new one), after which Mastodon and others follow the
//! new account (or group) in their place.

use super::routing::{Outgoing, Target};
use super::{TranslateError, activity_json, new_activity_id};
use crate::db;
use crate::federation::objects::url;
use crate::federation::protocol::MoveJson;
use crate::federation::uris::Uris;
use crate::service::Context;

pub(super) async fn account_moved(
    ctx: &Context,
    uris: &Uris,
    actor: i64,
    target: i64,
) -> Result<Vec<Outgoing>, TranslateError> {
    let (row, target_row) = {
        let mut conn = ctx.db.acquire().await?;
        let row = db::actors::get_actor(&mut conn.conn(), actor).await?.ok_or(TranslateError::Gone)?;
        let target_row =
            db::actors::get_federation_fields(&mut conn.conn(), target).await?.ok_or(TranslateError::Gone)?;
        (row, target_row)
    };
    let Some(target_id) = super::follows::remote_id(&target_row) else {
        return Ok(Vec::new());
    };
    if !row.local || !matches!(row.kind.as_str(), "person" | "group") {
        return Ok(Vec::new());
    }
    let mut planned = super::profiles::profile_updated(ctx, uris, actor).await?;
    let actor_url = url(&uris.actor(&row.kind, &row.name))?;
    let followers = url(&uris.followers_of(&row.kind, &row.name))?;
    let activity = MoveJson::new(new_activity_id(ctx, uris, "move")?, actor_url, target_id, followers);
    planned.push(Outgoing::new(
        actor,
        activity.id.clone(),
        activity_json(&activity)?,
        vec![Target::FollowersOf(actor)],
    ));
    Ok(planned)
}

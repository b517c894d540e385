//! A local group's team changed: the group announces Lemmy's `Add` (or `Remove`) of the person,
//! with `target` its moderators collection and the person who did it as actor, to its
//! followers, so their instances honour the new moderator's actions. A remote moderator's own
//! instance is told directly as well.

use activitypub_federation::kinds::activity::{AddType, RemoveType};
use url::Url;

use super::routing::{self, Outgoing, Target};
use super::{TranslateError, activity_json, new_activity_id};
use crate::db::{self, actors::ActorRow};
use crate::federation::objects::url;
use crate::federation::protocol::PUBLIC;
use crate::federation::protocol::add::CollectionChangeJson;
use crate::federation::uris::Uris;
use crate::service::Context;

pub(super) async fn team_changed(
    ctx: &Context,
    uris: &Uris,
    group_id: i64,
    moderator_id: i64,
    by_id: i64,
    added: bool,
) -> Result<Vec<Outgoing>, TranslateError> {
    let mut conn = ctx.db.acquire().await?;
    let group = db::actors::get_actor(&mut conn.conn(), group_id).await?.ok_or(TranslateError::Gone)?;
    let moderator =
        db::actors::get_actor(&mut conn.conn(), moderator_id).await?.ok_or(TranslateError::Gone)?;
    let by = db::actors::get_actor(&mut conn.conn(), by_id).await?.ok_or(TranslateError::Gone)?;
    let moderator_inbox = match moderator.local {
        true => None,
        false => db::actors::get_federation_fields(&mut conn.conn(), moderator_id)
            .await?
            .and_then(|fields| fields.shared_inbox_url.or(fields.inbox_url))
            .and_then(|inbox| Url::parse(&inbox).ok()),
    };
    drop(conn);
    if !group.local {
        return Ok(Vec::new());
    }
    let group_url = url(&uris.group(&group.name))?;
    let (id, actor, object, target) = (
        new_activity_id(ctx, uris, if added { "add" } else { "remove" })?,
        actor_url(uris, &by)?,
        actor_url(uris, &moderator)?,
        url(&uris.moderators_of(&group.name))?,
    );
    let public = url(PUBLIC)?;
    let activity = if added {
        activity_json(&CollectionChangeJson::new(AddType::Add, id, actor, object, target, group_url, public))?
    } else {
        activity_json(&CollectionChangeJson::new(
            RemoveType::Remove,
            id,
            actor,
            object,
            target,
            group_url,
            public,
        ))?
    };
    let mut announced = routing::announce_to_followers(ctx, uris, group.id, &group.name, activity)?;
    announced.targets.extend(moderator_inbox.map(Target::InboxUnlessReached));
    Ok(vec![announced])
}

/// The id of a stored actor, local or remote.
fn actor_url(uris: &Uris, actor: &ActorRow) -> Result<Url, TranslateError> {
    match (&actor.ap_id, actor.local) {
        (Some(ap_id), false) => Ok(url(ap_id)?),
        _ => Ok(url(&uris.actor(&actor.kind, &actor.name))?),
    }
}

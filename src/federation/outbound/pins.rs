//! A thread of one of our groups pinned or unpinned by a moderator: Lemmy's `Add` (or `Remove`)
//! of the thread to the group's `featured` collection, by the moderator, announced by the group
//! to its followers, as a Lemmy community forwards its moderators' actions.

use activitypub_federation::kinds::activity::{AddType, RemoveType};

use super::routing::{self, GroupRoute, Outgoing};
use super::{TranslateError, activity_json, new_activity_id};
use crate::db;
use crate::domain::PostId;
use crate::federation::objects::{post_id, url};
use crate::federation::protocol::PUBLIC;
use crate::federation::protocol::add::CollectionChangeJson;
use crate::federation::uris::Uris;
use crate::service::{Context, federated};

pub(super) async fn pin_changed(
    ctx: &Context,
    uris: &Uris,
    thread: i64,
    moderator_id: i64,
    pinned: bool,
) -> Result<Vec<Outgoing>, TranslateError> {
    let post = federated::get_post(ctx, PostId(thread)).await?;
    let (group_id, moderator) = {
        let mut conn = ctx.db.acquire().await?;
        let group_id =
            db::posts::get_post_ref(&mut conn.conn(), thread).await?.ok_or(TranslateError::Gone)?.group_id;
        let moderator =
            db::actors::get_actor(&mut conn.conn(), moderator_id).await?.ok_or(TranslateError::Gone)?;
        (group_id, moderator)
    };
    let Some(GroupRoute::Local { id: group_id, name }) = GroupRoute::of(post.group.as_ref(), group_id) else {
        return Ok(Vec::new());
    };
    let actor = match (&moderator.ap_id, moderator.local) {
        (Some(ap_id), false) => url(ap_id)?,
        _ => url(&uris.actor(&moderator.kind, &moderator.name))?,
    };
    let id = new_activity_id(ctx, uris, if pinned { "add" } else { "remove" })?;
    let (object, target) = (post_id(uris, &post)?, url(&uris.featured_of(&name))?);
    let (group_url, public) = (url(&uris.group(&name))?, url(PUBLIC)?);
    let activity = if pinned {
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
    Ok(vec![routing::announce_to_followers(ctx, uris, group_id, &name, activity)?])
}

//! A thread of one of our groups locked or unlocked by a moderator: the group sends Lemmy's
//! `Lock` (or `Undo` of it) of the opener, announced to its followers, as a Lemmy community
//! forwards its moderators' actions.

use super::routing::{self, GroupRoute, Outgoing};
use super::{TranslateError, activity_json, new_activity_id};
use crate::db;
use crate::domain::PostId;
use crate::federation::objects::{post_id, url};
use crate::federation::protocol::{LockJson, PUBLIC, UndoJson, UndoObject};
use crate::federation::uris::Uris;
use crate::service::Context;
use crate::service::federated;

pub(super) async fn lock_changed(
    ctx: &Context,
    uris: &Uris,
    thread: i64,
    locked: bool,
) -> Result<Vec<Outgoing>, TranslateError> {
    let post = federated::get_post(ctx, PostId(thread)).await?;
    let group_id = {
        let mut conn = ctx.db.acquire().await?;
        db::posts::get_post_ref(&mut conn.conn(), thread).await?.ok_or(TranslateError::Gone)?.group_id
    };
    let Some(GroupRoute::Local { id: group_id, name }) = GroupRoute::of(post.group.as_ref(), group_id) else {
        return Ok(Vec::new());
    };
    let group_url = url(&uris.group(&name))?;
    let lock = LockJson::new(
        new_activity_id(ctx, uris, "lock")?,
        group_url.clone(),
        post_id(uris, &post)?,
        group_url.clone(),
        url(PUBLIC)?,
    );
    let activity = if locked {
        activity_json(&lock)?
    } else {
        let mut undo = UndoJson::new(
            new_activity_id(ctx, uris, "undo")?,
            group_url.clone(),
            UndoObject::Lock(Box::new(lock)),
        );
        undo.to = vec![url(PUBLIC)?];
        undo.cc = vec![group_url.clone()];
        undo.audience = Some(group_url);
        activity_json(&undo)?
    };
    Ok(vec![routing::announce_to_followers(ctx, uris, group_id, &name, activity)?])
}

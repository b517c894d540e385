//! Likes of posts by local actors (`Like`) and their taking back (`Undo` of the same `Like`).

use super::routing::{self, GroupRoute, Outgoing};
use super::{TranslateError, activity_json, new_activity_id};
use crate::db;
use crate::domain::PostId;
use crate::federation::objects::{actor_id, post_id, url};
use crate::federation::protocol::{LikeJson, UndoJson, UndoObject};
use crate::federation::uris::Uris;
use crate::service::Context;
use crate::service::federated;

/// A local actor liked (or stopped liking) a post: the `Like` goes where the post's activities
/// go (the remote group's inbox, or the local group's followers through its `Announce`), and to
/// the post's remote author.
pub(super) async fn like_changed(
    ctx: &Context,
    uris: &Uris,
    post: i64,
    liker: i64,
    liked_at: i64,
    liked: bool,
) -> Result<Vec<Outgoing>, TranslateError> {
    let mut conn = ctx.db.acquire().await?;
    let liker_row = db::actors::get_actor(&mut conn.conn(), liker).await?.ok_or(TranslateError::Gone)?;
    let refs = db::posts::get_post_ref(&mut conn.conn(), post).await?.ok_or(TranslateError::Gone)?;
    drop(conn);
    if !liker_row.local {
        return Ok(Vec::new());
    }
    let target = federated::get_post(ctx, PostId(post)).await?;
    let group_url = target.group.as_ref().map(|group| actor_id(uris, group)).transpose()?;
    let liker_url = url(&uris.actor(&liker_row.kind, &liker_row.name))?;
    let like = LikeJson::new(
        url(&uris.like_activity(liker, post, liked_at))?,
        liker_url.clone(),
        post_id(uris, &target)?,
        group_url.clone(),
    );
    let activity = if liked {
        Outgoing::new(liker, like.id.clone(), activity_json(&like)?, Vec::new())
    } else {
        let mut undo = UndoJson::new(new_activity_id(ctx, uris, "undo")?, liker_url, UndoObject::Like(like));
        undo.audience = group_url;
        Outgoing::new(liker, undo.id.clone(), activity_json(&undo)?, Vec::new())
    };
    let group = GroupRoute::of(target.group.as_ref(), refs.group_id);
    routing::about_post(ctx, uris, group.as_ref(), activity, routing::notify_inbox(&target.author))
}

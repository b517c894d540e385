//! Follows between instances: a local actor follows a remote one (`Follow`, `Undo(Follow)`),
//! and a local actor accepts a remote follower (`Accept`).

use url::Url;

use super::routing::{Outgoing, Target};
use super::{TranslateError, activity_json, new_activity_id};
use crate::db::{self, actors::FederationFieldsRow};
use crate::federation::objects::url;
use crate::federation::protocol::{AcceptJson, FollowJson, RejectJson, UndoJson, UndoObject};
use crate::federation::uris::Uris;
use crate::service::Context;

/// A local actor followed (or stopped following) a remote one: the `Follow`, with an id made
/// from the follow's so the `Undo` names the same one, goes to the followed actor's inbox.
pub(super) async fn follow_changed(
    ctx: &Context,
    uris: &Uris,
    follow_id: i64,
    follower: i64,
    followed: i64,
    following: bool,
) -> Result<Vec<Outgoing>, TranslateError> {
    let mut conn = ctx.db.acquire().await?;
    let follower_row =
        db::actors::get_actor(&mut conn.conn(), follower).await?.ok_or(TranslateError::Gone)?;
    let followed_row =
        db::actors::get_federation_fields(&mut conn.conn(), followed).await?.ok_or(TranslateError::Gone)?;
    drop(conn);
    if !follower_row.local || followed_row.local {
        return Ok(Vec::new());
    }
    let (Some(followed_id), Some(inbox)) = (remote_id(&followed_row), own_inbox(&followed_row)) else {
        return Ok(Vec::new());
    };
    let follower_url = url(&uris.actor(&follower_row.kind, &follower_row.name))?;
    let follow =
        FollowJson::new(url(&uris.activity("follow", follow_id))?, follower_url.clone(), followed_id.clone());
    let targets = vec![Target::Inbox(inbox)];
    if following {
        return Ok(vec![Outgoing::new(follower, follow.id.clone(), activity_json(&follow)?, targets)]);
    }
    let mut undo =
        UndoJson::new(new_activity_id(ctx, uris, "undo")?, follower_url, UndoObject::Follow(follow));
    undo.to = vec![followed_id];
    Ok(vec![Outgoing::new(follower, undo.id.clone(), activity_json(&undo)?, targets)])
}

/// A local actor answered a remote follower: `accepted` sends an `Accept`, otherwise (a closed
/// group's moderator said no) a `Reject`. Either embeds the follower's `Follow` as they sent it
/// (its id, their id, our actor) and goes to the follower's inbox.
pub(super) async fn follow_answered(
    ctx: &Context,
    uris: &Uris,
    follower: i64,
    followed: i64,
    follow_ap_id: &str,
    accepted: bool,
) -> Result<Vec<Outgoing>, TranslateError> {
    let mut conn = ctx.db.acquire().await?;
    let followed_row =
        db::actors::get_actor(&mut conn.conn(), followed).await?.ok_or(TranslateError::Gone)?;
    let follower_row =
        db::actors::get_federation_fields(&mut conn.conn(), follower).await?.ok_or(TranslateError::Gone)?;
    drop(conn);
    if !followed_row.local || follower_row.local {
        return Ok(Vec::new());
    }
    let (Some(follower_id), Some(inbox)) = (remote_id(&follower_row), own_inbox(&follower_row)) else {
        return Ok(Vec::new());
    };
    let followed_url = url(&uris.actor(&followed_row.kind, &followed_row.name))?;
    let follow = FollowJson::new(url(follow_ap_id)?, follower_id, followed_url.clone());
    let (id, answer) = if accepted {
        let accept = AcceptJson::new(new_activity_id(ctx, uris, "accept")?, followed_url, follow);
        (accept.id.clone(), activity_json(&accept)?)
    } else {
        let reject = RejectJson::new(new_activity_id(ctx, uris, "reject")?, followed_url, follow);
        (reject.id.clone(), activity_json(&reject)?)
    };
    Ok(vec![Outgoing::new(followed, id, answer, vec![Target::Inbox(inbox)])])
}

pub(super) fn remote_id(actor: &FederationFieldsRow) -> Option<Url> {
    actor.ap_id.as_deref().and_then(|id| Url::parse(id).ok())
}

/// The actor's own inbox, else its shared one: what is addressed to that actor alone.
pub(super) fn own_inbox(actor: &FederationFieldsRow) -> Option<Url> {
    actor.inbox_url.as_deref().or(actor.shared_inbox_url.as_deref()).and_then(|inbox| Url::parse(inbox).ok())
}

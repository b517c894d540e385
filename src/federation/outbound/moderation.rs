//! Moderators' actions in our groups, as Lemmy sends them: a removal is a `Delete` by the
//! moderator with the reason in `summary`, a restore the `Undo` of such a `Delete`, a ban a
//! `Block` of the person with the group as `target` (and `Undo(Block)` to lift it); the group
//! announces each to its followers (FEP-1b12), and a remote person concerned gets it directly.
//!
//! A removal by an admin who does not moderate the group is sent as the group's own `Delete`:
//! other servers check the actor against the group's moderators list, where an admin is not.

use url::Url;

use super::posts::delete_of;
use super::routing::{self, GroupRoute, Outgoing, Target};
use super::{TranslateError, activity_json, new_activity_id};
use crate::db;
use crate::domain::PostId;
use crate::federation::objects::url;
use crate::federation::protocol::{BlockJson, PUBLIC, UndoJson, UndoObject};
use crate::federation::uris::Uris;
use crate::service::Context;
use crate::service::federated::{self, FederatedPost};

/// The moderator's `Delete` (with `summary`) of a post in one of our groups, or its `Undo`.
pub(super) async fn removal_changed(
    ctx: &Context,
    uris: &Uris,
    post: i64,
    moderator: i64,
    reason: &str,
    removed: bool,
) -> Result<Vec<Outgoing>, TranslateError> {
    let loaded = federated::get_post(ctx, PostId(post)).await?;
    let group_id = {
        let mut conn = ctx.db.acquire().await?;
        db::posts::get_post_ref(&mut conn.conn(), post).await?.ok_or(TranslateError::Gone)?.group_id
    };
    let route = GroupRoute::of(loaded.group.as_ref(), group_id);
    if let (Some(GroupRoute::Remote { .. }), Some(group_id)) = (&route, group_id)
        && let Some(actor) = visiting_moderator(ctx, uris, group_id, moderator).await?
    {
        // One of ours moderates a group elsewhere: the group's instance gets their own
        // activity, and announces it to the group's followers.
        let group_url =
            loaded.group.as_ref().and_then(|group| group.ap_id.as_deref()).map(url).transpose()?;
        let mut delete = delete_of(ctx, uris, actor.clone(), &loaded, group_url.clone())?;
        delete.summary = Some(reason.to_owned()).filter(|reason| !reason.is_empty());
        let activity = match (removed, group_url) {
            (true, _) => Outgoing::new(moderator, delete.id.clone(), activity_json(&delete)?, Vec::new()),
            (false, Some(group_url)) => {
                let undo = undo_of(ctx, uris, actor, UndoObject::Delete(Box::new(delete)), &group_url)?;
                Outgoing::new(moderator, undo.id.clone(), activity_json(&undo)?, Vec::new())
            }
            (false, None) => return Ok(Vec::new()),
        };
        return routing::about_post(ctx, uris, route.as_ref(), activity, author_inbox(&loaded));
    }
    let Some(GroupRoute::Local { id: group_id, name }) = route else {
        // Outside our groups (an admin removed a member's post elsewhere): the author's deletion.
        return match removed {
            true => super::posts::post_deleted(ctx, uris, post, false).await,
            false => Ok(Vec::new()),
        };
    };
    let group_url = url(&uris.group(&name))?;
    let (sender, actor) = acting_moderator(ctx, uris, group_id, &group_url, moderator).await?;
    let mut delete = delete_of(ctx, uris, actor.clone(), &loaded, Some(group_url.clone()))?;
    if !reason.is_empty() {
        delete.summary = Some(reason.to_owned());
    }
    let activity = if removed {
        Outgoing::new(sender, delete.id.clone(), activity_json(&delete)?, Vec::new())
    } else {
        let undo = undo_of(ctx, uris, actor, UndoObject::Delete(Box::new(delete)), &group_url)?;
        Outgoing::new(sender, undo.id.clone(), activity_json(&undo)?, Vec::new())
    };
    let route = GroupRoute::Local { id: group_id, name };
    routing::about_post(ctx, uris, Some(&route), activity, author_inbox(&loaded))
}

/// A ban (`Block` with `target` the group) or its lifting (`Undo(Block)`) in one of our groups.
pub(super) async fn ban_changed(
    ctx: &Context,
    uris: &Uris,
    group_id: i64,
    person: i64,
    moderator: i64,
    block_id: i64,
    banned: bool,
) -> Result<Vec<Outgoing>, TranslateError> {
    let (group, person_row, fields) = {
        let mut conn = ctx.db.acquire().await?;
        let group = db::actors::get_actor(&mut conn.conn(), group_id).await?.ok_or(TranslateError::Gone)?;
        let person_row =
            db::actors::get_actor(&mut conn.conn(), person).await?.ok_or(TranslateError::Gone)?;
        let fields = db::actors::get_federation_fields(&mut conn.conn(), person).await?;
        (group, person_row, fields)
    };
    if !group.local {
        return Ok(Vec::new());
    }
    let group_url = url(&uris.group(&group.name))?;
    let person_url = match (&person_row.local, &person_row.ap_id) {
        (true, _) => url(&uris.actor(&person_row.kind, &person_row.name))?,
        (false, Some(ap_id)) => url(ap_id)?,
        (false, None) => return Err(TranslateError::Gone),
    };
    let (sender, actor) = acting_moderator(ctx, uris, group_id, &group_url, moderator).await?;
    let ban = {
        let mut conn = ctx.db.acquire().await?;
        db::group_bans::get_active_ban(&mut conn.conn(), group_id, person, ctx.now().millis()).await?
    };
    let mut block =
        BlockJson::new(url(&uris.activity("block", block_id))?, actor.clone(), person_url, group_url.clone());
    block.to = vec![url(PUBLIC)?];
    block.cc = vec![group_url.clone()];
    block.audience = Some(group_url.clone());
    if let Some(ban) = ban.filter(|_| banned) {
        block.summary = Some(ban.reason).filter(|reason| !reason.is_empty());
        block.end_time = ban.expires_at.and_then(chrono::DateTime::from_timestamp_millis);
        block.expires = block.end_time;
        block.remove_data = Some(ban.remove_data);
    }
    let activity = if banned {
        Outgoing::new(sender, block.id.clone(), activity_json(&block)?, Vec::new())
    } else {
        let undo = undo_of(ctx, uris, actor, UndoObject::Block(Box::new(block)), &group_url)?;
        Outgoing::new(sender, undo.id.clone(), activity_json(&undo)?, Vec::new())
    };
    let mut outgoing =
        vec![routing::announce_to_followers(ctx, uris, group_id, &group.name, activity.payload.clone())?];
    let inbox = fields
        .filter(|fields| !fields.local)
        .and_then(|fields| fields.shared_inbox_url.or(fields.inbox_url))
        .and_then(|inbox| Url::parse(&inbox).ok());
    if let Some(inbox) = inbox {
        let mut direct = activity;
        direct.targets.push(Target::InboxUnlessReached(inbox));
        outgoing.push(direct);
    }
    Ok(outgoing)
}

/// Who sends a moderator's action: the moderator when the group lists them, else (an admin
/// acting without being a moderator) the group itself.
async fn acting_moderator(
    ctx: &Context,
    uris: &Uris,
    group_id: i64,
    group_url: &Url,
    moderator: i64,
) -> Result<(i64, Url), TranslateError> {
    let mut conn = ctx.db.acquire().await?;
    let role = db::groups::get_moderator_role(&mut conn.conn(), group_id, moderator).await?;
    let row = db::actors::get_actor(&mut conn.conn(), moderator).await?;
    match (role, row) {
        (Some(_), Some(row)) if row.local => Ok((moderator, url(&uris.actor(&row.kind, &row.name))?)),
        _ => Ok((group_id, group_url.clone())),
    }
}

/// The URL of `moderator` when they are one of our people and the remote group `group_id`
/// lists them among its moderators.
async fn visiting_moderator(
    ctx: &Context,
    uris: &Uris,
    group_id: i64,
    moderator: i64,
) -> Result<Option<Url>, TranslateError> {
    let mut conn = ctx.db.acquire().await?;
    if !db::remote_moderators::is_remote_moderator(
        &mut conn.conn(),
        group_id,
        moderator,
        &ctx.settings.people_base(),
    )
    .await?
    {
        return Ok(None);
    }
    match db::actors::get_actor(&mut conn.conn(), moderator).await? {
        Some(row) if row.local => Ok(Some(url(&uris.actor(&row.kind, &row.name))?)),
        _ => Ok(None),
    }
}

fn undo_of(
    ctx: &Context,
    uris: &Uris,
    actor: Url,
    object: UndoObject,
    group_url: &Url,
) -> Result<UndoJson, TranslateError> {
    let mut undo = UndoJson::new(new_activity_id(ctx, uris, "undo")?, actor, object);
    undo.to = vec![url(PUBLIC)?];
    undo.cc = vec![group_url.clone()];
    undo.audience = Some(group_url.clone());
    Ok(undo)
}

/// A remote author hears of their post's removal directly too.
fn author_inbox(post: &FederatedPost) -> Option<Url> {
    routing::notify_inbox(&post.author)
}

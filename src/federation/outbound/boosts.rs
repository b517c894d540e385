//! Boosts by local people (`Announce` of a post's URL, as Mastodon boosts) and their taking
//! back (`Undo` of the same `Announce`): to the booster's followers and the post's remote author.

use super::routing::{Outgoing, Target, notify_inbox};
use super::{TranslateError, activity_json, new_activity_id};
use crate::db;
use crate::domain::PostId;
use crate::federation::objects::{actor_id, post_id, url};
use crate::federation::protocol::{AnnounceJson, UndoJson, UndoObject};
use crate::federation::uris::Uris;
use crate::service::Context;
use crate::service::federated;

pub(super) async fn boost_changed(
    ctx: &Context,
    uris: &Uris,
    boost: i64,
    post: i64,
    booster: i64,
    boosted: bool,
) -> Result<Vec<Outgoing>, TranslateError> {
    let mut conn = ctx.db.acquire().await?;
    let booster_row = db::actors::get_actor(&mut conn.conn(), booster).await?.ok_or(TranslateError::Gone)?;
    drop(conn);
    if !booster_row.local {
        return Ok(Vec::new());
    }
    let target = federated::get_post(ctx, PostId(post)).await?;
    if target.deleted {
        return Err(TranslateError::Gone);
    }
    let booster_url = url(&uris.actor(&booster_row.kind, &booster_row.name))?;
    let followers = url(&uris.followers_of(&booster_row.kind, &booster_row.name))?;
    let mut announce = AnnounceJson::boost(
        url(&uris.activity("announce", boost))?,
        booster_url.clone(),
        post_id(uris, &target)?,
        followers,
    );
    let author = actor_id(uris, &target.author)?;
    announce.cc.push(author);
    let mut targets = vec![Target::FollowersOf(booster)];
    targets.extend(notify_inbox(&target.author).map(Target::Inbox));
    let activity = if boosted {
        Outgoing::new(booster, announce.id.clone(), activity_json(&announce)?, targets)
    } else {
        let mut undo = UndoJson::new(
            new_activity_id(ctx, uris, "undo")?,
            booster_url,
            UndoObject::Announce(Box::new(announce.clone())),
        );
        undo.to = announce.to.clone();
        undo.cc = announce.cc.clone();
        Outgoing::new(booster, undo.id.clone(), activity_json(&undo)?, targets)
    };
    Ok(vec![activity])
}

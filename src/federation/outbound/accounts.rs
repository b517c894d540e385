//! A local account deleted for good: the person sends a `Delete` of itself (Mastodon's shape,
//! `object` the actor's id) to the instances that followed it or that it followed, signed with
//! its own key (still kept), so they drop their copies.

use super::routing::{Outgoing, Target};
use super::{TranslateError, activity_json, new_activity_id};
use crate::db;
use crate::federation::objects::url;
use crate::federation::protocol::{DeleteJson, DeleteObject, PUBLIC};
use crate::federation::uris::Uris;
use crate::service::Context;

pub(super) async fn account_deleted(
    ctx: &Context,
    uris: &Uris,
    actor: i64,
    inboxes: &[String],
) -> Result<Vec<Outgoing>, TranslateError> {
    let row = {
        let mut conn = ctx.db.acquire().await?;
        db::actors::get_actor(&mut conn.conn(), actor).await?.ok_or(TranslateError::Gone)?
    };
    if !row.local || inboxes.is_empty() {
        return Ok(Vec::new());
    }
    let actor_url = url(&uris.actor(&row.kind, &row.name))?;
    let mut delete =
        DeleteJson::new(new_activity_id(ctx, uris, "delete")?, actor_url.clone(), actor_url.clone());
    delete.object = DeleteObject::Url(actor_url);
    delete.to = vec![url(PUBLIC)?];
    let targets = inboxes.iter().filter_map(|inbox| url::Url::parse(inbox).ok()).map(Target::Inbox).collect();
    Ok(vec![Outgoing::new(actor, delete.id.clone(), activity_json(&delete)?, targets)])
}

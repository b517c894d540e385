//! A member blocks a remote person: the `Block` (Mastodon's shape, no `target`) goes to that
//! person's inbox so their instance can keep them away from the member; unblocking sends the
//! `Undo(Block)`. Mutes and domain blocks stay on this instance and send nothing.

use super::follows::{own_inbox, remote_id};
use super::routing::{Outgoing, Target};
use super::{TranslateError, activity_json, new_activity_id};
use crate::db;
use crate::federation::objects::url;
use crate::federation::protocol::{BlockJson, UndoJson, UndoObject};
use crate::federation::uris::Uris;
use crate::service::Context;

/// The `Block` (or, with `blocking` false, its `Undo`) of block `block_id`, whose id is made
/// from the block's so the `Undo` names the same `Block`.
pub(super) async fn block_changed(
    ctx: &Context,
    uris: &Uris,
    block_id: i64,
    blocker: i64,
    blocked: i64,
    blocking: bool,
) -> Result<Vec<Outgoing>, TranslateError> {
    let mut conn = ctx.db.acquire().await?;
    let blocker_row = db::actors::get_actor(&mut conn.conn(), blocker).await?.ok_or(TranslateError::Gone)?;
    let blocked_row =
        db::actors::get_federation_fields(&mut conn.conn(), blocked).await?.ok_or(TranslateError::Gone)?;
    drop(conn);
    if !blocker_row.local || blocked_row.local {
        return Ok(Vec::new());
    }
    let (Some(blocked_id), Some(inbox)) = (remote_id(&blocked_row), own_inbox(&blocked_row)) else {
        return Ok(Vec::new());
    };
    let blocker_url = url(&uris.actor(&blocker_row.kind, &blocker_row.name))?;
    let block =
        BlockJson::personal(url(&uris.activity("block", block_id))?, blocker_url.clone(), blocked_id.clone());
    let targets = vec![Target::Inbox(inbox)];
    if blocking {
        return Ok(vec![Outgoing::new(blocker, block.id.clone(), activity_json(&block)?, targets)]);
    }
    let mut undo =
        UndoJson::new(new_activity_id(ctx, uris, "undo")?, blocker_url, UndoObject::Block(Box::new(block)));
    undo.to = vec![blocked_id];
    Ok(vec![Outgoing::new(blocker, undo.id.clone(), activity_json(&undo)?, targets)])
}

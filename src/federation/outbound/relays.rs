//! A local group re-announces a remote person's activity about a post in it, unchanged inside
//! its `Announce` (FEP-1b12). What is re-announced is decided in `service::group_relays`.

use super::TranslateError;
use super::routing::{self, Outgoing};
use crate::db;
use crate::federation::uris::Uris;
use crate::service::Context;

pub(super) async fn relayed(
    ctx: &Context,
    uris: &Uris,
    group_id: i64,
    activity: &str,
) -> Result<Vec<Outgoing>, TranslateError> {
    let group = {
        let mut conn = ctx.db.acquire().await?;
        db::actors::get_actor(&mut conn.conn(), group_id).await?.ok_or(TranslateError::Gone)?
    };
    if !group.local {
        return Err(TranslateError::Gone);
    }
    let inner = serde_json::from_str::<serde_json::Value>(activity)?;
    Ok(vec![routing::announce_to_followers(ctx, uris, group_id, &group.name, inner)?])
}

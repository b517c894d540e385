//! Quotes (FEP-044f): our `QuoteRequest` to a quoted post's author, our answer (`Accept` with
//! the stamp as `result`, or `Reject`) to a remote request, and the `Delete` of a stamp its
//! author withdrew. Each goes to one actor's inbox.

use serde_json::json;

use super::follows::{own_inbox, remote_id};
use super::routing::{Outgoing, Target};
use super::{TranslateError, activity_json, new_activity_id};
use crate::db;
use crate::domain::PostId;
use crate::federation::objects::url;
use crate::federation::protocol::{DeleteJson, QuoteAnswerJson, QuoteRequestJson};
use crate::federation::uris::Uris;
use crate::service::{Context, federated};

/// Our post quotes a remote one: ask its author, with our post embedded as `instrument`.
pub(super) async fn quote_requested(
    ctx: &Context,
    uris: &Uris,
    post: i64,
) -> Result<Vec<Outgoing>, TranslateError> {
    let mut conn = ctx.db.acquire().await?;
    let quote = db::quotes::get_quote(&mut conn.conn(), post).await?.ok_or(TranslateError::Gone)?;
    let (Some(quoted), Some(request)) = (quote.quoted_post_id, quote.request_ap_id.clone()) else {
        return Err(TranslateError::Gone);
    };
    let quoted = db::posts::get_post_ref(&mut conn.conn(), quoted).await?.ok_or(TranslateError::Gone)?;
    let author = db::actors::get_federation_fields(&mut conn.conn(), quoted.author_id)
        .await?
        .ok_or(TranslateError::Gone)?;
    drop(conn);
    let (Some(author_url), Some(inbox)) = (remote_id(&author), own_inbox(&author)) else {
        return Ok(Vec::new());
    };
    let ours = federated::get_post(ctx, PostId(post)).await?;
    if !ours.local || ours.deleted {
        return Err(TranslateError::Gone);
    }
    let sender = {
        let mut conn = ctx.db.acquire().await?;
        db::posts::get_post_ref(&mut conn.conn(), post).await?.ok_or(TranslateError::Gone)?.author_id
    };
    let instrument = serde_json::to_value(super::posts::document(uris, &ours)?)?;
    let actor = crate::federation::objects::actor_id(uris, &ours.author)?;
    let request =
        QuoteRequestJson::new(url(&request)?, actor, url(&quote.quoted_ap_id)?, instrument, author_url);
    Ok(vec![Outgoing::new(sender, request.id.clone(), activity_json(&request)?, vec![Target::Inbox(inbox)])])
}

/// Our answer to a remote `QuoteRequest`, embedding the request as Mastodon does.
pub(super) async fn quote_answered(
    ctx: &Context,
    uris: &Uris,
    quoted: i64,
    requester: i64,
    request_ap_id: &str,
    quoting_ap_id: &str,
    authorization: Option<i64>,
) -> Result<Vec<Outgoing>, TranslateError> {
    let mut conn = ctx.db.acquire().await?;
    let target = db::posts::get_post_ref(&mut conn.conn(), quoted).await?.ok_or(TranslateError::Gone)?;
    let author =
        db::actors::get_actor(&mut conn.conn(), target.author_id).await?.ok_or(TranslateError::Gone)?;
    let asker =
        db::actors::get_federation_fields(&mut conn.conn(), requester).await?.ok_or(TranslateError::Gone)?;
    drop(conn);
    let (Some(asker_url), Some(inbox)) = (remote_id(&asker), own_inbox(&asker)) else {
        return Ok(Vec::new());
    };
    let author_url = url(&uris.actor(&author.kind, &author.name))?;
    let object = json!({
        "id": request_ap_id,
        "type": "QuoteRequest",
        "actor": asker_url,
        "object": uris.post(PostId(target.id), target.id == target.root_id),
        "instrument": quoting_ap_id,
    });
    let kind = if authorization.is_some() { "accept" } else { "reject" };
    let answer = QuoteAnswerJson {
        id: new_activity_id(ctx, uris, kind)?,
        kind: if authorization.is_some() { "Accept" } else { "Reject" }.to_owned(),
        actor: author_url,
        object,
        result: authorization
            .map(|id| url(&uris.absolute(&crate::federation::uris::quote_authorization_path(id))))
            .transpose()?,
        to: vec![asker_url],
    };
    Ok(vec![Outgoing::new(
        target.author_id,
        answer.id.clone(),
        activity_json(&answer)?,
        vec![Target::Inbox(inbox)],
    )])
}

/// A withdrawn stamp: its author deletes it, told to the quoting post's author.
pub(super) async fn quote_revoked(
    ctx: &Context,
    uris: &Uris,
    id: i64,
) -> Result<Vec<Outgoing>, TranslateError> {
    let mut conn = ctx.db.acquire().await?;
    let stamp = db::quotes::get_authorization(&mut conn.conn(), id).await?.ok_or(TranslateError::Gone)?;
    let target =
        db::posts::get_post_ref(&mut conn.conn(), stamp.quoted_post_id).await?.ok_or(TranslateError::Gone)?;
    let author =
        db::actors::get_actor(&mut conn.conn(), target.author_id).await?.ok_or(TranslateError::Gone)?;
    let asker = db::actors::get_federation_fields(&mut conn.conn(), stamp.actor_id)
        .await?
        .ok_or(TranslateError::Gone)?;
    drop(conn);
    let (Some(asker_url), Some(inbox)) = (remote_id(&asker), own_inbox(&asker)) else {
        return Ok(Vec::new());
    };
    let author_url = url(&uris.actor(&author.kind, &author.name))?;
    let stamp_url = url(&uris.absolute(&crate::federation::uris::quote_authorization_path(id)))?;
    let mut delete = DeleteJson::new(new_activity_id(ctx, uris, "delete")?, author_url, stamp_url);
    delete.to = vec![asker_url];
    Ok(vec![Outgoing::new(
        target.author_id,
        delete.id.clone(),
        activity_json(&delete)?,
        vec![Target::Inbox(inbox)],
    )])
}

//! Quotes (FEP-044f, as Mastodon 4.5 does them): a `QuoteRequest` for one of our posts is
//! answered (`Accept` with a stamp, or `Reject`, sent by the delivery queue); the answer to one
//! of ours settles our quote; a `Delete` of a stamp revokes the quotes it approved; a stored
//! remote post's quote is fetched and its approval checked.

use url::Url;

use super::same_host;
use crate::domain::interaction::QuoteState;
use crate::domain::{ActorId, PostId};
use crate::federation::inbox::InboxError;
use crate::federation::protocol::{
    InteractionPolicyJson, PostJson, QuoteAnswerJson, QuoteAuthorizationJson, QuoteRequestJson,
};
use crate::federation::resolve;
use crate::federation::uris::LocalObject;
use crate::service::{quotes, remote};
use crate::state::AppState;

/// `actor` asks to quote one of our posts.
pub async fn receive_request(
    state: &AppState,
    actor: ActorId,
    actor_url: &Url,
    request: QuoteRequestJson,
) -> Result<(), InboxError> {
    if &request.actor != actor_url || !same_host(&request.id, actor_url) {
        return Err(InboxError::Forbidden("a QuoteRequest on someone else's behalf"));
    }
    let Some(quoting) = request.instrument_id() else {
        return Err(InboxError::BadRequest("the QuoteRequest names no quoting post".into()));
    };
    if !same_host(&quoting, actor_url)
        || request.instrument_author().is_some_and(|author| &author != actor_url)
    {
        return Err(InboxError::Forbidden("the quoting post is not the actor's own"));
    }
    let Some(LocalObject::Post(quoted)) = state.uris.parse_local(&request.object) else {
        tracing::info!(object = %request.object, "QuoteRequest for something that is not our post");
        return Ok(());
    };
    if !remote::local_post_exists(&state.ctx, quoted).await? {
        return Err(InboxError::Service(crate::service::ServiceError::NotFound));
    }
    let answer =
        quotes::answer_quote_request(&state.ctx, actor, quoted, quoting.as_str(), request.id.as_str())
            .await?;
    tracing::info!(post = quoted.0, quoting = %quoting, ?answer, "answered a QuoteRequest");
    state.wake_delivery.notify_one();
    Ok(())
}

/// The answer to a `QuoteRequest` of ours; an `Accept` must carry the stamp, on the answering
/// actor's host.
pub async fn receive_answer(
    state: &AppState,
    actor: ActorId,
    actor_url: &Url,
    answer: QuoteAnswerJson,
) -> Result<(), InboxError> {
    if &answer.actor != actor_url {
        return Err(InboxError::Forbidden("an answer on someone else's behalf"));
    }
    let Some(request) = answer.request_id() else {
        return Err(InboxError::BadRequest("the answer names no QuoteRequest".into()));
    };
    receive_answer_by_id(state, actor, actor_url, &request, answer.accepted(), answer.result.as_ref()).await
}

/// The same, for an `Accept`/`Reject` that names our request only by its id.
pub async fn receive_answer_by_id(
    state: &AppState,
    actor: ActorId,
    actor_url: &Url,
    request: &Url,
    accepted: bool,
    stamp: Option<&Url>,
) -> Result<(), InboxError> {
    let stamp = match (accepted, stamp) {
        (true, Some(stamp)) if same_host(stamp, actor_url) => Some(stamp.as_str()),
        (true, _) => {
            return Err(InboxError::BadRequest(
                "an Accept of a QuoteRequest needs its stamp as `result`".into(),
            ));
        }
        (false, _) => None,
    };
    if !quotes::quote_request_answered(&state.ctx, actor, request.as_str(), stamp).await? {
        tracing::info!(request = %request, "an answer to a QuoteRequest we did not send");
    }
    state.wake_delivery.notify_one();
    Ok(())
}

/// Whether `id` is one of our `QuoteRequest`s.
pub fn is_our_request(state: &AppState, id: &Url) -> bool {
    state.uris.is_local(id) && id.path().starts_with("/activities/quoterequest/")
}

/// A `Delete` of a stamp revokes the quotes it approved; true when it was one.
pub async fn stamp_deleted(state: &AppState, actor_url: &Url, object: &Url) -> Result<bool, InboxError> {
    if !same_host(object, actor_url) {
        return Ok(false);
    }
    let revoked = quotes::remote_stamp_deleted(&state.ctx, object.as_str()).await?;
    if revoked > 0 {
        tracing::info!(stamp = %object, revoked, "quote stamp withdrawn");
    }
    Ok(revoked > 0)
}

/// After a remote post is stored: keep its policy, and when it quotes a post, fetch that post
/// (bounded depth) and decide whether the quote is approved: a post of ours by our own stamp,
/// a remote one by a stamp from its host that names both posts. Posts whose origin publishes
/// no quote policy (Misskey, older Mastodon) are quoted the old way, without approval.
pub async fn after_store(
    state: &AppState,
    stored: PostId,
    post: &PostJson,
    depth: u8,
) -> Result<(), InboxError> {
    if let Some(policy) = &post.interaction_policy {
        let policy = InteractionPolicyJson::policy(Some(policy), None);
        quotes::store_remote_policy(&state.ctx, stored, &policy).await?;
    }
    let Some(quoted_url) = post.quoted() else {
        return Ok(());
    };
    if quoted_url == &post.id {
        return Ok(());
    }
    if let Some(LocalObject::Post(ours)) = state.uris.parse_local(quoted_url) {
        let exists = remote::local_post_exists(&state.ctx, ours).await?;
        let stamp = quotes::our_stamp_for(&state.ctx, ours, post.id.as_str(), stored).await?;
        let state_now = if stamp.is_some() { QuoteState::Accepted } else { QuoteState::Pending };
        let quoted = exists.then_some(ours);
        quotes::record_remote_quote(
            &state.ctx,
            stored,
            quoted,
            quoted_url.as_str(),
            state_now,
            stamp.as_deref(),
        )
        .await?;
        return Ok(());
    }
    let quoted = match remote::post_by_ap_id(&state.ctx, quoted_url.as_str()).await? {
        Some(known) => Some(known),
        None => {
            let (state, url) = (state.clone(), quoted_url.clone());
            super::one_level_apart(async move { fetch_quoted(&state, &url, depth + 1).await }).await?
        }
    };
    let mut state_now = QuoteState::Pending;
    let mut authorization = None;
    if let Some(stamp_url) = &post.quote_authorization {
        if stamp_valid(state, stamp_url, &post.id, quoted_url).await {
            state_now = QuoteState::Accepted;
            authorization = Some(stamp_url.as_str());
        }
    } else if let Some(quoted) = quoted
        && !quoted_declares_policy(state, quoted).await?
    {
        state_now = QuoteState::Accepted;
    }
    quotes::record_remote_quote(&state.ctx, stored, quoted, quoted_url.as_str(), state_now, authorization)
        .await?;
    Ok(())
}

/// Whether a remote post published its own quote policy (then quoting it needs a stamp).
async fn quoted_declares_policy(state: &AppState, quoted: PostId) -> Result<bool, InboxError> {
    let mut conn = state.ctx.db.acquire().await.map_err(crate::service::ServiceError::from)?;
    Ok(crate::db::quotes::get_policy(&mut conn.conn(), quoted.0)
        .await
        .map_err(crate::service::ServiceError::from)?
        .is_some())
}

/// Fetches a stamp and checks that it comes from the quoted post's host and names both posts.
async fn stamp_valid(state: &AppState, stamp: &Url, quoting: &Url, quoted: &Url) -> bool {
    if !same_host(stamp, quoted) {
        return false;
    }
    let Ok(document) = resolve::fetch_document(state, stamp).await else {
        return false;
    };
    let Ok(stamp_json) = serde_json::from_value::<QuoteAuthorizationJson>(document) else {
        return false;
    };
    stamp_json.kind == "QuoteAuthorization"
        && &stamp_json.id == stamp
        && &stamp_json.interacting_object == quoting
        && &stamp_json.interaction_target == quoted
}

/// Fetches a quoted post from its origin and stores it, even when it belongs to no group here.
async fn fetch_quoted(state: &AppState, url: &Url, depth: u8) -> Result<Option<PostId>, InboxError> {
    if depth > super::MAX_DEPTH {
        return Ok(None);
    }
    let document = match resolve::fetch_document(state, url).await {
        Ok(document) => document,
        Err(error) => {
            tracing::info!(%error, quoted = %url, "the quoted post could not be fetched");
            return Ok(None);
        }
    };
    let Ok(quoted) = serde_json::from_value::<PostJson>(document) else {
        return Ok(None);
    };
    if !same_host(&quoted.id, &quoted.attributed_to) || &quoted.id != url {
        return Ok(None);
    }
    let Ok((author, _)) = resolve::actor_by_url(state, &quoted.attributed_to).await else {
        return Ok(None);
    };
    super::create::store_post_kept(state, author, &quoted, depth).await
}

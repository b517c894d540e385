//! Statuses: post (a toot mentioning a group starts a thread, a reply joins one), read, edit,
//! delete, context, favourite.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use serde::Deserialize;

use crate::api::auth::Auth;
use crate::api::error::ApiError;
use crate::api::model::{Account, Status, StatusEdit};
use crate::api::paging::{PageParams, PagedJson, link_header};
use crate::api::params::{Params, lenient, parse_id};
use crate::domain::interaction::QuotePolicy;
use crate::domain::mentions::extract_mentions;
use crate::domain::poll::NewPoll;
use crate::federation::resolve;
use crate::service::statuses::{self, NewStatus, StatusChange};
use crate::service::{ServiceError, account_cards, boosts, statuses::StatusView};
use crate::state::AppState;

#[derive(Debug, Deserialize)]
pub struct NewStatusParams {
    #[serde(default, deserialize_with = "lenient::opt_string")]
    status: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_i64")]
    in_reply_to_id: Option<i64>,
    #[serde(default, deserialize_with = "lenient::opt_string")]
    language: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_string")]
    visibility: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_string")]
    spoiler_text: Option<String>,
    #[serde(default, deserialize_with = "lenient::list")]
    media_ids: Vec<String>,
    #[serde(default)]
    poll: Option<PollParams>,
    #[serde(default, deserialize_with = "lenient::opt_string")]
    scheduled_at: Option<String>,
    /// Mastodon 4.5: the status this one quotes.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    quoted_status_id: Option<String>,
    /// Mastodon 4.5: who may quote this status (`public`, `followers`, `nobody`).
    #[serde(default, deserialize_with = "lenient::opt_string")]
    quote_approval_policy: Option<String>,
}

/// `poll[options][]`, `poll[expires_in]`, `poll[multiple]`, `poll[hide_totals]`.
#[derive(Debug, Default, Deserialize)]
pub struct PollParams {
    #[serde(default, deserialize_with = "lenient::list")]
    options: Vec<String>,
    #[serde(default, deserialize_with = "lenient::opt_i64")]
    expires_in: Option<i64>,
    #[serde(default, deserialize_with = "lenient::opt_bool")]
    multiple: Option<bool>,
    #[serde(default, deserialize_with = "lenient::opt_bool")]
    hide_totals: Option<bool>,
}

impl PollParams {
    /// The checked poll; `None` when no options were sent (an empty `poll` object).
    fn parse(self) -> Result<Option<NewPoll>, ApiError> {
        if self.options.is_empty() && self.expires_in.is_none() {
            return Ok(None);
        }
        NewPoll::parse(
            &self.options,
            self.expires_in,
            self.multiple.unwrap_or(false),
            self.hide_totals.unwrap_or(false),
        )
        .map(Some)
        .map_err(|error| ApiError::from(ServiceError::from(error)))
    }
}

/// Mentioned accounts on other instances that we do not know yet are looked up first, so a
/// toot to `@energy@other.example` can start a thread in that group, and a mention of
/// `@zoe@other.example` (in any status) links to her and reaches her.
async fn resolve_remote_mentions(state: &AppState, text: &str) {
    for mention in extract_mentions(text).into_iter().take(5) {
        let Some(host) = &mention.host else { continue };
        if host.eq_ignore_ascii_case(state.uris.host()) {
            continue;
        }
        if account_cards::lookup(&state.ctx, &mention.handle(), state.uris.host()).await.is_ok() {
            continue;
        }
        if let Err(error) = resolve::resolve_handle(state, &mention.handle()).await {
            tracing::info!(%error, mention = %mention.handle(), "mention could not be resolved");
        }
    }
}

/// `POST /api/v1/statuses`.
pub async fn create(
    State(state): State<AppState>,
    auth: Auth,
    headers: HeaderMap,
    Params(params): Params<NewStatusParams>,
) -> Result<Json<Status>, ApiError> {
    let user = auth.user("write:statuses")?;
    let media_ids = params
        .media_ids
        .iter()
        .map(|id| id.trim().parse::<i64>())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|_| ApiError::invalid("media_ids must be ids of your uploads"))?;
    let poll = match params.poll {
        Some(poll) => poll.parse()?,
        None => None,
    };
    if params.scheduled_at.is_some() {
        return Err(ApiError::invalid("scheduled posts are not supported"));
    }
    let visibility = crate::domain::Visibility::from_client(params.visibility.as_deref())
        .map_err(|error| ApiError::from(ServiceError::from(error)))?;
    let quoted_status_id = match params.quoted_status_id.as_deref().map(str::trim).filter(|id| !id.is_empty())
    {
        Some(id) => {
            Some(id.parse::<i64>().map_err(|_| ApiError::invalid("quoted_status_id must be a status id"))?)
        }
        None => None,
    };
    let quote_policy =
        match params.quote_approval_policy.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
            Some(policy) => Some(QuotePolicy::parse(policy).ok_or_else(|| {
                ApiError::invalid("quote_approval_policy must be public, followers or nobody")
            })?),
            None => None,
        };
    let text = params.status.unwrap_or_default();
    resolve_remote_mentions(&state, &text).await;
    let idempotency_key = headers.get("idempotency-key").and_then(|v| v.to_str().ok()).map(str::to_owned);
    let id = statuses::post_status(
        &state.ctx,
        user,
        state.uris.host(),
        NewStatus {
            text,
            content_warning: params.spoiler_text,
            in_reply_to_id: params.in_reply_to_id,
            language: params.language,
            idempotency_key,
            media_ids,
            visibility,
            quoted_status_id,
            quote_policy,
            poll,
        },
    )
    .await?;
    state.wake_delivery.notify_one();
    let status = statuses::get_status(&state.ctx, Some(user), id.0).await?;
    Ok(Json(Status::new(&state.uris, &status)))
}

pub async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> Result<Json<Status>, ApiError> {
    let viewer = auth.viewer("read:statuses")?;
    let id = parse_id(&id)?;
    match statuses::get_status(&state.ctx, viewer, id).await {
        // Not a post: perhaps a boost, which apps may ask for by its own id.
        Err(ServiceError::NotFound) => {
            let boost = boosts::get_boost(&state.ctx, viewer, id).await?;
            Ok(Json(Status::boost(&state.uris, &boost)))
        }
        found => Ok(Json(Status::new(&state.uris, &found?))),
    }
}

#[derive(Debug, Deserialize)]
pub struct IdsParams {
    #[serde(default, deserialize_with = "lenient::list")]
    id: Vec<String>,
}

/// `GET /api/v1/statuses?id[]=...`.
pub async fn show_many(
    State(state): State<AppState>,
    auth: Auth,
    Params(params): Params<IdsParams>,
) -> Result<Json<Vec<Status>>, ApiError> {
    let viewer = auth.viewer("read:statuses")?;
    let ids: Vec<i64> = params.id.iter().filter_map(|id| id.parse().ok()).collect();
    let found = statuses::get_statuses(&state.ctx, viewer, &ids).await?;
    Ok(Json(Status::list(&state.uris, &found)))
}

/// `DELETE /api/v1/statuses/:id`: answers with the deleted status and its `text`.
pub async fn delete(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> Result<Json<Status>, ApiError> {
    let user = auth.user("write:statuses")?;
    let deleted = statuses::delete_status(&state.ctx, user, parse_id(&id)?).await?;
    state.wake_delivery.notify_one();
    let mut status = Status::new(&state.uris, &deleted);
    status.text = Some(deleted.source_text());
    Ok(Json(status))
}

#[derive(Debug, Deserialize)]
pub struct EditParams {
    #[serde(default, deserialize_with = "lenient::opt_string")]
    status: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_string")]
    spoiler_text: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_string")]
    language: Option<String>,
}

/// `PUT /api/v1/statuses/:id`.
pub async fn edit(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Params(params): Params<EditParams>,
) -> Result<Json<Status>, ApiError> {
    let user = auth.user("write:statuses")?;
    let change = StatusChange {
        text: params.status.unwrap_or_default(),
        content_warning: params.spoiler_text,
        language: params.language,
    };
    let edited = statuses::edit_status(&state.ctx, user, parse_id(&id)?, change).await?;
    state.wake_delivery.notify_one();
    Ok(Json(Status::new(&state.uris, &edited)))
}

/// `GET /api/v1/statuses/:id/source`.
pub async fn source(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let user = auth.user("read:statuses")?;
    let status = statuses::get_status(&state.ctx, Some(user), parse_id(&id)?).await?;
    Ok(Json(serde_json::json!({
        "id": status.id.to_string(),
        "text": status.source_text(),
        "spoiler_text": status.content_warning.clone().unwrap_or_default(),
    })))
}

/// `GET /api/v1/statuses/:id/history`: the earlier versions, oldest first, then the current one.
pub async fn history(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> Result<Json<Vec<StatusEdit>>, ApiError> {
    let viewer = auth.viewer("read:statuses")?;
    let (status, earlier) = statuses::status_history(&state.ctx, viewer, parse_id(&id)?).await?;
    Ok(Json(StatusEdit::history(&state.uris, &status, &earlier)))
}

pub async fn context(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let viewer = auth.viewer("read:statuses")?;
    let (ancestors, descendants) = statuses::get_context(&state.ctx, viewer, parse_id(&id)?).await?;
    Ok(Json(serde_json::json!({
        "ancestors": Status::list(&state.uris, &ancestors),
        "descendants": Status::list(&state.uris, &descendants),
    })))
}

async fn set_favourite(
    state: &AppState,
    auth: &Auth,
    id: &str,
    liked: bool,
) -> Result<Json<Status>, ApiError> {
    let user = auth.user("write:favourites")?;
    let status: StatusView = statuses::set_favourite(&state.ctx, user, parse_id(id)?, liked).await?;
    state.wake_delivery.notify_one();
    Ok(Json(Status::new(&state.uris, &status)))
}

pub async fn favourite(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> Result<Json<Status>, ApiError> {
    set_favourite(&state, &auth, &id, true).await
}

pub async fn unfavourite(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> Result<Json<Status>, ApiError> {
    set_favourite(&state, &auth, &id, false).await
}

/// `GET /api/v1/statuses/:id/favourited_by`.
pub async fn favourited_by(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> Result<Json<Vec<Account>>, ApiError> {
    let viewer = auth.viewer("read:statuses")?;
    let id = parse_id(&id)?;
    statuses::get_status(&state.ctx, viewer, id).await?;
    let likers = statuses::list_likers(&state.ctx, id).await?;
    Ok(Json(likers.iter().map(|a| Account::from_summary(&state.uris, a)).collect()))
}

/// `POST /api/v1/statuses/:id/reblog`: answers with the boost, a status whose `reblog` is the
/// post. The id may be the post's or that of a boost of it.
pub async fn reblog(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> Result<Json<Status>, ApiError> {
    let user = auth.user("write:statuses")?;
    let post = boosts::post_of(&state.ctx, parse_id(&id)?).await?;
    let boost = boosts::boost(&state.ctx, user, post).await?;
    state.wake_delivery.notify_one();
    Ok(Json(Status::boost(&state.uris, &boost)))
}

/// `POST /api/v1/statuses/:id/unreblog`: answers with the post, no longer boosted.
pub async fn unreblog(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> Result<Json<Status>, ApiError> {
    let user = auth.user("write:statuses")?;
    let post = boosts::post_of(&state.ctx, parse_id(&id)?).await?;
    let status = boosts::unboost(&state.ctx, user, post).await?;
    state.wake_delivery.notify_one();
    Ok(Json(Status::new(&state.uris, &status)))
}

async fn set_bookmark(state: &AppState, auth: &Auth, id: &str, on: bool) -> Result<Json<Status>, ApiError> {
    let user = auth.user("write:bookmarks")?;
    let status = statuses::set_bookmark(&state.ctx, user, parse_id(id)?, on).await?;
    Ok(Json(Status::new(&state.uris, &status)))
}

pub async fn bookmark(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> Result<Json<Status>, ApiError> {
    set_bookmark(&state, &auth, &id, true).await
}

pub async fn unbookmark(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> Result<Json<Status>, ApiError> {
    set_bookmark(&state, &auth, &id, false).await
}

/// `GET /api/v1/bookmarks`, paged by bookmark.
pub async fn bookmarks(
    State(state): State<AppState>,
    auth: Auth,
    Params(params): Params<PageParams>,
) -> Result<PagedJson<Status>, ApiError> {
    let user = auth.user("read:bookmarks")?;
    let limit = params.limit.unwrap_or(20).clamp(1, 40);
    let found = statuses::bookmarked_statuses(&state.ctx, user, params.max_id, limit).await?;
    let link = link_header(
        &state.uris,
        "/api/v1/bookmarks",
        &[],
        found.first().map(|(cursor, _)| *cursor),
        found.last().map(|(cursor, _)| *cursor),
        limit,
    );
    let items = found.iter().map(|(_, status)| Status::new(&state.uris, status)).collect();
    Ok(PagedJson { items, link })
}

/// `GET /api/v1/statuses/:id/reblogged_by`.
pub async fn reblogged_by(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> Result<Json<Vec<Account>>, ApiError> {
    let viewer = auth.viewer("read:statuses")?;
    let id = parse_id(&id)?;
    statuses::get_status(&state.ctx, viewer, id).await?;
    let boosters = boosts::list_boosters(&state.ctx, id).await?;
    Ok(Json(boosters.iter().map(|a| Account::from_summary(&state.uris, a)).collect()))
}

/// `POST /api/v1/statuses/:id/quotes/:quoting_status_id/revoke` (Mastodon 4.5): the author of
/// `id` withdraws their approval of the quote; answers with the quoting status.
pub async fn revoke_quote(
    State(state): State<AppState>,
    auth: Auth,
    Path((id, quoting)): Path<(String, String)>,
) -> Result<Json<Status>, ApiError> {
    let user = auth.user("write:statuses")?;
    let (id, quoting) = (parse_id(&id)?, parse_id(&quoting)?);
    crate::service::quotes::revoke_by_quoting_post(
        &state.ctx,
        user,
        crate::domain::PostId(id),
        crate::domain::PostId(quoting),
    )
    .await?;
    state.wake_delivery.notify_one();
    let status = statuses::get_status(&state.ctx, Some(user), quoting).await?;
    Ok(Json(Status::new(&state.uris, &status)))
}

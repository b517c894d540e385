//! Blocks, mutes and domain blocks of the member: `POST /api/v1/accounts/:id/block|unblock|
//! mute|unmute`, `GET /api/v1/blocks`, `GET /api/v1/mutes`, `GET/POST/DELETE /api/v1/domain_blocks`.

use axum::Json;
use axum::extract::{Path, State};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::api::auth::Auth;
use crate::api::error::ApiError;
use crate::api::model::{Account, Relationship};
use crate::api::paging::{PageParams, PagedJson, link_header};
use crate::api::params::{Params, lenient, parse_id};
use crate::domain::ActorId;
use crate::service::CurrentUser;
use crate::service::account_cards::{self, AccountCard};
use crate::service::blocks::{self, MuteOptions};
use crate::state::AppState;

async fn relationship(state: &AppState, user: &CurrentUser, id: i64) -> Result<Json<Relationship>, ApiError> {
    let found = account_cards::relationships(&state.ctx, user, &[id]).await?;
    let first = found.first().ok_or(ApiError::NotFound)?;
    Ok(Json(Relationship::from(first)))
}

pub async fn block(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> Result<Json<Relationship>, ApiError> {
    let user = auth.user("write:blocks")?;
    let id = parse_id(&id)?;
    blocks::block_actor(&state.ctx, user, ActorId(id)).await?;
    state.wake_delivery.notify_one();
    relationship(&state, user, id).await
}

pub async fn unblock(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> Result<Json<Relationship>, ApiError> {
    let user = auth.user("write:blocks")?;
    let id = parse_id(&id)?;
    blocks::unblock_actor(&state.ctx, user, ActorId(id)).await?;
    state.wake_delivery.notify_one();
    relationship(&state, user, id).await
}

#[derive(Debug, Deserialize)]
pub struct MuteParams {
    /// Hide their notifications too; Mastodon's default is true.
    #[serde(default, deserialize_with = "lenient::opt_bool")]
    notifications: Option<bool>,
    /// Seconds; 0 or absent means indefinitely.
    #[serde(default, deserialize_with = "lenient::opt_i64")]
    duration: Option<i64>,
}

pub async fn mute(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Params(params): Params<MuteParams>,
) -> Result<Json<Relationship>, ApiError> {
    let user = auth.user("write:mutes")?;
    let id = parse_id(&id)?;
    let options = MuteOptions {
        notifications: params.notifications.unwrap_or(true),
        duration_seconds: params.duration,
    };
    blocks::mute_actor(&state.ctx, user, ActorId(id), options).await?;
    relationship(&state, user, id).await
}

pub async fn unmute(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> Result<Json<Relationship>, ApiError> {
    let user = auth.user("write:mutes")?;
    let id = parse_id(&id)?;
    blocks::unmute_actor(&state.ctx, user, ActorId(id)).await?;
    relationship(&state, user, id).await
}

fn account_page(
    state: &AppState,
    path: &str,
    found: &[(i64, AccountCard)],
    limit: i64,
) -> PagedJson<Account> {
    let link =
        link_header(&state.uris, path, &[], found.first().map(|f| f.0), found.last().map(|f| f.0), limit);
    PagedJson { items: found.iter().map(|(_, card)| Account::from_card(&state.uris, card)).collect(), link }
}

/// `GET /api/v1/blocks`: newest block first, paged by `max_id`.
pub async fn blocked(
    State(state): State<AppState>,
    auth: Auth,
    Params(params): Params<PageParams>,
) -> Result<PagedJson<Account>, ApiError> {
    let user = auth.user("read:blocks")?;
    let limit = params.limit.unwrap_or(40).clamp(1, 80);
    let found = blocks::list_blocked(&state.ctx, user, params.max_id, limit).await?;
    Ok(account_page(&state, "/api/v1/blocks", &found, limit))
}

/// `GET /api/v1/mutes`: newest mute first, paged by `max_id`.
pub async fn muted(
    State(state): State<AppState>,
    auth: Auth,
    Params(params): Params<PageParams>,
) -> Result<PagedJson<Account>, ApiError> {
    let user = auth.user("read:mutes")?;
    let limit = params.limit.unwrap_or(40).clamp(1, 80);
    let found = blocks::list_muted(&state.ctx, user, params.max_id, limit).await?;
    Ok(account_page(&state, "/api/v1/mutes", &found, limit))
}

/// `GET /api/v1/domain_blocks`: the domains as strings, newest first.
pub async fn domains(
    State(state): State<AppState>,
    auth: Auth,
    Params(params): Params<PageParams>,
) -> Result<PagedJson<String>, ApiError> {
    let user = auth.user("read:blocks")?;
    let limit = params.limit.unwrap_or(100).clamp(1, 200);
    let found = blocks::list_blocked_domains(&state.ctx, user, params.max_id, limit).await?;
    let link = link_header(
        &state.uris,
        "/api/v1/domain_blocks",
        &[],
        found.first().map(|f| f.0),
        found.last().map(|f| f.0),
        limit,
    );
    Ok(PagedJson { items: found.into_iter().map(|(_, host)| host).collect(), link })
}

#[derive(Debug, Deserialize)]
pub struct DomainParams {
    #[serde(default)]
    domain: String,
}

pub async fn block_domain(
    State(state): State<AppState>,
    auth: Auth,
    Params(params): Params<DomainParams>,
) -> Result<Json<Value>, ApiError> {
    let user = auth.user("write:blocks")?;
    blocks::block_domain(&state.ctx, user, &params.domain).await?;
    Ok(Json(json!({})))
}

pub async fn unblock_domain(
    State(state): State<AppState>,
    auth: Auth,
    Params(params): Params<DomainParams>,
) -> Result<Json<Value>, ApiError> {
    let user = auth.user("write:blocks")?;
    blocks::unblock_domain(&state.ctx, user, &params.domain).await?;
    Ok(Json(json!({})))
}

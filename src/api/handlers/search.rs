//! `GET /api/v2/search`: accounts by handle or URL (fetched over federation with
//! `resolve=true`, so members find remote groups from their app), statuses by URL, accounts by
//! name prefix, known hashtags by prefix, and public posts by their words (full text, ranked,
//! paged by `offset` up to [`search::MAX_OFFSET`]).

use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::api::auth::Auth;
use crate::api::error::ApiError;
use crate::api::model::{Account, Status, Tag};
use crate::api::params::{Params, lenient};
use crate::federation::resolve;
use crate::federation::uris::LocalObject;
use crate::service::account_cards::{self, AccountCard};
use crate::service::{CurrentUser, search, statuses, tags};
use crate::state::AppState;

#[derive(Debug, Deserialize)]
pub struct SearchParams {
    #[serde(default)]
    q: String,
    #[serde(default, rename = "type")]
    kind: Option<String>,
    #[serde(default, deserialize_with = "lenient::bool")]
    resolve: bool,
    #[serde(default, deserialize_with = "lenient::opt_i64")]
    limit: Option<i64>,
    #[serde(default, deserialize_with = "lenient::opt_i64")]
    offset: Option<i64>,
}

pub async fn search(
    State(state): State<AppState>,
    auth: Auth,
    Params(params): Params<SearchParams>,
) -> Result<Json<Value>, ApiError> {
    let viewer = auth.viewer("read:search")?;
    let q = params.q.trim();
    let limit = params.limit.unwrap_or(20).clamp(1, 40);
    // Looking things up elsewhere is for signed-in members only.
    let resolve = params.resolve && viewer.is_some();
    let wants = |kind: &str| params.kind.as_deref().is_none_or(|k| k == kind);
    let mut accounts: Vec<AccountCard> = Vec::new();
    let mut found_statuses = Vec::new();
    if q.starts_with("https://") || q.starts_with("http://") {
        if let Ok(url) = url::Url::parse(q) {
            by_url(&state, viewer, &url, resolve, &mut accounts, &mut found_statuses).await?;
        }
    } else if q.trim_start_matches('@').contains('@') {
        if wants("accounts") {
            accounts.extend(by_handle(&state, q, resolve).await?);
        }
    } else {
        if wants("accounts") && !q.is_empty() {
            accounts = account_cards::search(&state.ctx, viewer, q, limit).await?;
        }
        if wants("statuses") {
            let offset = params.offset.unwrap_or(0);
            let found = search::search_posts(&state.ctx, viewer, q, offset, limit).await?;
            found_statuses.extend(found.hits.into_iter().map(|hit| hit.status));
        }
    }
    if !wants("accounts") {
        accounts.clear();
    }
    if !wants("statuses") {
        found_statuses.clear();
    }
    let hashtags = if wants("hashtags") && !q.contains("://") && !q.trim_start_matches('@').contains('@') {
        tags::search_hashtags(&state.ctx, q, limit).await?
    } else {
        Vec::new()
    };
    Ok(Json(json!({
        "accounts": accounts.iter().map(|c| Account::from_card(&state.uris, c)).collect::<Vec<_>>(),
        "statuses": Status::list(&state.uris, &found_statuses),
        "hashtags": hashtags.iter().map(|found| Tag::new(&state.uris, &found.name)).collect::<Vec<_>>(),
    })))
}

async fn by_handle(state: &AppState, q: &str, resolve: bool) -> Result<Option<AccountCard>, ApiError> {
    let own_host = state.uris.host();
    if let Ok(card) = account_cards::lookup(&state.ctx, q, own_host).await {
        return Ok(Some(card));
    }
    if !resolve {
        return Ok(None);
    }
    match resolve::resolve_handle(state, q).await {
        Ok(actor) => Ok(account_cards::get_account(&state.ctx, actor.0).await.ok()),
        Err(error) => {
            tracing::info!(%error, handle = q, "search: handle not resolved");
            Ok(None)
        }
    }
}

async fn by_url(
    state: &AppState,
    viewer: Option<&CurrentUser>,
    url: &url::Url,
    resolve: bool,
    accounts: &mut Vec<AccountCard>,
    found_statuses: &mut Vec<statuses::StatusView>,
) -> Result<(), ApiError> {
    match state.uris.parse_local(url) {
        Some(LocalObject::Post(id)) => {
            found_statuses.extend(statuses::get_status(&state.ctx, viewer, id.0).await.ok());
            return Ok(());
        }
        Some(LocalObject::Actor { name, .. }) => {
            accounts.extend(account_cards::lookup(&state.ctx, &name, state.uris.host()).await.ok());
            return Ok(());
        }
        Some(LocalObject::Follow(_) | LocalObject::Event(_) | LocalObject::Join { .. }) => return Ok(()),
        None => {}
    }
    if let Some(id) = statuses::post_by_ap_id(&state.ctx, url.as_str()).await? {
        found_statuses.extend(statuses::get_status(&state.ctx, viewer, id).await.ok());
        return Ok(());
    }
    if resolve {
        match resolve::actor_by_url(state, url).await {
            Ok((actor, _)) => accounts.extend(account_cards::get_account(&state.ctx, actor.0).await.ok()),
            Err(error) => tracing::info!(%error, url = %url, "search: URL not resolved as an actor"),
        }
    }
    Ok(())
}

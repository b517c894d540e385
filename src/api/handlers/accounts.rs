//! Accounts: the member's own (verify and update), any person or group by id or handle, their
//! statuses, followers and follows, and following them.

use axum::Json;
use axum::extract::{Path, State};
use serde::Deserialize;

use crate::api::auth::Auth;
use crate::api::error::ApiError;
use crate::api::model::{Account, CredentialAccount, Relationship, Status};
use crate::api::paging::{PageParams, PagedJson, link_header};
use crate::api::params::{Params, ParamsWithFiles, lenient, parse_id};
use crate::domain::ActorId;
use crate::service::profile_images::{self, ImageChange};
use crate::service::statuses::{self, AccountFilter};
use crate::service::{CurrentUser, account_cards, accounts, follows};
use crate::state::AppState;

async fn credential_account(state: &AppState, user: &CurrentUser) -> Result<CredentialAccount, ApiError> {
    let card = account_cards::get_account(&state.ctx, user.id.0).await?;
    let quote_policy = crate::service::quotes::quote_default(&state.ctx, user).await?;
    Ok(CredentialAccount::new(&state.uris, &card, user, quote_policy.as_str()))
}

/// `GET /api/v1/accounts/verify_credentials`: needs `read:accounts` or `profile`.
pub async fn verify_credentials(
    State(state): State<AppState>,
    auth: Auth,
) -> Result<Json<CredentialAccount>, ApiError> {
    let grant = auth.grant()?;
    let user = if grant.scopes.allows("profile") { grant.user.as_ref() } else { None };
    let user = match user {
        Some(user) => user,
        None => auth.user("read:accounts")?,
    };
    Ok(Json(credential_account(&state, user).await?))
}

#[derive(Debug, Deserialize)]
pub struct UpdateParams {
    #[serde(default, deserialize_with = "lenient::opt_string")]
    display_name: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_string")]
    note: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_string")]
    locale: Option<String>,
    #[serde(default)]
    source: Option<SourceParams>,
}

#[derive(Debug, Deserialize)]
pub struct SourceParams {
    #[serde(default, deserialize_with = "lenient::opt_string")]
    language: Option<String>,
    /// Mastodon 4.5: who may quote new posts by default.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    quote_policy: Option<String>,
}

/// `PATCH /api/v1/accounts/update_credentials`: display name, bio, language, and the `avatar`
/// and `header` images (multipart files, as Mastodon takes them).
pub async fn update_credentials(
    State(state): State<AppState>,
    auth: Auth,
    ParamsWithFiles(params, mut files): ParamsWithFiles<UpdateParams>,
) -> Result<Json<CredentialAccount>, ApiError> {
    let user = auth.user("write:accounts")?;
    let quote_policy =
        match params.source.as_ref().and_then(|s| s.quote_policy.as_deref()) {
            Some(raw) => Some(crate::domain::interaction::QuotePolicy::parse(raw).ok_or_else(|| {
                ApiError::invalid("source[quote_policy] must be public, followers or nobody")
            })?),
            None => None,
        };
    if let Some(policy) = quote_policy {
        crate::service::quotes::set_quote_default(&state.ctx, user, policy).await?;
    }
    let avatar = files.remove("avatar").map_or(ImageChange::Keep, ImageChange::from_upload);
    let header = files.remove("header").map_or(ImageChange::Keep, ImageChange::from_upload);
    profile_images::change_images(&state.ctx, user.id, avatar, header).await?;
    let mut profile = accounts::get_profile(&state.ctx, user).await?;
    if let Some(display_name) = params.display_name {
        profile.display_name = display_name;
    }
    if let Some(note) = params.note {
        profile.bio = note;
    }
    if let Some(language) = params.source.and_then(|s| s.language).or(params.locale) {
        profile.language = language;
    }
    accounts::update_profile(&state.ctx, user, profile).await?;
    let mut user = user.clone();
    user.language = accounts::get_profile(&state.ctx, &user).await?.language;
    Ok(Json(credential_account(&state, &user).await?))
}

/// `DELETE /api/v1/profile/avatar` (Mastodon 4.2): removes the avatar; the default one shows.
pub async fn delete_avatar(
    State(state): State<AppState>,
    auth: Auth,
) -> Result<Json<CredentialAccount>, ApiError> {
    remove_image(&state, &auth, ImageChange::Remove, ImageChange::Keep).await
}

/// `DELETE /api/v1/profile/header` (Mastodon 4.2): removes the header image.
pub async fn delete_header(
    State(state): State<AppState>,
    auth: Auth,
) -> Result<Json<CredentialAccount>, ApiError> {
    remove_image(&state, &auth, ImageChange::Keep, ImageChange::Remove).await
}

/// Removing an image the account does not have answers the account as it is.
async fn remove_image(
    state: &AppState,
    auth: &Auth,
    avatar: ImageChange,
    header: ImageChange,
) -> Result<Json<CredentialAccount>, ApiError> {
    let user = auth.user("write:accounts")?;
    profile_images::change_images(&state.ctx, user.id, avatar, header).await?;
    Ok(Json(credential_account(state, user).await?))
}

pub async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> Result<Json<Account>, ApiError> {
    auth.viewer("read:accounts")?;
    let card = account_cards::get_account(&state.ctx, parse_id(&id)?).await?;
    Ok(Json(Account::from_card(&state.uris, &card)))
}

#[derive(Debug, Deserialize)]
pub struct LookupParams {
    #[serde(default)]
    acct: String,
}

pub async fn lookup(
    State(state): State<AppState>,
    auth: Auth,
    Params(params): Params<LookupParams>,
) -> Result<Json<Account>, ApiError> {
    auth.viewer("read:accounts")?;
    let card = account_cards::lookup(&state.ctx, &params.acct, state.uris.host()).await?;
    Ok(Json(Account::from_card(&state.uris, &card)))
}

#[derive(Debug, Deserialize)]
pub struct SearchParams {
    #[serde(default)]
    q: String,
    #[serde(default, deserialize_with = "lenient::opt_i64")]
    limit: Option<i64>,
}

pub async fn search(
    State(state): State<AppState>,
    auth: Auth,
    Params(params): Params<SearchParams>,
) -> Result<Json<Vec<Account>>, ApiError> {
    let user = auth.user("read:accounts")?;
    let limit = params.limit.unwrap_or(40).clamp(1, 80);
    let cards = account_cards::search(&state.ctx, Some(user), &params.q, limit).await?;
    Ok(Json(cards.iter().map(|c| Account::from_card(&state.uris, c)).collect()))
}

#[derive(Debug, Deserialize)]
pub struct StatusesParams {
    #[serde(flatten)]
    page: PageParams,
    #[serde(default, deserialize_with = "lenient::bool")]
    exclude_replies: bool,
    #[serde(default, deserialize_with = "lenient::bool")]
    only_media: bool,
    #[serde(default, deserialize_with = "lenient::bool")]
    pinned: bool,
    #[serde(default, deserialize_with = "lenient::bool")]
    exclude_reblogs: bool,
}

pub async fn statuses(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Params(params): Params<StatusesParams>,
) -> Result<PagedJson<Status>, ApiError> {
    let viewer = auth.viewer("read:statuses")?;
    let account = parse_id(&id)?;
    account_cards::get_account(&state.ctx, account).await?;
    // Allmende has no pinned posts: that list is empty.
    if params.pinned {
        return Ok(PagedJson { items: Vec::new(), link: None });
    }
    let window = params.page.window(20, 40);
    let filter = AccountFilter {
        exclude_replies: params.exclude_replies,
        only_media: params.only_media,
        exclude_reblogs: params.exclude_reblogs,
    };
    let found = statuses::account_statuses(&state.ctx, viewer, account, filter, window).await?;
    let mut extra = Vec::new();
    if params.exclude_replies {
        extra.push(("exclude_replies", "true".to_owned()));
    }
    if params.only_media {
        extra.push(("only_media", "true".to_owned()));
    }
    if params.exclude_reblogs {
        extra.push(("exclude_reblogs", "true".to_owned()));
    }
    let link = link_header(
        &state.uris,
        &format!("/api/v1/accounts/{account}/statuses"),
        &extra,
        found.first().map(|s| s.entry_id()),
        found.last().map(|s| s.entry_id()),
        window.limit,
    );
    Ok(PagedJson { items: Status::list(&state.uris, &found), link })
}

async fn follow_list(
    state: &AppState,
    auth: &Auth,
    id: &str,
    params: &PageParams,
    followers: bool,
) -> Result<PagedJson<Account>, ApiError> {
    auth.viewer("read:accounts")?;
    let account = parse_id(id)?;
    let limit = params.limit.unwrap_or(40).clamp(1, 80);
    let found = account_cards::follow_list(&state.ctx, account, followers, params.max_id, limit).await?;
    let path = format!("/api/v1/accounts/{account}/{}", if followers { "followers" } else { "following" });
    let link =
        link_header(&state.uris, &path, &[], found.first().map(|f| f.0), found.last().map(|f| f.0), limit);
    Ok(PagedJson {
        items: found.iter().map(|(_, card)| Account::from_card(&state.uris, card)).collect(),
        link,
    })
}

pub async fn followers(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Params(params): Params<PageParams>,
) -> Result<PagedJson<Account>, ApiError> {
    follow_list(&state, &auth, &id, &params, true).await
}

pub async fn following(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Params(params): Params<PageParams>,
) -> Result<PagedJson<Account>, ApiError> {
    follow_list(&state, &auth, &id, &params, false).await
}

async fn relationship(state: &AppState, user: &CurrentUser, id: i64) -> Result<Json<Relationship>, ApiError> {
    let found = account_cards::relationships(&state.ctx, user, &[id]).await?;
    let first = found.first().ok_or(ApiError::NotFound)?;
    Ok(Json(Relationship::from(first)))
}

#[derive(Debug, Deserialize)]
pub struct FollowParams {
    /// Notify the member of each new post (absent: leave as it is).
    #[serde(default, deserialize_with = "lenient::opt_bool")]
    notify: Option<bool>,
}

/// `POST /api/v1/accounts/:id/follow` (`notify`): a person or group, here or elsewhere.
/// Following a remote group pulls in its latest threads. Following again changes `notify`.
pub async fn follow(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Params(params): Params<FollowParams>,
) -> Result<Json<Relationship>, ApiError> {
    let user = auth.user("write:follows")?;
    let id = parse_id(&id)?;
    if let Some(group_url) = follows::follow_actor(&state.ctx, user, ActorId(id)).await? {
        crate::federation::backfill::spawn_backfill(&state, group_url);
    }
    if let Some(notify) = params.notify {
        follows::set_follow_notify(&state.ctx, user, ActorId(id), notify).await?;
    }
    state.wake_delivery.notify_one();
    relationship(&state, user, id).await
}

pub async fn unfollow(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> Result<Json<Relationship>, ApiError> {
    let user = auth.user("write:follows")?;
    let id = parse_id(&id)?;
    follows::unfollow_actor(&state.ctx, user, ActorId(id)).await?;
    state.wake_delivery.notify_one();
    relationship(&state, user, id).await
}

#[derive(Debug, Deserialize)]
pub struct RelationshipParams {
    #[serde(default, deserialize_with = "lenient::list")]
    id: Vec<String>,
}

pub async fn relationships(
    State(state): State<AppState>,
    auth: Auth,
    Params(params): Params<RelationshipParams>,
) -> Result<Json<Vec<Relationship>>, ApiError> {
    let user = auth.user("read:follows")?;
    let ids: Vec<i64> = params.id.iter().filter_map(|id| id.parse().ok()).collect();
    let found = account_cards::relationships(&state.ctx, user, &ids).await?;
    Ok(Json(found.iter().map(Relationship::from).collect()))
}

/// `GET /api/v1/favourites`.
pub async fn favourites(
    State(state): State<AppState>,
    auth: Auth,
    Params(params): Params<PageParams>,
) -> Result<PagedJson<Status>, ApiError> {
    let user = auth.user("read:favourites")?;
    let window = params.window(20, 40);
    let found = statuses::liked_statuses(&state.ctx, user, window).await?;
    let link = link_header(
        &state.uris,
        "/api/v1/favourites",
        &[],
        found.first().map(|s| s.id),
        found.last().map(|s| s.id),
        window.limit,
    );
    Ok(PagedJson { items: Status::list(&state.uris, &found), link })
}

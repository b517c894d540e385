//! Mastodon's admin API for accounts and domain blocks (`/api/v1/admin/...`): the apps and
//! scripts admins use. Admins only, with the `admin:read`/`admin:write` scopes (or their
//! granular `admin:*:accounts` and `admin:*:domain_blocks`).

use axum::Json;
use axum::extract::{Path, State};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::api::auth::Auth;
use crate::api::error::ApiError;
use crate::api::model::admin_account::{AdminAccount, AdminDomainBlock, public_domain_block};
use crate::api::paging::{PageParams, PagedJson, link_header};
use crate::api::params::{Params, lenient, parse_id};
use crate::db::admin_accounts::AccountFilter;
use crate::domain::{ActorId, Permission};
use crate::service::suspensions::{self, AccountAction};
use crate::service::{CurrentUser, ServiceError, admin_accounts, instance_blocks};
use crate::state::AppState;

/// The acting admin: a person's token with `scope`, and the admin role.
fn admin<'a>(auth: &'a Auth, scope: &'static str) -> Result<&'a CurrentUser, ApiError> {
    staff(auth, scope, Permission::Administer)
}

/// The acting admin or instance moderator: a person's token with `scope`, and a role that
/// grants `permission`.
fn staff<'a>(
    auth: &'a Auth,
    scope: &'static str,
    permission: Permission,
) -> Result<&'a CurrentUser, ApiError> {
    let user = auth.user(scope)?;
    if !user.may(permission) {
        return Err(ServiceError::Forbidden.into());
    }
    Ok(user)
}

#[derive(Debug, Default, Deserialize)]
pub struct AccountsParams {
    #[serde(flatten)]
    page: PageParams,
    #[serde(default, deserialize_with = "lenient::opt_bool")]
    local: Option<bool>,
    #[serde(default, deserialize_with = "lenient::opt_bool")]
    remote: Option<bool>,
    #[serde(default, deserialize_with = "lenient::opt_bool")]
    active: Option<bool>,
    #[serde(default, deserialize_with = "lenient::opt_bool")]
    pending: Option<bool>,
    #[serde(default, deserialize_with = "lenient::opt_bool")]
    suspended: Option<bool>,
    #[serde(default, deserialize_with = "lenient::opt_bool")]
    silenced: Option<bool>,
    #[serde(default, deserialize_with = "lenient::opt_string")]
    username: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_string")]
    display_name: Option<String>,
}

/// `GET /api/v1/admin/accounts` (Mastodon's v1 filters; v2's `origin` and `status` too).
pub async fn index(
    State(state): State<AppState>,
    auth: Auth,
    Params(params): Params<AccountsParams>,
) -> Result<PagedJson<AdminAccount>, ApiError> {
    let user = staff(&auth, "admin:read:accounts", Permission::ModerateAccounts)?;
    let status = [
        (params.active, "active"),
        (params.pending, "pending"),
        (params.suspended, "suspended"),
        (params.silenced, "silenced"),
    ]
    .into_iter()
    .find(|(wanted, _)| *wanted == Some(true))
    .map(|(_, status)| status.to_owned());
    let window = params.page.window(100, admin_accounts::MAX_LIMIT);
    let filter = AccountFilter {
        local: match (params.local, params.remote) {
            (Some(true), _) => Some(true),
            (_, Some(true)) => Some(false),
            _ => None,
        },
        status,
        query: params.username.or(params.display_name).unwrap_or_default(),
        max_id: window.max_id,
        limit: window.limit,
    };
    let accounts = admin_accounts::list_accounts(&state.ctx, user, filter).await?;
    let link = link_header(
        &state.uris,
        "/api/v1/admin/accounts",
        &[],
        accounts.first().map(|a| a.id.0),
        accounts.last().map(|a| a.id.0),
        window.limit,
    );
    let items = accounts.iter().map(|a| AdminAccount::new(&state.uris, a, &user.language)).collect();
    Ok(PagedJson { items, link })
}

pub async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> Result<Json<AdminAccount>, ApiError> {
    let user = staff(&auth, "admin:read:accounts", Permission::ModerateAccounts)?;
    let account = admin_accounts::get_account(&state.ctx, user, ActorId(parse_id(&id)?)).await?;
    Ok(Json(AdminAccount::new(&state.uris, &account, &user.language)))
}

#[derive(Debug, Default, Deserialize)]
pub struct ActionParams {
    #[serde(default, rename = "type", deserialize_with = "lenient::opt_string")]
    kind: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_string")]
    text: Option<String>,
}

/// `POST /api/v1/admin/accounts/{id}/action`: `none`, `silence` or `suspend` (Mastodon's
/// `disable` and `sensitive` are not offered here and are refused), with a reason in `text`.
pub async fn action(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Params(params): Params<ActionParams>,
) -> Result<Json<Value>, ApiError> {
    let user = staff(&auth, "admin:write:accounts", Permission::ModerateAccounts)?;
    let target = ActorId(parse_id(&id)?);
    let kind = params.kind.unwrap_or_else(|| "none".to_owned());
    if kind != "none" {
        let action = match kind.as_str() {
            "suspend" | "silence" => AccountAction::parse(&kind).map_err(ServiceError::from)?,
            _ => {
                return Err(ServiceError::from(crate::domain::FieldError::new(
                    "type",
                    "must be none, silence or suspend",
                ))
                .into());
            }
        };
        suspensions::act_on_account(&state.ctx, user, target, action, params.text.as_deref().unwrap_or(""))
            .await?;
    } else {
        admin_accounts::get_account(&state.ctx, user, target).await?;
    }
    Ok(Json(json!({})))
}

async fn lift(
    state: &AppState,
    auth: &Auth,
    id: &str,
    action: AccountAction,
) -> Result<Json<AdminAccount>, ApiError> {
    let user = staff(auth, "admin:write:accounts", Permission::ModerateAccounts)?;
    let target = ActorId(parse_id(id)?);
    suspensions::act_on_account(&state.ctx, user, target, action, "").await?;
    let account = admin_accounts::get_account(&state.ctx, user, target).await?;
    Ok(Json(AdminAccount::new(&state.uris, &account, &user.language)))
}

/// `DELETE /api/v1/admin/accounts/{id}`: deletes a local account for good (Mastodon asks for a
/// suspension first; we do not).
pub async fn delete(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> Result<Json<AdminAccount>, ApiError> {
    let user = admin(&auth, "admin:write:accounts")?;
    let target = ActorId(parse_id(&id)?);
    suspensions::delete_account(&state.ctx, user, target, "").await?;
    state.wake_delivery.notify_one();
    let account = admin_accounts::get_account(&state.ctx, user, target).await?;
    Ok(Json(AdminAccount::new(&state.uris, &account, &user.language)))
}

pub async fn unsuspend(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> Result<Json<AdminAccount>, ApiError> {
    lift(&state, &auth, &id, AccountAction::Unsuspend).await
}

pub async fn unsilence(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> Result<Json<AdminAccount>, ApiError> {
    lift(&state, &auth, &id, AccountAction::Unsilence).await
}

/// `GET /api/v1/admin/domain_blocks`.
pub async fn domain_blocks(
    State(state): State<AppState>,
    auth: Auth,
) -> Result<Json<Vec<AdminDomainBlock>>, ApiError> {
    let user = admin(&auth, "admin:read:domain_blocks")?;
    let blocks = instance_blocks::list_blocks(&state.ctx, user).await?;
    Ok(Json(blocks.iter().map(AdminDomainBlock::from).collect()))
}

pub async fn domain_block(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> Result<Json<AdminDomainBlock>, ApiError> {
    let user = admin(&auth, "admin:read:domain_blocks")?;
    let block = instance_blocks::get_block(&state.ctx, user, parse_id(&id)?).await?;
    Ok(Json(AdminDomainBlock::from(&block)))
}

#[derive(Debug, Default, Deserialize)]
pub struct DomainBlockParams {
    #[serde(default, deserialize_with = "lenient::opt_string")]
    domain: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_string")]
    severity: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_string")]
    public_comment: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_string")]
    private_comment: Option<String>,
}

/// `POST /api/v1/admin/domain_blocks`: `severity` `suspend` (the default) blocks the domain;
/// `silence` and `noop` have no equivalent here and are refused.
pub async fn create_domain_block(
    State(state): State<AppState>,
    auth: Auth,
    Params(params): Params<DomainBlockParams>,
) -> Result<Json<AdminDomainBlock>, ApiError> {
    let user = admin(&auth, "admin:write:domain_blocks")?;
    if params.severity.as_deref().is_some_and(|severity| severity != "suspend") {
        return Err(ServiceError::from(crate::domain::FieldError::new(
            "severity",
            "only suspend is supported",
        ))
        .into());
    }
    let domain = params.domain.unwrap_or_default();
    let block = instance_blocks::block_instance(
        &state.ctx,
        user,
        &domain,
        params.public_comment.as_deref().unwrap_or(""),
        params.private_comment.as_deref().unwrap_or(""),
    )
    .await?;
    Ok(Json(AdminDomainBlock::from(&block)))
}

/// `DELETE /api/v1/admin/domain_blocks/{id}`: lifts the block.
pub async fn delete_domain_block(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let user = admin(&auth, "admin:write:domain_blocks")?;
    let block = instance_blocks::get_block(&state.ctx, user, parse_id(&id)?).await?;
    instance_blocks::unblock_instance(&state.ctx, user, &block.host).await?;
    Ok(Json(json!({})))
}

/// `GET /api/v1/instance/domain_blocks`: the blocked domains with their public reasons, for
/// everyone (as `/about` shows them).
pub async fn public_domain_blocks(State(state): State<AppState>) -> Result<Json<Vec<Value>>, ApiError> {
    let blocks = instance_blocks::list_public_blocks(&state.ctx).await?;
    Ok(Json(blocks.iter().map(public_domain_block).collect()))
}

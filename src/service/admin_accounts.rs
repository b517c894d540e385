//! People as admins see them (the web's `/admin/accounts` and Mastodon's admin API): newest
//! first, so new sign-ups on an open instance are easy to review, with their email, role,
//! state, suspension and silence. Instance moderators see the same without email addresses:
//! they handle reports and suspensions, for which they need no way to write to anyone.

use super::{Context, CurrentUser, ServiceError};
use crate::db::{self, admin_accounts::AccountFilter};
use crate::domain::account::Role;
use crate::domain::{ActorId, FieldError, Permission, Timestamp};

#[derive(Debug, Clone)]
pub struct AdminAccount {
    pub id: ActorId,
    pub name: String,
    pub display_name: String,
    pub summary_html: String,
    /// None for our own people.
    pub host: Option<String>,
    pub ap_id: Option<String>,
    pub created_at: Timestamp,
    /// Ours only, and only for admins (see [`AdminAccount::seen_by`]).
    pub email: Option<String>,
    /// `member`, `moderator` or `admin`; None for remote people.
    pub role: Option<String>,
    /// The login state (`active`, `pending`, `rejected`, `suspended`); None for remote people.
    pub state: Option<String>,
    pub suspended: bool,
    pub suspension_reason: String,
    pub silenced: bool,
}

impl AdminAccount {
    /// What `viewer` may see of this account: everything for admins; instance moderators not
    /// the email address.
    fn seen_by(mut self, viewer: &CurrentUser) -> Self {
        if !viewer.may(Permission::Administer) {
            self.email = None;
        }
        self
    }

    /// `name` here, `name@host` elsewhere.
    pub fn handle(&self) -> String {
        match &self.host {
            Some(host) => format!("{}@{host}", self.name),
            None => self.name.clone(),
        }
    }
}

impl From<db::admin_accounts::AdminAccountRow> for AdminAccount {
    fn from(row: db::admin_accounts::AdminAccountRow) -> Self {
        Self {
            id: ActorId(row.id),
            name: row.name,
            display_name: row.display_name,
            summary_html: row.summary_html,
            host: if row.local { None } else { row.host },
            ap_id: row.ap_id,
            created_at: Timestamp::from_millis(row.created_at),
            email: row.email,
            role: row.role,
            state: row.state,
            suspended: row.suspended_at.is_some(),
            suspension_reason: row.suspension_reason.unwrap_or_default(),
            silenced: row.silenced_at.is_some(),
        }
    }
}

/// Most people one listing returns.
pub const MAX_LIMIT: i64 = 200;

/// People matching `filter`, newest first; admins and instance moderators.
pub async fn list_accounts(
    ctx: &Context,
    admin: &CurrentUser,
    mut filter: AccountFilter,
) -> Result<Vec<AdminAccount>, ServiceError> {
    if !admin.may(Permission::ModerateAccounts) {
        return Err(ServiceError::Forbidden);
    }
    filter.limit = filter.limit.clamp(1, MAX_LIMIT);
    if let Some(status) = &filter.status
        && !matches!(status.as_str(), "active" | "pending" | "suspended" | "silenced")
    {
        return Err(crate::domain::FieldError::new(
            "status",
            "must be active, pending, suspended or silenced",
        )
        .into());
    }
    let mut conn = ctx.db.acquire().await?;
    Ok(db::admin_accounts::list_admin_accounts(&mut conn.conn(), &filter)
        .await?
        .into_iter()
        .map(|row| AdminAccount::from(row).seen_by(admin))
        .collect())
}

/// One person; admins and instance moderators.
pub async fn get_account(
    ctx: &Context,
    admin: &CurrentUser,
    id: ActorId,
) -> Result<AdminAccount, ServiceError> {
    if !admin.may(Permission::ModerateAccounts) {
        return Err(ServiceError::Forbidden);
    }
    let mut conn = ctx.db.acquire().await?;
    let row =
        db::admin_accounts::get_admin_account(&mut conn.conn(), id.0).await?.ok_or(ServiceError::NotFound)?;
    Ok(AdminAccount::from(row).seen_by(admin))
}

/// Gives a local person a role (member, instance moderator or admin); admins only. An admin cannot
/// take their own role (so the instance keeps at least the admin acting). Returns whether the
/// role changed.
pub async fn set_role(
    ctx: &Context,
    admin: &CurrentUser,
    target: ActorId,
    role: Role,
) -> Result<bool, ServiceError> {
    if !admin.may(Permission::Administer) {
        return Err(ServiceError::Forbidden);
    }
    if target == admin.id && role != Role::Admin {
        return Err(FieldError::new("action", "you cannot take your own admin role").into());
    }
    let account = get_account(ctx, admin, target).await?;
    if account.host.is_some() || account.role.is_none() {
        return Err(FieldError::new("action", "only accounts of this instance have a role").into());
    }
    let mut conn = ctx.db.acquire().await?;
    let changed = db::accounts::update_role(&mut conn.conn(), target.0, role.as_str()).await?;
    if changed {
        tracing::info!(admin = %admin.name, user = %account.name, role = role.as_str(), "role changed");
    }
    Ok(changed)
}

/// Sends a local person the password reset mail (the same link "forgot password" sends);
/// admins only, and only when mail is set up and the person gave an address.
pub async fn send_password_reset(
    ctx: &Context,
    admin: &CurrentUser,
    target: ActorId,
) -> Result<(), ServiceError> {
    if !admin.may(Permission::Administer) {
        return Err(ServiceError::Forbidden);
    }
    if !ctx.settings.mail_enabled {
        return Err(FieldError::new("action", "mail is not set up on this instance (mail.host)").into());
    }
    let account = get_account(ctx, admin, target).await?;
    let email = account
        .email
        .filter(|email| account.host.is_none() && !email.is_empty())
        .ok_or_else(|| FieldError::new("action", "this account has no email address"))?;
    super::password_reset::request_reset(ctx, &email).await?;
    tracing::info!(admin = %admin.name, user = %account.name, "password reset mail sent by an admin");
    Ok(())
}

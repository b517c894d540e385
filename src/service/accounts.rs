//! Registration, sign-in with lockout, sessions and profile settings.

use std::net::IpAddr;

use base64::Engine;
use sha2::{Digest, Sha256};

use super::error::refuse_if_any;
use super::passwords::{DUMMY_HASH, hash_password, verify_password};
use super::{Context, CurrentUser, ServiceError};
use crate::db::{self, accounts::AccountRow, actors::NewLocalActor};
use crate::domain::account::Summary;
use crate::domain::organisation::{Organisation, OrganisationType};
use crate::domain::registration::{AccountState, RegistrationMode};
use crate::domain::{
    ActorId, DisplayName, DomainEvent, Email, FieldError, FieldErrors, Language, Name, Password, Role,
    html::render_markdown,
};

/// What a registration form or the CLI submits, still unparsed.
#[derive(Debug, Clone, Default)]
pub struct NewAccount {
    pub username: String,
    pub email: Option<String>,
    pub password: String,
    pub admin: bool,
}

/// A live session: the cookie value (shown once, stored only as a hash) and who it belongs to.
#[derive(Debug, Clone)]
pub struct NewSession {
    pub token: String,
    pub user: CurrentUser,
    pub max_age_seconds: i64,
}

/// Self-service registration where anyone may join at once; in the other modes
/// `service::registrations::register` applies the mode's rules.
pub async fn register(ctx: &Context, input: NewAccount) -> Result<CurrentUser, ServiceError> {
    if ctx.settings.registration_mode != RegistrationMode::Open {
        return Err(ServiceError::RegistrationClosed);
    }
    if input.email.as_deref().unwrap_or("").trim().is_empty() {
        return Err(FieldError::new("email", "is required").into());
    }
    create_account(ctx, NewAccount { admin: false, ..input }).await
}

/// Creates a person with a login. Used by registration and by `allmende user create`.
pub async fn create_account(ctx: &Context, input: NewAccount) -> Result<CurrentUser, ServiceError> {
    create_admitted_account(ctx, input, Admission::default()).await
}

/// How a new account got in (see `service::registrations`): the state it starts in, the
/// invite it uses up and the reason it applied with, all stored in the account's transaction.
#[derive(Debug, Clone, Default)]
pub(crate) struct Admission<'a> {
    pub pending: bool,
    pub invite_token_hash: Option<&'a str>,
    pub reason: Option<&'a str>,
    /// The address must be confirmed by mail before the account can sign in.
    pub confirm_email: bool,
}

pub(crate) async fn create_admitted_account(
    ctx: &Context,
    input: NewAccount,
    admission: Admission<'_>,
) -> Result<CurrentUser, ServiceError> {
    let mut errors = FieldErrors::new();
    let name = errors.check(Name::parse("username", &input.username));
    let email = match input.email.as_deref().map(str::trim).filter(|e| !e.is_empty()) {
        Some(raw) => errors.check(Email::parse(raw)),
        None => None,
    };
    let password = errors.check(Password::parse(&input.password));
    refuse_if_any(errors)?;
    let (Some(name), Some(password)) = (name, password) else {
        return Err(ServiceError::Internal("validated input missing".into()));
    };
    let password_hash = hash_password(&password).await?;
    let role = if input.admin { Role::Admin } else { Role::Member };
    let language = ctx.settings.default_language.clone();

    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let mut taken = FieldErrors::new();
    if db::actors::local_name_taken(&mut conn, name.as_str()).await? {
        taken.push(FieldError::new("username", "is already taken"));
    }
    if let Some(email) = &email
        && db::accounts::email_taken(&mut conn, email.as_str()).await?
    {
        taken.push(FieldError::new("email", "is already registered"));
    }
    refuse_if_any(taken)?;
    let id = ctx.new_id();
    let now = ctx.now().millis();
    if let Some(token_hash) = admission.invite_token_hash
        && !db::invites::use_invite(&mut conn, token_hash, now).await?
    {
        return Err(FieldError::new("invite", "is not valid or has expired").into());
    }
    db::actors::insert_local_actor(
        &mut conn,
        &NewLocalActor {
            id,
            kind: "person",
            name: name.as_str(),
            display_name: "",
            summary_source: "",
            summary_html: "",
            language: Some(&language),
            group_kind: None,
            public_key_pem: None,
            private_key_pem: None,
            now,
        },
    )
    .await
    .map_err(name_conflict)?;
    db::accounts::insert_account(
        &mut conn,
        id,
        email.as_ref().map(Email::as_str),
        &password_hash,
        role.as_str(),
        if admission.pending { AccountState::Pending } else { AccountState::Active }.as_str(),
        now,
    )
    .await
    .map_err(name_conflict)?;
    if let Some(reason) = admission.reason {
        db::registrations::insert_application(&mut conn, id, reason, now).await?;
    }
    if admission.confirm_email
        && let Some(email) = &email
    {
        db::accounts::update_email_confirmed(&mut conn, id, false).await?;
        super::email_confirmation::queue_confirmation(ctx, &mut conn, id, email.as_str(), false).await?;
    }
    tx.commit().await?;
    tracing::info!(user = %name, admin = input.admin, "account created");
    Ok(CurrentUser {
        id: ActorId(id),
        name: name.to_string(),
        display_name: String::new(),
        role,
        language,
        joined_at: crate::domain::Timestamp::from_millis(now),
    })
}

/// A race between the check and the insert still ends as a field error, not a 500.
fn name_conflict(error: db::DbError) -> ServiceError {
    match error {
        db::DbError::UniqueViolation(constraint) if constraint.contains("email") => {
            FieldError::new("email", "is already registered").into()
        }
        db::DbError::UniqueViolation(_) => FieldError::new("username", "is already taken").into(),
        other => other.into(),
    }
}

/// Signs a person in, for callers that know no client address (the command line, tests): their
/// attempts all count as one client. See [`login_from`].
pub async fn login(ctx: &Context, username: &str, password: &str) -> Result<NewSession, ServiceError> {
    login_from(ctx, NO_CLIENT, username, password, None).await
}

/// The client of attempts made without a network address.
pub const NO_CLIENT: IpAddr = IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED);

/// Signs a person in from `client`, with `browser` (its `User-Agent`) for the sessions page.
/// After `max_failed_logins` failures in a row for the same name from the same client network,
/// that name is locked for that network for `lockout_seconds`, doubling with each lockout (see
/// `sign_in_guard`); even the right password is refused there until then, while the account's
/// owner elsewhere is not affected.
pub async fn login_from(
    ctx: &Context,
    client: IpAddr,
    username: &str,
    password: &str,
    browser: Option<&str>,
) -> Result<NewSession, ServiceError> {
    let user = check_credentials(ctx, client, username, password).await?;
    start_session_from(ctx, user, browser).await
}

/// Checks a username and password from `client` with the lockout rules of [`login_from`],
/// without opening a session (the OAuth grants open a token instead). Unknown names are
/// counted and answered exactly like known ones.
pub async fn check_credentials(
    ctx: &Context,
    client: IpAddr,
    username: &str,
    password: &str,
) -> Result<CurrentUser, ServiceError> {
    let now = ctx.now().millis();
    let name = username.trim();
    if ctx.sign_ins.locked_until(name, client, now).is_some() {
        return Err(ServiceError::LockedOut);
    }
    let failed = || {
        let settings = &ctx.settings;
        if ctx.sign_ins.record_failure(
            name,
            client,
            now,
            settings.max_failed_logins,
            settings.lockout_seconds,
        ) {
            tracing::warn!(user = %name, "sign-ins locked for a client after failures");
            ServiceError::LockedOut
        } else {
            ServiceError::BadCredentials
        }
    };
    let mut conn = ctx.db.acquire().await?;
    let account = db::accounts::get_account_by_name(&mut conn.conn(), name).await?;
    drop(conn);
    let Some(account) = account else {
        // As slow as checking a real password, so the answer's timing tells nothing either.
        verify_password(password, DUMMY_HASH).await?;
        return Err(failed());
    };
    let verified = verify_password(password, &account.password_hash).await?;
    if !verified {
        return Err(failed());
    }
    ctx.sign_ins.record_success(name, client);
    let mut conn = ctx.db.acquire().await?;
    if account.state != AccountState::Active.as_str() {
        // Only someone who knows the password learns how their application stands.
        return Err(match AccountState::from_stored(&account.state) {
            AccountState::Pending => ServiceError::AccountPending,
            // Nothing is left to sign in to.
            AccountState::Deleted => ServiceError::BadCredentials,
            AccountState::Suspended => ServiceError::AccountSuspended(
                db::suspensions::get_suspension_reason(&mut conn.conn(), account.actor_id)
                    .await?
                    .unwrap_or_default(),
            ),
            _ => ServiceError::AccountRejected(
                db::registrations::get_decision_message(&mut conn.conn(), account.actor_id)
                    .await?
                    .unwrap_or_default(),
            ),
        });
    }
    if !account.email_confirmed {
        return Err(ServiceError::EmailUnconfirmed);
    }
    // Counts of the lockout this replaced; cleared once, no write on every sign-in.
    if account.failed_logins != 0 || account.locked_until.is_some() {
        db::accounts::update_login_succeeded(&mut conn.conn(), account.actor_id).await?;
    }
    Ok(current_user(account, &ctx.settings.default_language))
}

/// Opens a session for a person who has just proven who they are (signed in or registered).
pub async fn start_session(ctx: &Context, user: CurrentUser) -> Result<NewSession, ServiceError> {
    start_session_from(ctx, user, None).await
}

/// The longest browser name kept with a session.
const BROWSER_NAME_CHARS: usize = 200;

/// [`start_session`] in a browser that names itself (`User-Agent`).
pub async fn start_session_from(
    ctx: &Context,
    user: CurrentUser,
    browser: Option<&str>,
) -> Result<NewSession, ServiceError> {
    let token = new_session_token();
    let now = ctx.now();
    let expires_at = now.plus_seconds(ctx.settings.session_ttl_seconds).millis();
    let browser: Option<String> = browser
        .map(|name| name.chars().filter(|c| !c.is_control()).take(BROWSER_NAME_CHARS).collect::<String>())
        .filter(|name| !name.trim().is_empty());
    let mut conn = ctx.db.acquire().await?;
    db::sessions::insert_session(
        &mut conn.conn(),
        &hash_token(&token),
        user.id.0,
        now.millis(),
        expires_at,
        browser.as_deref(),
    )
    .await?;
    Ok(NewSession { token, user, max_age_seconds: ctx.settings.session_ttl_seconds })
}

pub async fn logout(ctx: &Context, token: &str) -> Result<(), ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    db::sessions::delete_session(&mut conn.conn(), &hash_token(token)).await?;
    Ok(())
}

/// The person behind a session cookie, if the session is live.
pub async fn user_for_session(ctx: &Context, token: &str) -> Result<Option<CurrentUser>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let account =
        db::accounts::get_account_by_session(&mut conn.conn(), &hash_token(token), ctx.now().millis())
            .await?;
    Ok(account.filter(|a| a.state == "active").map(|a| current_user(a, &ctx.settings.default_language)))
}

/// The editable profile of the signed-in person.
#[derive(Debug, Clone)]
pub struct Profile {
    pub display_name: String,
    pub bio: String,
    pub language: String,
}

pub async fn get_profile(ctx: &Context, user: &CurrentUser) -> Result<Profile, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let account =
        db::accounts::get_account(&mut conn.conn(), user.id.0).await?.ok_or(ServiceError::NotFound)?;
    Ok(Profile {
        display_name: account.display_name,
        bio: account.summary_source,
        language: account.language.unwrap_or_else(|| ctx.settings.default_language.clone()),
    })
}

pub async fn update_profile(ctx: &Context, user: &CurrentUser, input: Profile) -> Result<(), ServiceError> {
    save_profile(ctx, user, input, None).await
}

/// The organisation fields of the profile form, still unparsed; an empty type means a person.
#[derive(Debug, Clone, Default)]
pub struct OrganisationInput {
    pub org_type: String,
    pub name: String,
    pub location: String,
    pub website: String,
}

impl From<Option<Organisation>> for OrganisationInput {
    fn from(organisation: Option<Organisation>) -> Self {
        organisation
            .map(|o| Self {
                org_type: o.org_type.as_str().to_owned(),
                name: o.name,
                location: o.location,
                website: o.website,
            })
            .unwrap_or_default()
    }
}

/// The profile form: the profile and the organisation it represents, if any.
pub async fn get_member_profile(
    ctx: &Context,
    user: &CurrentUser,
) -> Result<(Profile, OrganisationInput), ServiceError> {
    let profile = get_profile(ctx, user).await?;
    let mut conn = ctx.db.acquire().await?;
    let organisation = load_organisation(&mut conn.conn(), user.id).await?;
    Ok((profile, organisation.into()))
}

/// Saves the profile and the organisation together, in one change that federates.
pub async fn update_member_profile(
    ctx: &Context,
    user: &CurrentUser,
    input: Profile,
    organisation: OrganisationInput,
) -> Result<(), ServiceError> {
    save_profile(ctx, user, input, Some(organisation)).await
}

/// The organisation an actor (local or remote) represents, if any.
pub(crate) async fn load_organisation(
    conn: &mut db::Conn<'_>,
    actor: ActorId,
) -> Result<Option<Organisation>, ServiceError> {
    let row = db::organisations::get_organisation(conn, actor.0).await?;
    Ok(row.and_then(|row| {
        Some(Organisation {
            org_type: OrganisationType::from_code(&row.org_type)?,
            name: row.name,
            location: row.location,
            website: row.website,
        })
    }))
}

/// Stores (or, for `None`, removes) what organisation an actor represents, in the caller's
/// transaction.
pub(crate) async fn store_organisation(
    conn: &mut db::Conn<'_>,
    actor: ActorId,
    organisation: Option<&Organisation>,
    now: i64,
) -> Result<(), ServiceError> {
    match organisation {
        Some(o) => {
            let row = db::organisations::OrganisationRow {
                actor_id: actor.0,
                org_type: o.org_type.as_str().to_owned(),
                name: o.name.clone(),
                location: o.location.clone(),
                website: o.website.clone(),
            };
            db::organisations::upsert_organisation(conn, &row, now).await?;
        }
        None => db::organisations::delete_organisation(conn, actor.0).await?,
    }
    Ok(())
}

/// `organisation`: `None` leaves it as it is.
async fn save_profile(
    ctx: &Context,
    user: &CurrentUser,
    input: Profile,
    organisation: Option<OrganisationInput>,
) -> Result<(), ServiceError> {
    let mut errors = FieldErrors::new();
    let display_name = errors.check(DisplayName::parse(&input.display_name));
    let bio = errors.check(Summary::parse("bio", &input.bio));
    let language = errors.check(Language::parse_ui("language", &input.language));
    let organisation = match organisation {
        None => None,
        Some(o) => match Organisation::parse(&o.org_type, &o.name, &o.location, &o.website) {
            Ok(parsed) => Some(parsed),
            Err(org_errors) => {
                org_errors.iter().cloned().for_each(|e| errors.push(e));
                None
            }
        },
    };
    refuse_if_any(errors)?;
    let (Some(display_name), Some(bio), Some(language)) = (display_name, bio, language) else {
        return Err(ServiceError::Internal("validated input missing".into()));
    };
    let bio_html = render_markdown(bio.as_str());
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    db::actors::update_profile(
        &mut conn,
        user.id.0,
        display_name.as_str(),
        bio.as_str(),
        &bio_html,
        language.as_str(),
        ctx.now().millis(),
    )
    .await?;
    if let Some(organisation) = &organisation {
        store_organisation(&mut conn, user.id, organisation.as_ref(), ctx.now().millis()).await?;
    }
    ctx.emit(&mut conn, DomainEvent::ProfileUpdated { actor_id: user.id.0 }).await?;
    tx.commit().await?;
    Ok(())
}

pub(crate) fn current_user(account: AccountRow, default_language: &str) -> CurrentUser {
    CurrentUser {
        id: ActorId(account.actor_id),
        name: account.name,
        display_name: account.display_name,
        role: Role::from_stored(&account.role),
        language: account.language.unwrap_or_else(|| default_language.to_owned()),
        joined_at: crate::domain::Timestamp::from_millis(account.created_at),
    }
}

pub(crate) fn new_session_token() -> String {
    let bytes: [u8; 32] = rand::random();
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

pub(crate) fn hash_token(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(digest)
}

//! The OAuth 2 server behind the Mastodon client API: app registration, the authorization-code
//! flow with PKCE, client credentials, refresh, the optional password grant, revocation, and
//! turning a bearer token into the person (and scopes) it acts for.

use base64::Engine;
use sha2::{Digest, Sha256};

use super::accounts::{check_credentials, current_user, hash_token, new_session_token};
use super::{Context, CurrentUser, ServiceError};
use crate::db::{self, oauth::NewApp, oauth::NewCode, oauth::NewToken};
use crate::domain::{FieldError, Scopes, Timestamp};

/// The redirect URI of apps that show the code to the person instead of redirecting.
pub const OUT_OF_BAND: &str = "urn:ietf:wg:oauth:2.0:oob";

const CODE_TTL_SECONDS: i64 = 10 * 60;
const MAX_APP_NAME: usize = 200;

/// Why a token request or authorization was refused, in the terms of RFC 6749.
#[derive(Debug, thiserror::Error)]
pub enum OAuthError {
    #[error("client authentication failed")]
    InvalidClient,
    #[error("{0}")]
    InvalidGrant(&'static str),
    #[error("{0}")]
    InvalidRequest(String),
    #[error("the requested scope is invalid, unknown, or exceeds what the app registered")]
    InvalidScope,
    #[error("this grant type is not supported")]
    UnsupportedGrantType,
    #[error(transparent)]
    Service(#[from] ServiceError),
}

impl From<db::DbError> for OAuthError {
    fn from(error: db::DbError) -> Self {
        OAuthError::Service(error.into())
    }
}

impl OAuthError {
    /// The RFC 6749 error code.
    pub fn code(&self) -> &'static str {
        match self {
            OAuthError::InvalidClient => "invalid_client",
            OAuthError::InvalidGrant(_) => "invalid_grant",
            OAuthError::InvalidRequest(_) => "invalid_request",
            OAuthError::InvalidScope => "invalid_scope",
            OAuthError::UnsupportedGrantType => "unsupported_grant_type",
            OAuthError::Service(_) => "server_error",
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct AppRegistration {
    pub name: String,
    pub website: Option<String>,
    /// One or more URIs, separated by whitespace or given as a list.
    pub redirect_uris: Vec<String>,
    pub scopes: String,
}

/// A registered app as the client API shows it.
#[derive(Debug, Clone)]
pub struct RegisteredApp {
    pub id: i64,
    pub name: String,
    pub website: Option<String>,
    pub redirect_uris: Vec<String>,
    pub scopes: Scopes,
    pub client_id: String,
    pub client_secret: String,
    pub created_at: Timestamp,
}

impl From<db::oauth::AppRow> for RegisteredApp {
    fn from(row: db::oauth::AppRow) -> Self {
        Self {
            id: row.id,
            name: row.name,
            website: row.website,
            redirect_uris: row.redirect_uris.lines().map(str::to_owned).collect(),
            scopes: Scopes::parse(&row.scopes).unwrap_or_default(),
            client_id: row.client_id,
            client_secret: row.client_secret,
            created_at: Timestamp::from_millis(row.created_at),
        }
    }
}

/// Registers an app (`POST /api/v1/apps`). Any number of redirect URIs, including the
/// out-of-band one and app schemes such as `com.example.app:/callback`.
pub async fn register_app(ctx: &Context, input: AppRegistration) -> Result<RegisteredApp, ServiceError> {
    let name = input.name.trim();
    if name.is_empty() || name.chars().count() > MAX_APP_NAME {
        return Err(FieldError::new("client_name", "must be 1 to 200 characters").into());
    }
    let scopes = Scopes::parse(&input.scopes)?;
    let redirect_uris: Vec<String> =
        input.redirect_uris.iter().flat_map(|uris| uris.split_whitespace()).map(str::to_owned).collect();
    if redirect_uris.is_empty() {
        return Err(FieldError::new("redirect_uris", "must name at least one URI").into());
    }
    for uri in &redirect_uris {
        check_redirect_uri(uri)?;
    }
    let website = input.website.map(|w| w.trim().to_owned()).filter(|w| !w.is_empty());
    if let Some(website) = &website
        && !website.starts_with("https://")
        && !website.starts_with("http://")
    {
        return Err(FieldError::new("website", "must be an http(s) URL").into());
    }
    let id = ctx.new_id();
    let client_id = new_session_token();
    let client_secret = new_session_token();
    let joined = redirect_uris.join("\n");
    let scopes_text = scopes.to_string();
    let now = ctx.now();
    let mut conn = ctx.db.acquire().await?;
    db::oauth::insert_app(
        &mut conn.conn(),
        &NewApp {
            id,
            client_id: &client_id,
            client_secret: &client_secret,
            name,
            website: website.as_deref(),
            redirect_uris: &joined,
            scopes: &scopes_text,
            now: now.millis(),
        },
    )
    .await?;
    Ok(RegisteredApp {
        id,
        name: name.to_owned(),
        website,
        redirect_uris,
        scopes,
        client_id,
        client_secret,
        created_at: now,
    })
}

fn check_redirect_uri(uri: &str) -> Result<(), FieldError> {
    let refused = || FieldError::new("redirect_uris", format!("{uri} is not a usable redirect URI"));
    if uri == OUT_OF_BAND {
        return Ok(());
    }
    let parsed = url::Url::parse(uri).map_err(|_| refused())?;
    let scheme = parsed.scheme();
    if matches!(scheme, "javascript" | "data" | "vbscript" | "file" | "blob") || parsed.fragment().is_some() {
        return Err(refused());
    }
    if matches!(scheme, "http" | "https") && parsed.host_str().is_none() {
        return Err(refused());
    }
    Ok(())
}

/// What the consent page shows and what approving it will grant.
#[derive(Debug, Clone)]
pub struct AuthorizationRequest {
    pub app: RegisteredApp,
    pub redirect_uri: String,
    pub scopes: Scopes,
    pub code_challenge: Option<String>,
}

/// Checks an authorization request before the consent page is shown. An unknown client or a
/// redirect URI the app did not register is shown as an error page, never redirected to.
pub async fn check_authorization(
    ctx: &Context,
    client_id: &str,
    redirect_uri: &str,
    scope: Option<&str>,
    code_challenge: Option<&str>,
    code_challenge_method: Option<&str>,
) -> Result<AuthorizationRequest, OAuthError> {
    let mut conn = ctx.db.acquire().await?;
    let app: RegisteredApp = db::oauth::get_app_by_client_id(&mut conn.conn(), client_id)
        .await?
        .ok_or(OAuthError::InvalidClient)?
        .into();
    if !app.redirect_uris.iter().any(|uri| uri == redirect_uri) {
        return Err(OAuthError::InvalidRequest("redirect_uri was not registered by this app".into()));
    }
    let scopes = match scope.map(str::trim).filter(|s| !s.is_empty()) {
        Some(raw) => Scopes::parse(raw).map_err(|_| OAuthError::InvalidScope)?,
        None => app.scopes.clone(),
    };
    if !scopes.within(&app.scopes) {
        return Err(OAuthError::InvalidScope);
    }
    let code_challenge = code_challenge.map(str::trim).filter(|c| !c.is_empty());
    if let Some(challenge) = code_challenge {
        if code_challenge_method.unwrap_or("plain") != "S256" {
            return Err(OAuthError::InvalidRequest("code_challenge_method must be S256".into()));
        }
        if challenge.len() != 43 || !challenge.bytes().all(is_base64url) {
            return Err(OAuthError::InvalidRequest("code_challenge is not an S256 challenge".into()));
        }
    }
    Ok(AuthorizationRequest {
        app,
        redirect_uri: redirect_uri.to_owned(),
        scopes,
        code_challenge: code_challenge.map(str::to_owned),
    })
}

fn is_base64url(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_'
}

/// The person approved the request: issues a one-time code (valid for ten minutes).
pub async fn grant_code(
    ctx: &Context,
    user: &CurrentUser,
    request: &AuthorizationRequest,
) -> Result<String, ServiceError> {
    let code = new_session_token();
    let now = ctx.now();
    let mut conn = ctx.db.acquire().await?;
    db::oauth::delete_expired_codes(&mut conn.conn(), now.millis()).await?;
    db::oauth::insert_code(
        &mut conn.conn(),
        &NewCode {
            code_hash: &hash_token(&code),
            app_id: request.app.id,
            account_id: user.id.0,
            redirect_uri: &request.redirect_uri,
            scopes: &request.scopes.to_string(),
            code_challenge: request.code_challenge.as_deref(),
            expires_at: now.plus_seconds(CODE_TTL_SECONDS).millis(),
        },
    )
    .await?;
    Ok(code)
}

/// How a client proved who it is at the token endpoint (POST body or HTTP Basic).
#[derive(Debug, Clone, Default)]
pub struct ClientAuth {
    pub client_id: String,
    pub client_secret: Option<String>,
}

/// An issued access token.
#[derive(Debug, Clone)]
pub struct IssuedToken {
    pub access_token: String,
    pub refresh_token: Option<String>,
    pub scopes: Scopes,
    pub created_at: Timestamp,
}

async fn authenticate_client(
    ctx: &Context,
    client: &ClientAuth,
    secret_required: bool,
) -> Result<RegisteredApp, OAuthError> {
    let mut conn = ctx.db.acquire().await?;
    let app: RegisteredApp = db::oauth::get_app_by_client_id(&mut conn.conn(), &client.client_id)
        .await?
        .ok_or(OAuthError::InvalidClient)?
        .into();
    match client.client_secret.as_deref() {
        Some(secret) if !constant_time_eq(secret.as_bytes(), app.client_secret.as_bytes()) => {
            Err(OAuthError::InvalidClient)
        }
        None if secret_required => Err(OAuthError::InvalidClient),
        _ => Ok(app),
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// `grant_type=authorization_code`. The client secret may be left out when PKCE was used.
pub async fn exchange_code(
    ctx: &Context,
    client: &ClientAuth,
    code: &str,
    redirect_uri: Option<&str>,
    code_verifier: Option<&str>,
) -> Result<IssuedToken, OAuthError> {
    let app = authenticate_client(ctx, client, false).await?;
    let mut conn = ctx.db.acquire().await?;
    let stored = db::oauth::take_code(&mut conn.conn(), &hash_token(code))
        .await?
        .ok_or(OAuthError::InvalidGrant("the code is unknown, used or expired"))?;
    drop(conn);
    if stored.app_id != app.id || stored.expires_at <= ctx.now().millis() {
        return Err(OAuthError::InvalidGrant("the code is unknown, used or expired"));
    }
    if redirect_uri.is_some_and(|uri| uri != stored.redirect_uri) {
        return Err(OAuthError::InvalidGrant("redirect_uri differs from the authorization request"));
    }
    match (&stored.code_challenge, code_verifier) {
        (Some(challenge), Some(verifier)) => {
            let digest = Sha256::digest(verifier.as_bytes());
            let computed = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(digest);
            if !constant_time_eq(computed.as_bytes(), challenge.as_bytes()) {
                return Err(OAuthError::InvalidGrant("code_verifier does not match the challenge"));
            }
        }
        (Some(_), None) => return Err(OAuthError::InvalidGrant("code_verifier is required")),
        (None, _) if client.client_secret.is_none() => return Err(OAuthError::InvalidClient),
        (None, _) => {}
    }
    let scopes = Scopes::parse(&stored.scopes).map_err(|_| OAuthError::InvalidScope)?;
    issue_token(ctx, app.id, Some(stored.account_id), scopes, true).await
}

/// `grant_type=client_credentials`: a token that acts for the app, not for a person.
pub async fn client_credentials(
    ctx: &Context,
    client: &ClientAuth,
    scope: Option<&str>,
) -> Result<IssuedToken, OAuthError> {
    let app = authenticate_client(ctx, client, true).await?;
    let scopes = requested_scopes(&app, scope)?;
    issue_token(ctx, app.id, None, scopes, false).await
}

/// A person's name and password, and the client network they came from (lockouts count per
/// network).
#[derive(Clone, Copy)]
pub struct PasswordCredentials<'a> {
    pub client: std::net::IpAddr,
    pub username: &'a str,
    pub password: &'a str,
}

/// `grant_type=password`, only when the admin enabled it. Only a wrong name or password is
/// `invalid_grant`; a lockout after failed sign-ins is 429 (as the attempt limit), and a
/// database that is busy or down is a server error (503/500), never a refusal of a correct
/// password.
pub async fn password_grant(
    ctx: &Context,
    client: &ClientAuth,
    credentials: PasswordCredentials<'_>,
    scope: Option<&str>,
) -> Result<IssuedToken, OAuthError> {
    if !ctx.settings.oauth_password_grant {
        return Err(OAuthError::UnsupportedGrantType);
    }
    let app = authenticate_client(ctx, client, true).await?;
    let scopes = requested_scopes(&app, scope)?;
    let PasswordCredentials { client: address, username, password } = credentials;
    let user = match check_credentials(ctx, address, username, password).await {
        Ok(user) => user,
        Err(ServiceError::BadCredentials) => {
            return Err(OAuthError::InvalidGrant("wrong username or password"));
        }
        // A limit, not a verdict on the password: 429 like the attempt limit, never
        // `invalid_grant`, which clients show as a wrong password.
        Err(ServiceError::LockedOut) => return Err(ServiceError::RateLimited.into()),
        Err(ServiceError::AccountPending | ServiceError::AccountRejected(_)) => {
            return Err(OAuthError::InvalidGrant("the account is not approved"));
        }
        Err(ServiceError::AccountSuspended(_)) => {
            return Err(OAuthError::InvalidGrant("the account is suspended"));
        }
        Err(other) => return Err(other.into()),
    };
    issue_token(ctx, app.id, Some(user.id.0), scopes, true).await
}

/// `grant_type=refresh_token`: the old pair is revoked and a new one issued. Every app
/// registered here is confidential (it got a client secret), so refreshing needs the secret:
/// a leaked refresh token alone is not enough (RFC 6749 section 6).
pub async fn refresh(
    ctx: &Context,
    client: &ClientAuth,
    refresh_token: &str,
) -> Result<IssuedToken, OAuthError> {
    let app = authenticate_client(ctx, client, true).await?;
    let mut conn = ctx.db.acquire().await?;
    let old = db::oauth::take_refresh_token(&mut conn.conn(), &hash_token(refresh_token), ctx.now().millis())
        .await?
        .ok_or(OAuthError::InvalidGrant("the refresh token is unknown or revoked"))?;
    drop(conn);
    if old.app_id != app.id {
        return Err(OAuthError::InvalidGrant("the refresh token is unknown or revoked"));
    }
    let scopes = Scopes::parse(&old.scopes).map_err(|_| OAuthError::InvalidScope)?;
    issue_token(ctx, app.id, old.account_id, scopes, true).await
}

fn requested_scopes(app: &RegisteredApp, scope: Option<&str>) -> Result<Scopes, OAuthError> {
    let scopes = match scope.map(str::trim).filter(|s| !s.is_empty()) {
        Some(raw) => Scopes::parse(raw).map_err(|_| OAuthError::InvalidScope)?,
        None => app.scopes.clone(),
    };
    if scopes.within(&app.scopes) { Ok(scopes) } else { Err(OAuthError::InvalidScope) }
}

async fn issue_token(
    ctx: &Context,
    app_id: i64,
    account_id: Option<i64>,
    scopes: Scopes,
    with_refresh: bool,
) -> Result<IssuedToken, OAuthError> {
    let access_token = new_session_token();
    let refresh_token = with_refresh.then(new_session_token);
    let refresh_hash = refresh_token.as_deref().map(hash_token);
    let now = ctx.now();
    let mut conn = ctx.db.acquire().await?;
    db::oauth::insert_token(
        &mut conn.conn(),
        &NewToken {
            id: ctx.new_id(),
            token_hash: &hash_token(&access_token),
            refresh_hash: refresh_hash.as_deref(),
            app_id,
            account_id,
            scopes: &scopes.to_string(),
            now: now.millis(),
        },
    )
    .await?;
    Ok(IssuedToken { access_token, refresh_token, scopes, created_at: now })
}

/// `POST /oauth/revoke`. Revoking an unknown token succeeds too (RFC 7009).
pub async fn revoke(ctx: &Context, client: &ClientAuth, token: &str) -> Result<(), OAuthError> {
    let app = authenticate_client(ctx, client, false).await?;
    let mut conn = ctx.db.acquire().await?;
    db::oauth::revoke_token(&mut conn.conn(), app.id, &hash_token(token), ctx.now().millis()).await?;
    ctx.access_revoked.notify_waiters();
    Ok(())
}

/// What a bearer token may do, and for whom.
#[derive(Debug, Clone)]
pub struct TokenGrant {
    pub app_id: i64,
    pub scopes: Scopes,
    /// None for client-credentials tokens.
    pub user: Option<CurrentUser>,
}

/// Looks up a bearer token; None when it is unknown, revoked, or its account is not active.
pub async fn authenticate(ctx: &Context, token: &str) -> Result<Option<TokenGrant>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let Some(row) = db::oauth::get_live_token(&mut conn.conn(), &hash_token(token)).await? else {
        return Ok(None);
    };
    let scopes = Scopes::parse(&row.scopes).unwrap_or_default();
    let user = match row.account_id {
        Some(account_id) => match db::accounts::get_account(&mut conn.conn(), account_id).await? {
            Some(account) if account.state == "active" => {
                Some(current_user(account, &ctx.settings.default_language))
            }
            _ => return Ok(None),
        },
        None => None,
    };
    Ok(Some(TokenGrant { app_id: row.app_id, scopes, user }))
}

/// The app a token belongs to (`GET /api/v1/apps/verify_credentials`).
pub async fn get_app(ctx: &Context, app_id: i64) -> Result<RegisteredApp, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    Ok(db::oauth::get_app(&mut conn.conn(), app_id).await?.ok_or(ServiceError::NotFound)?.into())
}

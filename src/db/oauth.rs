//! OAuth 2 apps, authorization codes and access tokens. Codes and tokens are stored by their
//! SHA-256, like sessions, so a leaked database holds nothing usable.

use super::{Conn, DbError, execute, query_as};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AppRow {
    pub id: i64,
    pub client_id: String,
    pub client_secret: String,
    pub name: String,
    pub website: Option<String>,
    pub redirect_uris: String,
    pub scopes: String,
    pub created_at: i64,
}

pub struct NewApp<'a> {
    pub id: i64,
    pub client_id: &'a str,
    pub client_secret: &'a str,
    pub name: &'a str,
    pub website: Option<&'a str>,
    pub redirect_uris: &'a str,
    pub scopes: &'a str,
    pub now: i64,
}

pub async fn insert_app(conn: &mut Conn<'_>, app: &NewApp<'_>) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO oauth_apps (id, client_id, client_secret, name, website, redirect_uris, scopes, \
         created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        app.id,
        app.client_id,
        app.client_secret,
        app.name,
        app.website,
        app.redirect_uris,
        app.scopes,
        app.now,
    )?;
    Ok(())
}

macro_rules! select_app {
    () => {
        "SELECT id, client_id, client_secret, name, website, redirect_uris, scopes, created_at \
         FROM oauth_apps "
    };
}

pub async fn get_app_by_client_id(conn: &mut Conn<'_>, client_id: &str) -> Result<Option<AppRow>, DbError> {
    query_as!(conn, AppRow, fetch_optional, concat!(select_app!(), "WHERE client_id = $1"), client_id)
}

pub async fn get_app(conn: &mut Conn<'_>, id: i64) -> Result<Option<AppRow>, DbError> {
    query_as!(conn, AppRow, fetch_optional, concat!(select_app!(), "WHERE id = $1"), id)
}

pub struct NewCode<'a> {
    pub code_hash: &'a str,
    pub app_id: i64,
    pub account_id: i64,
    pub redirect_uri: &'a str,
    pub scopes: &'a str,
    pub code_challenge: Option<&'a str>,
    pub expires_at: i64,
}

pub async fn insert_code(conn: &mut Conn<'_>, code: &NewCode<'_>) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO oauth_codes (code_hash, app_id, account_id, redirect_uri, scopes, code_challenge, \
         expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        code.code_hash,
        code.app_id,
        code.account_id,
        code.redirect_uri,
        code.scopes,
        code.code_challenge,
        code.expires_at,
    )?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CodeRow {
    pub app_id: i64,
    pub account_id: i64,
    pub redirect_uri: String,
    pub scopes: String,
    pub code_challenge: Option<String>,
    pub expires_at: i64,
}

/// Takes a code out of the store: a code can be exchanged once.
pub async fn take_code(conn: &mut Conn<'_>, code_hash: &str) -> Result<Option<CodeRow>, DbError> {
    query_as!(
        conn,
        CodeRow,
        fetch_optional,
        "DELETE FROM oauth_codes WHERE code_hash = $1 \
         RETURNING app_id, account_id, redirect_uri, scopes, code_challenge, expires_at",
        code_hash
    )
}

pub async fn delete_expired_codes(conn: &mut Conn<'_>, now: i64) -> Result<u64, DbError> {
    execute!(conn, "DELETE FROM oauth_codes WHERE expires_at <= $1", now)
}

pub struct NewToken<'a> {
    pub id: i64,
    pub token_hash: &'a str,
    pub refresh_hash: Option<&'a str>,
    pub app_id: i64,
    pub account_id: Option<i64>,
    pub scopes: &'a str,
    pub now: i64,
}

pub async fn insert_token(conn: &mut Conn<'_>, token: &NewToken<'_>) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO oauth_tokens (id, token_hash, refresh_hash, app_id, account_id, scopes, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
        token.id,
        token.token_hash,
        token.refresh_hash,
        token.app_id,
        token.account_id,
        token.scopes,
        token.now,
    )?;
    Ok(())
}

/// A live token with its app and, for user tokens, the account behind it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TokenRow {
    pub id: i64,
    pub app_id: i64,
    pub scopes: String,
    pub created_at: i64,
    pub account_id: Option<i64>,
}

pub async fn get_live_token(conn: &mut Conn<'_>, token_hash: &str) -> Result<Option<TokenRow>, DbError> {
    query_as!(
        conn,
        TokenRow,
        fetch_optional,
        "SELECT id, app_id, scopes, created_at, account_id FROM oauth_tokens \
         WHERE token_hash = $1 AND revoked_at IS NULL",
        token_hash
    )
}

/// A refresh token's live access token, revoked in the same statement (refresh rotates).
pub async fn take_refresh_token(
    conn: &mut Conn<'_>,
    refresh_hash: &str,
    now: i64,
) -> Result<Option<TokenRow>, DbError> {
    query_as!(
        conn,
        TokenRow,
        fetch_optional,
        "UPDATE oauth_tokens SET revoked_at = $2, refresh_hash = NULL \
         WHERE refresh_hash = $1 AND revoked_at IS NULL \
         RETURNING id, app_id, scopes, created_at, account_id",
        refresh_hash,
        now
    )
}

/// Revokes a token of an app (by access or refresh token); returns whether one was revoked.
pub async fn revoke_token(conn: &mut Conn<'_>, app_id: i64, hash: &str, now: i64) -> Result<bool, DbError> {
    let changed = execute!(
        conn,
        "UPDATE oauth_tokens SET revoked_at = $3 \
         WHERE app_id = $1 AND (token_hash = $2 OR refresh_hash = $2) AND revoked_at IS NULL",
        app_id,
        hash,
        now,
    )?;
    Ok(changed > 0)
}

/// An app a member has authorized: its live tokens taken together.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AuthorizedAppRow {
    pub app_id: i64,
    pub name: String,
    pub website: Option<String>,
    /// The scopes of its newest token.
    pub scopes: String,
    pub first_authorized_at: i64,
    pub tokens: i64,
}

/// The apps holding live tokens of `account`, in one query.
pub async fn list_authorized_apps(
    conn: &mut Conn<'_>,
    account: i64,
) -> Result<Vec<AuthorizedAppRow>, DbError> {
    query_as!(
        conn,
        AuthorizedAppRow,
        fetch_all,
        "SELECT a.id AS app_id, a.name, a.website, \
         (SELECT t2.scopes FROM oauth_tokens t2 WHERE t2.app_id = a.id AND t2.account_id = $1 \
          AND t2.revoked_at IS NULL ORDER BY t2.id DESC LIMIT 1) AS scopes, \
         MIN(t.created_at) AS first_authorized_at, COUNT(*) AS tokens \
         FROM oauth_tokens t JOIN oauth_apps a ON a.id = t.app_id \
         WHERE t.account_id = $1 AND t.revoked_at IS NULL \
         GROUP BY a.id, a.name, a.website ORDER BY MIN(t.created_at) DESC, a.id DESC",
        account
    )
}

/// Revokes every live token `account` gave the app `app_id`; returns how many.
pub async fn revoke_app_tokens_of(
    conn: &mut Conn<'_>,
    account: i64,
    app_id: i64,
    now: i64,
) -> Result<u64, DbError> {
    execute!(
        conn,
        "UPDATE oauth_tokens SET revoked_at = $3, refresh_hash = NULL \
         WHERE account_id = $1 AND app_id = $2 AND revoked_at IS NULL",
        account,
        app_id,
        now,
    )
}

//! The OAuth 2 endpoints: the authorize page (sign-in and consent, HTML, CSRF-protected), the
//! token and revoke endpoints, and the server metadata (RFC 8414).

use askama::Template;
use axum::Json;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use base64::Engine;
use serde::Deserialize;
use serde_json::json;

use crate::api::error::ApiError;
use crate::api::model::Token;
use crate::api::params::{Params, lenient};
use crate::client_address::ClientAddress;
use crate::service::oauth::{self, AuthorizationRequest, ClientAuth, OAuthError, OUT_OF_BAND};
use crate::service::{ServiceError, accounts};
use crate::state::AppState;
use crate::web::error::WebError;
use crate::web::session::MaybeUser;
use crate::web::view::Chrome;

/// Never printed with its password (see the `Debug` impl).
#[derive(Clone, Default, Deserialize)]
pub struct AuthorizeQuery {
    #[serde(default)]
    pub response_type: String,
    #[serde(default)]
    pub client_id: String,
    #[serde(default)]
    pub redirect_uri: String,
    pub scope: Option<String>,
    #[serde(default)]
    pub state: String,
    pub code_challenge: Option<String>,
    pub code_challenge_method: Option<String>,
    #[serde(default, deserialize_with = "lenient::bool")]
    pub force_login: bool,
    #[serde(default)]
    pub username: String,
    #[serde(default)]
    pub password: String,
    #[serde(default)]
    pub decision: String,
}

#[derive(Template)]
#[template(path = "oauth/authorize.html")]
struct AuthorizePage {
    chrome: Chrome,
    app_name: String,
    website: String,
    scopes: Vec<String>,
    client_id: String,
    redirect_uri: String,
    scope: String,
    state: String,
    code_challenge: String,
    code_challenge_method: String,
    ask_credentials: bool,
    signed_in_as: String,
    username: String,
    error: String,
}

#[derive(Template)]
#[template(path = "oauth/code.html")]
struct CodePage {
    chrome: Chrome,
    app_name: String,
    code: String,
}

/// Problems with the request itself are shown as a page: never redirect to an unchecked URI.
fn refusal(error: OAuthError) -> Result<Response, WebError> {
    match error {
        OAuthError::Service(inner) => Err(inner.into()),
        other => {
            tracing::info!(error = %other, "authorization request refused");
            Err(WebError::Service(ServiceError::Invalid(
                crate::domain::FieldError::new("request", other.to_string()).into(),
            )))
        }
    }
}

/// Lets the consent form send the browser on to the app's redirect URI (CSP `form-action`
/// applies to the redirect that follows a form).
fn form_action_policy(redirect_uri: &str) -> String {
    let target = match url::Url::parse(redirect_uri) {
        Ok(url) if matches!(url.scheme(), "http" | "https") => url.origin().ascii_serialization(),
        Ok(url) if redirect_uri != OUT_OF_BAND => format!("{}:", url.scheme()),
        _ => String::new(),
    };
    format!(
        "default-src 'self'; img-src 'self' https: data:; style-src 'self'; script-src 'none'; \
         frame-ancestors 'none'; form-action 'self' {target}"
    )
}

fn page(
    chrome: Chrome,
    request: &AuthorizationRequest,
    query: &AuthorizeQuery,
    signed_in_as: Option<&str>,
    error: String,
) -> Result<Response, WebError> {
    let page = AuthorizePage {
        chrome,
        app_name: request.app.name.clone(),
        website: request.app.website.clone().unwrap_or_default(),
        scopes: request.scopes.iter().map(str::to_owned).collect(),
        client_id: request.app.client_id.clone(),
        redirect_uri: request.redirect_uri.clone(),
        scope: request.scopes.to_string(),
        state: query.state.clone(),
        code_challenge: request.code_challenge.clone().unwrap_or_default(),
        code_challenge_method: if request.code_challenge.is_some() { "S256".into() } else { String::new() },
        ask_credentials: signed_in_as.is_none() || query.force_login,
        signed_in_as: signed_in_as.unwrap_or_default().to_owned(),
        username: query.username.clone(),
        error: error.clone(),
    };
    let status = if error.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let mut response = (status, Html(page.render()?)).into_response();
    if let Ok(policy) = HeaderValue::from_str(&form_action_policy(&request.redirect_uri)) {
        response.headers_mut().insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    Ok(response)
}

async fn check(state: &AppState, query: &AuthorizeQuery) -> Result<AuthorizationRequest, OAuthError> {
    if !query.response_type.is_empty() && query.response_type != "code" {
        return Err(OAuthError::InvalidRequest("response_type must be code".into()));
    }
    oauth::check_authorization(
        &state.ctx,
        &query.client_id,
        &query.redirect_uri,
        query.scope.as_deref(),
        query.code_challenge.as_deref(),
        query.code_challenge_method.as_deref(),
    )
    .await
}

/// `GET /oauth/authorize`: the consent page (with sign-in fields when needed).
pub async fn authorize_form(
    State(state): State<AppState>,
    chrome: Chrome,
    MaybeUser(user): MaybeUser,
    Query(query): Query<AuthorizeQuery>,
) -> Result<Response, WebError> {
    let request = match check(&state, &query).await {
        Ok(request) => request,
        Err(error) => return refusal(error),
    };
    page(chrome, &request, &query, user.as_ref().map(|u| u.name.as_str()), String::new())
}

/// `POST /oauth/authorize`: approve (issue a code and go back to the app) or deny.
pub async fn authorize_submit(
    State(state): State<AppState>,
    ClientAddress(peer): ClientAddress,
    chrome: Chrome,
    MaybeUser(session_user): MaybeUser,
    axum::Form(form): axum::Form<AuthorizeQuery>,
) -> Result<Response, WebError> {
    let request = match check(&state, &form).await {
        Ok(request) => request,
        Err(error) => return refusal(error),
    };
    let back = |params: &[(&str, &str)]| {
        let mut target = request.redirect_uri.clone();
        let mut query = form_urlencoded::Serializer::new(String::new());
        for (key, value) in params {
            query.append_pair(key, value);
        }
        if !form.state.is_empty() {
            query.append_pair("state", &form.state);
        }
        target.push(if target.contains('?') { '&' } else { '?' });
        target.push_str(&query.finish());
        Redirect::to(&target).into_response()
    };
    if form.decision == "deny" {
        return Ok(back(&[("error", "access_denied")]));
    }
    let user = if form.username.trim().is_empty() {
        match session_user {
            Some(user) => user,
            None => {
                let error = chrome.t.get("oauth-enter-credentials");
                return page(chrome, &request, &form, None, error);
            }
        }
    } else {
        if !state.auth_limiter.try_attempt(peer) {
            return Err(WebError::TooManyRequests);
        }
        match accounts::check_credentials(&state.ctx, peer, &form.username, &form.password).await {
            Ok(user) => user,
            Err(error @ (ServiceError::BadCredentials | ServiceError::LockedOut)) => {
                let message = chrome.t.get(if matches!(error, ServiceError::LockedOut) {
                    "login-locked"
                } else {
                    "login-wrong"
                });
                let signed_in = session_user.as_ref().map(|u| u.name.as_str());
                return page(chrome, &request, &form, signed_in, message);
            }
            Err(other) => return Err(other.into()),
        }
    };
    let code = oauth::grant_code(&state.ctx, &user, &request).await?;
    tracing::info!(user = %user.name, app = %request.app.name, "app authorized");
    if request.redirect_uri == OUT_OF_BAND {
        let page = CodePage { chrome, app_name: request.app.name.clone(), code };
        return Ok(Html(page.render()?).into_response());
    }
    Ok(back(&[("code", &code)]))
}

/// Never printed with its secrets (see the `Debug` impl).
#[derive(Default, Deserialize)]
pub struct TokenParams {
    #[serde(default)]
    grant_type: String,
    #[serde(default, deserialize_with = "lenient::opt_string")]
    client_id: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_string")]
    client_secret: Option<String>,
    #[serde(default)]
    code: String,
    redirect_uri: Option<String>,
    code_verifier: Option<String>,
    scope: Option<String>,
    #[serde(default)]
    refresh_token: String,
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
}

impl std::fmt::Debug for AuthorizeQuery {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AuthorizeQuery")
            .field("client_id", &self.client_id)
            .field("redirect_uri", &self.redirect_uri)
            .field("scope", &self.scope)
            .field("username", &self.username)
            .field("password", &"***")
            .field("decision", &self.decision)
            .finish_non_exhaustive()
    }
}

impl std::fmt::Debug for TokenParams {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenParams")
            .field("grant_type", &self.grant_type)
            .field("client_id", &self.client_id)
            .field("username", &self.username)
            .field("scope", &self.scope)
            .finish_non_exhaustive()
    }
}

impl std::fmt::Debug for RevokeParams {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RevokeParams").field("client", &self.client).finish_non_exhaustive()
    }
}

/// Client credentials from HTTP Basic, else from the body.
fn client_auth(headers: &HeaderMap, params: &TokenParams) -> Result<ClientAuth, ApiError> {
    let basic = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Basic "))
        .and_then(|encoded| base64::engine::general_purpose::STANDARD.decode(encoded.trim()).ok())
        .and_then(|bytes| String::from_utf8(bytes).ok());
    if let Some(decoded) = basic {
        let (id, secret) = decoded.split_once(':').unwrap_or((&decoded, ""));
        let decode =
            |s: &str| form_urlencoded::parse(format!("x={s}").as_bytes()).next().map(|(_, v)| v.into_owned());
        return Ok(ClientAuth {
            client_id: decode(id).unwrap_or_default(),
            client_secret: decode(secret).filter(|s| !s.is_empty()),
        });
    }
    let client_id = params.client_id.clone().ok_or_else(|| ApiError::OAuth(OAuthError::InvalidClient))?;
    Ok(ClientAuth { client_id, client_secret: params.client_secret.clone() })
}

/// `POST /oauth/token`.
pub async fn token(
    State(state): State<AppState>,
    ClientAddress(peer): ClientAddress,
    headers: HeaderMap,
    Params(params): Params<TokenParams>,
) -> Result<Response, ApiError> {
    let client = client_auth(&headers, &params)?;
    let ctx = &state.ctx;
    let issued = match params.grant_type.as_str() {
        "authorization_code" => {
            oauth::exchange_code(
                ctx,
                &client,
                &params.code,
                params.redirect_uri.as_deref(),
                params.code_verifier.as_deref(),
            )
            .await?
        }
        "client_credentials" => oauth::client_credentials(ctx, &client, params.scope.as_deref()).await?,
        "refresh_token" => oauth::refresh(ctx, &client, &params.refresh_token).await?,
        "password" => {
            if !state.auth_limiter.try_attempt(peer) {
                return Err(ApiError::TooManyRequests);
            }
            let credentials = oauth::PasswordCredentials {
                client: peer,
                username: &params.username,
                password: &params.password,
            };
            oauth::password_grant(ctx, &client, credentials, params.scope.as_deref()).await?
        }
        "" => return Err(OAuthError::InvalidRequest("grant_type is required".into()).into()),
        _ => return Err(OAuthError::UnsupportedGrantType.into()),
    };
    let mut response = Json(Token::from(&issued)).into_response();
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// Never printed with its secrets (see the `Debug` impl).
#[derive(Default, Deserialize)]
pub struct RevokeParams {
    #[serde(default)]
    token: String,
    #[serde(flatten)]
    client: TokenParams,
}

/// `POST /oauth/revoke`: always `{}` for a known client (RFC 7009).
pub async fn revoke(
    State(state): State<AppState>,
    headers: HeaderMap,
    Params(params): Params<RevokeParams>,
) -> Result<Response, ApiError> {
    let client = client_auth(&headers, &params.client)?;
    oauth::revoke(&state.ctx, &client, &params.token).await?;
    Ok(Json(json!({})).into_response())
}

/// `GET /.well-known/oauth-authorization-server` (RFC 8414).
pub async fn metadata(State(state): State<AppState>) -> Response {
    let uris = &state.uris;
    let mut grants = vec!["authorization_code", "client_credentials", "refresh_token"];
    if state.ctx.settings.oauth_password_grant {
        grants.push("password");
    }
    let scopes: Vec<&str> = ["read", "write", "follow", "push", "profile"]
        .into_iter()
        .chain(crate::domain::scopes::GRANULAR.iter().copied())
        .collect();
    Json(json!({
        "issuer": uris.absolute("/"),
        "service_documentation": uris.absolute("/"),
        "authorization_endpoint": uris.absolute("/oauth/authorize"),
        "token_endpoint": uris.absolute("/oauth/token"),
        "revocation_endpoint": uris.absolute("/oauth/revoke"),
        "userinfo_endpoint": uris.absolute("/oauth/userinfo"),
        "app_registration_endpoint": uris.absolute("/api/v1/apps"),
        "scopes_supported": scopes,
        "response_types_supported": ["code"],
        "response_modes_supported": ["query"],
        "code_challenge_methods_supported": ["S256"],
        "grant_types_supported": grants,
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post", "none"],
    }))
    .into_response()
}

/// `GET /oauth/userinfo`: who the token belongs to (OpenID Connect's claims, as Mastodon
/// answers them), for apps that sign people in with `profile`.
pub async fn userinfo(
    State(state): State<AppState>,
    auth: crate::api::auth::Auth,
) -> Result<Response, ApiError> {
    let grant = auth.grant()?;
    let user = match grant.user.as_ref().filter(|_| grant.scopes.allows("profile")) {
        Some(user) => user,
        None => auth.user("read:accounts")?,
    };
    let profile = state.uris.user(&user.name);
    Ok(Json(json!({
        "iss": state.uris.absolute("/"),
        "sub": profile,
        "name": if user.display_name.is_empty() { &user.name } else { &user.display_name },
        "preferred_username": user.name,
        "profile": profile,
        "picture": state.uris.absolute(crate::api::model::AVATAR_PATH),
    }))
    .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_never_print_credentials() {
        let token = TokenParams {
            grant_type: "password".into(),
            client_id: Some("app".into()),
            client_secret: Some("SECRET-CLIENT".into()),
            code: "SECRET-CODE".into(),
            code_verifier: Some("SECRET-VERIFIER".into()),
            refresh_token: "SECRET-REFRESH".into(),
            username: "ana".into(),
            password: "SECRET-PASSWORD".into(),
            ..TokenParams::default()
        };
        let printed = format!("{token:?}");
        assert!(!printed.contains("SECRET"), "{printed}");
        let revoke = RevokeParams { token: "SECRET-TOKEN".into(), client: token };
        assert!(!format!("{revoke:?}").contains("SECRET"));
        let query = AuthorizeQuery { password: "SECRET-PASSWORD".into(), ..AuthorizeQuery::default() };
        assert!(!format!("{query:?}").contains("SECRET"));
    }
}

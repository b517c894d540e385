//! Bearer tokens: `Authorization: Bearer ...`. A token in the query string (`access_token`) is
//! read only by the streaming API, for WebSocket clients that cannot set headers: anywhere else
//! a URL with a token ends up in browser histories, proxies' logs and `Referer` headers. The
//! token is looked up once per request; each handler states the scope it needs.

use axum::extract::{FromRef, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};

use super::error::ApiError;
use crate::service::CurrentUser;
use crate::service::oauth::{self, TokenGrant};
use crate::state::AppState;

/// The request's token grant, if it carried a token. A token that is present but unknown is
/// refused here with 401, even on endpoints that work without one.
pub struct Auth(pub Option<TokenGrant>);

impl Auth {
    /// The person acting, who must hold `scope`.
    pub fn user(&self, scope: &'static str) -> Result<&CurrentUser, ApiError> {
        let grant = self.0.as_ref().ok_or(ApiError::Unauthorized)?;
        if !grant.scopes.allows(scope) {
            return Err(ApiError::MissingScope(scope));
        }
        grant.user.as_ref().ok_or(ApiError::MissingScope(scope))
    }

    /// The viewer of a public endpoint: nobody without a token, else a person holding `scope`.
    pub fn viewer(&self, scope: &'static str) -> Result<Option<&CurrentUser>, ApiError> {
        match &self.0 {
            None => Ok(None),
            Some(grant) if grant.user.is_none() => Ok(None),
            Some(_) => self.user(scope).map(Some),
        }
    }

    /// An app's own token (client credentials) or a person's.
    pub fn grant(&self) -> Result<&TokenGrant, ApiError> {
        self.0.as_ref().ok_or(ApiError::Unauthorized)
    }

    /// The grant of `token`; an unknown token is refused with 401.
    pub async fn for_token(state: &AppState, token: &str) -> Result<Self, ApiError> {
        let grant = oauth::authenticate(&state.ctx, token).await?.ok_or(ApiError::Unauthorized)?;
        Ok(Auth(Some(grant)))
    }
}

/// The token a WebSocket client sends as its subprotocol (`Sec-WebSocket-Protocol`): browsers
/// cannot set `Authorization` on a WebSocket, so web apps (masto.js, used by Elk and Phanpy)
/// send it there, as Mastodon's streaming server reads it. The handshake must echo it back.
pub fn websocket_protocol_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get(header::SEC_WEBSOCKET_PROTOCOL)?
        .to_str()
        .ok()?
        .split(',')
        .map(str::trim)
        .find(|token| !token.is_empty())
        .map(str::to_owned)
}

/// The token of an `Authorization: Bearer ...` header.
pub fn authorization_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer ").or_else(|| value.strip_prefix("bearer ")))
        .map(|token| token.trim().to_owned())
}

/// The token of a request outside streaming: the `Authorization` header only.
pub fn bearer_token(parts: &Parts) -> Option<String> {
    authorization_token(&parts.headers)
}

impl<S> FromRequestParts<S> for Auth
where
    AppState: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Some(token) = bearer_token(parts).filter(|t| !t.is_empty()) else {
            return Ok(Auth(None));
        };
        Auth::for_token(&AppState::from_ref(state), &token).await
    }
}

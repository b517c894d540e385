//! Application (as registered and as verified) and Token.

use serde::Serialize;

use crate::service::oauth::{IssuedToken, RegisteredApp};

#[derive(Debug, Clone, Serialize)]
pub struct Application {
    pub id: String,
    pub name: String,
    pub website: Option<String>,
    pub scopes: Vec<String>,
    pub redirect_uri: String,
    pub redirect_uris: Vec<String>,
    /// Only when the app is first registered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_secret: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_secret_expires_at: Option<i64>,
    /// Deprecated by Mastodon, still read by older apps.
    pub vapid_key: String,
}

impl Application {
    pub fn new(app: &RegisteredApp, with_secret: bool) -> Self {
        Self {
            id: app.id.to_string(),
            name: app.name.clone(),
            website: app.website.clone(),
            scopes: app.scopes.iter().map(str::to_owned).collect(),
            redirect_uri: app.redirect_uris.join("\n"),
            redirect_uris: app.redirect_uris.clone(),
            client_id: with_secret.then(|| app.client_id.clone()),
            client_secret: with_secret.then(|| app.client_secret.clone()),
            client_secret_expires_at: with_secret.then_some(0),
            vapid_key: String::new(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Token {
    pub access_token: String,
    pub token_type: &'static str,
    pub scope: String,
    pub created_at: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
}

impl From<&IssuedToken> for Token {
    fn from(token: &IssuedToken) -> Self {
        Self {
            access_token: token.access_token.clone(),
            token_type: "Bearer",
            scope: token.scopes.to_string(),
            created_at: token.created_at.millis() / 1000,
            refresh_token: token.refresh_token.clone(),
        }
    }
}

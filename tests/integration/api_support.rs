//! A Mastodon app's view of a test server: register an app, sign in through our own authorize
//! page (the HTML form, as a person would), exchange the code, and call the API with the token.

use base64::Engine;
use reqwest::{Response, StatusCode};
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::common::{PASSWORD, TestApp, location};

pub const REDIRECT: &str = "com.example.app:/callback";

pub struct RegisteredApp {
    pub client_id: String,
    pub client_secret: String,
}

pub async fn register_app(app: &TestApp, scopes: &str) -> RegisteredApp {
    let response = app
        .client
        .post(app.url("/api/v1/apps"))
        .form(&[
            ("client_name", "Test app"),
            ("redirect_uris", &format!("{REDIRECT} urn:ietf:wg:oauth:2.0:oob")),
            ("scopes", scopes),
            ("website", "https://app.example"),
        ])
        .send()
        .await
        .expect("POST /api/v1/apps");
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.expect("JSON app");
    RegisteredApp {
        client_id: body["client_id"].as_str().expect("client_id").to_owned(),
        client_secret: body["client_secret"].as_str().expect("client_secret").to_owned(),
    }
}

pub fn pkce_pair() -> (String, String) {
    let verifier = "a-verifier-that-is-long-enough-for-pkce-0123456789".to_owned();
    let challenge =
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()));
    (verifier, challenge)
}

/// The value of a hidden or text input in a page.
pub fn input_value(page: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    page.split_once(&marker)
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(value, _)| value.replace("&#38;", "&").replace("&amp;", "&"))
        .unwrap_or_default()
}

/// Opens the authorize page in a fresh browser, signs in on it and approves; returns the
/// redirect (or the response when it is not one).
pub async fn approve(app: &TestApp, query: &[(&str, &str)], username: &str) -> Response {
    let browser = app.new_browser();
    let page = browser
        .client
        .get(app.url("/oauth/authorize"))
        .query(query)
        .send()
        .await
        .expect("GET /oauth/authorize");
    assert_eq!(page.status(), StatusCode::OK, "the consent page is shown");
    let html = page.text().await.expect("page");
    let mut form: Vec<(String, String)> = [
        "client_id",
        "redirect_uri",
        "scope",
        "state",
        "code_challenge",
        "code_challenge_method",
        "csrf_token",
    ]
    .iter()
    .map(|name| ((*name).to_owned(), input_value(&html, name)))
    .collect();
    form.push(("username".into(), username.into()));
    form.push(("password".into(), PASSWORD.into()));
    form.push(("decision".into(), "approve".into()));
    browser.client.post(app.url("/oauth/authorize")).form(&form).send().await.expect("POST /oauth/authorize")
}

/// The code in a redirect to the app.
pub fn code_of(response: &Response) -> String {
    let target = location(response);
    let query = target.split_once('?').map(|(_, q)| q).unwrap_or_default();
    form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == "code")
        .map(|(_, v)| v.into_owned())
        .unwrap_or_else(|| panic!("no code in {target}"))
}

/// A token for `username` with `scopes`, through the whole authorization-code flow with PKCE.
pub async fn token_for(app: &TestApp, username: &str, scopes: &str) -> String {
    app_and_token_for(app, username, scopes).await.1
}

/// [`token_for`], with the app that holds the token (to revoke it).
pub async fn app_and_token_for(app: &TestApp, username: &str, scopes: &str) -> (RegisteredApp, String) {
    let registered = register_app(app, scopes).await;
    let (verifier, challenge) = pkce_pair();
    let response = approve(
        app,
        &[
            ("response_type", "code"),
            ("client_id", &registered.client_id),
            ("redirect_uri", REDIRECT),
            ("scope", scopes),
            ("code_challenge", &challenge),
            ("code_challenge_method", "S256"),
        ],
        username,
    )
    .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "approval redirects to the app");
    let code = code_of(&response);
    let token = app
        .client
        .post(app.url("/oauth/token"))
        .form(&[
            ("grant_type", "authorization_code"),
            ("client_id", &registered.client_id),
            ("code", &code),
            ("redirect_uri", REDIRECT),
            ("code_verifier", &verifier),
        ])
        .send()
        .await
        .expect("POST /oauth/token");
    assert_eq!(token.status(), StatusCode::OK);
    let body: Value = token.json().await.expect("token JSON");
    (registered, body["access_token"].as_str().expect("access_token").to_owned())
}

/// A bearer-authenticated client call.
pub struct Api<'a> {
    pub app: &'a TestApp,
    pub token: String,
}

impl<'a> Api<'a> {
    pub async fn for_user(app: &'a TestApp, username: &str) -> Api<'a> {
        let token = token_for(app, username, "read write follow").await;
        Api { app, token }
    }

    pub async fn get(&self, path: &str) -> Response {
        self.app.client.get(self.app.url(path)).bearer_auth(&self.token).send().await.expect("GET")
    }

    pub async fn get_json(&self, path: &str) -> Value {
        let response = self.get(path).await;
        assert_eq!(response.status(), StatusCode::OK, "GET {path}");
        response.json().await.expect("JSON")
    }

    pub async fn post_json(&self, path: &str, body: Value) -> Response {
        self.app
            .client
            .post(self.app.url(path))
            .bearer_auth(&self.token)
            .json(&body)
            .send()
            .await
            .expect("POST")
    }

    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        self.app
            .client
            .post(self.app.url(path))
            .bearer_auth(&self.token)
            .form(fields)
            .send()
            .await
            .expect("POST")
    }
}

/// The OAuth password grant for `name` with `password`: the status and the JSON answer.
pub async fn password_grant(
    app: &TestApp,
    registered: &RegisteredApp,
    name: &str,
    password: &str,
) -> (StatusCode, Value) {
    let response = app
        .client
        .post(app.url("/oauth/token"))
        .form(&[
            ("grant_type", "password"),
            ("client_id", registered.client_id.as_str()),
            ("client_secret", registered.client_secret.as_str()),
            ("username", name),
            ("password", password),
            ("scope", "read"),
        ])
        .send()
        .await
        .expect("token");
    (response.status(), response.json().await.unwrap_or(Value::Null))
}

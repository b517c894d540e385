//! Signing in as an app does: an app registered over the API, our authorize page filled in and
//! approved as a person would, and the code read from the out-of-band page and exchanged.

use crate::browserless::{Browserless, csrf_token};
use crate::instance::Instance;
use crate::scenario::PASSWORD;

/// The redirect URI of apps that show the code for the person to paste.
pub const OUT_OF_BAND: &str = "urn:ietf:wg:oauth:2.0:oob";

/// The value of the input named `name` in `html`.
fn input_value(html: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    html.split_once(&marker)
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(value, _)| value.replace("&#38;", "&").replace("&amp;", "&"))
        .unwrap_or_default()
}

/// Opens the authorize page an app sent the person to, signs in there, approves, and reads the
/// code from the out-of-band page, as a person would.
pub async fn approve_out_of_band(instance: &Instance, authorize_url: &str, username: &str) -> String {
    let browser = Browserless::new(instance.base_url());
    let page = browser.client().get(authorize_url).send().await.expect("authorize page");
    assert_eq!(page.status().as_u16(), 200, "{authorize_url}");
    let html = page.text().await.expect("page");
    let mut form: Vec<(String, String)> =
        ["client_id", "redirect_uri", "scope", "state", "code_challenge", "code_challenge_method"]
            .iter()
            .map(|name| ((*name).to_owned(), input_value(&html, name)))
            .collect();
    form.push(("csrf_token".into(), csrf_token(&html)));
    form.push(("username".into(), username.into()));
    form.push(("password".into(), PASSWORD.into()));
    form.push(("decision".into(), "approve".into()));
    let shown = browser
        .client()
        .post(instance.url("/oauth/authorize"))
        .form(&form)
        .send()
        .await
        .expect("approve")
        .text()
        .await
        .expect("code page");
    shown
        .split_once("id=\"authorization-code\" class=\"code\" value=\"")
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(code, _)| code.to_owned())
        .unwrap_or_else(|| panic!("no code on the page:\n{shown}"))
}

/// A token for `username`: an app registered over the API, the authorize page approved as a
/// person would, the code exchanged.
pub async fn token_for(instance: &Instance, username: &str) -> String {
    let http = reqwest::Client::new();
    let app: serde_json::Value = http
        .post(instance.url("/api/v1/apps"))
        .form(&[
            ("client_name", "conformance"),
            ("redirect_uris", OUT_OF_BAND),
            ("scopes", "read write follow"),
        ])
        .send()
        .await
        .expect("app")
        .json()
        .await
        .expect("app JSON");
    let client_id = app["client_id"].as_str().expect("client_id");
    let client_secret = app["client_secret"].as_str().expect("client_secret");
    let authorize = format!(
        "{}?response_type=code&client_id={client_id}&redirect_uri={OUT_OF_BAND}&scope=read+write+follow",
        instance.url("/oauth/authorize")
    );
    let code = approve_out_of_band(instance, &authorize, username).await;
    let token: serde_json::Value = http
        .post(instance.url("/oauth/token"))
        .form(&[
            ("grant_type", "authorization_code"),
            ("client_id", client_id),
            ("client_secret", client_secret),
            ("code", &code),
            ("redirect_uri", OUT_OF_BAND),
        ])
        .send()
        .await
        .expect("token")
        .json()
        .await
        .expect("token JSON");
    token["access_token"].as_str().expect("access_token").to_owned()
}

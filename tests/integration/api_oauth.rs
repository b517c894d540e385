//! The OAuth 2 server as apps use it: registration, the authorization-code flow with PKCE and
//! out of band, client credentials, refresh, revocation, the password grant switch, and every
//! refusal (unknown client, foreign redirect, scope creep, reused code, wrong verifier, CSRF).

use reqwest::StatusCode;
use serde_json::Value;

use crate::api_support::{REDIRECT, approve, code_of, input_value, pkce_pair, register_app};
use crate::common::{Backend, PASSWORD, TestApp, count_rows, location};
use crate::on_both_backends;

async fn token_request(app: &TestApp, fields: &[(&str, &str)]) -> (StatusCode, Value) {
    let response = app.client.post(app.url("/oauth/token")).form(fields).send().await.expect("token");
    let status = response.status();
    (status, response.json().await.expect("JSON"))
}

pub async fn code_flow_with_pkce_and_no_secret(app: TestApp) {
    app.create_user("ana").await;
    let registered = register_app(&app, "read write").await;
    let (verifier, challenge) = pkce_pair();
    let query = [
        ("response_type", "code"),
        ("client_id", registered.client_id.as_str()),
        ("redirect_uri", REDIRECT),
        ("scope", "read write:statuses"),
        ("state", "s-42"),
        ("code_challenge", challenge.as_str()),
        ("code_challenge_method", "S256"),
    ];
    let response = approve(&app, &query, "ana").await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let target = location(&response);
    assert!(target.starts_with("com.example.app:/callback?code="), "{target}");
    assert!(target.ends_with("&state=s-42"), "{target}");
    let code = code_of(&response);

    let (status, body) = token_request(
        &app,
        &[
            ("grant_type", "authorization_code"),
            ("client_id", &registered.client_id),
            ("code", &code),
            ("redirect_uri", REDIRECT),
            ("code_verifier", "the-wrong-verifier-the-wrong-verifier-the-wrong"),
        ],
    )
    .await;
    assert_eq!((status, body["error"].as_str()), (StatusCode::BAD_REQUEST, Some("invalid_grant")));

    // The failed attempt used the code up: a code is exchanged once, right or wrong.
    let (status, body) = token_request(
        &app,
        &[
            ("grant_type", "authorization_code"),
            ("client_id", &registered.client_id),
            ("code", &code),
            ("code_verifier", &verifier),
        ],
    )
    .await;
    assert_eq!((status, body["error"].as_str()), (StatusCode::BAD_REQUEST, Some("invalid_grant")));

    let response = approve(&app, &query, "ana").await;
    let code = code_of(&response);
    let exchange = [
        ("grant_type", "authorization_code"),
        ("client_id", registered.client_id.as_str()),
        ("code", code.as_str()),
        ("redirect_uri", REDIRECT),
        ("code_verifier", verifier.as_str()),
    ];
    let (status, body) = token_request(&app, &exchange).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["scope"], "read write:statuses");
    assert!(body["created_at"].as_i64().is_some_and(|t| t > 1_700_000_000));
    let token = body["access_token"].as_str().expect("token").to_owned();
    let (status, again) = token_request(&app, &exchange).await;
    assert_eq!((status, again["error"].as_str()), (StatusCode::BAD_REQUEST, Some("invalid_grant")));

    let me = app
        .client
        .get(app.url("/api/v1/accounts/verify_credentials"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(me.status(), StatusCode::OK);
    let me: Value = me.json().await.unwrap();
    assert_eq!(me["username"], "ana");
    assert_eq!(me["source"]["privacy"], "public");

    // write:statuses but not write:favourites.
    let refused =
        app.client.post(app.url("/api/v1/statuses/1/favourite")).bearer_auth(&token).send().await.unwrap();
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let error: Value = refused.json().await.unwrap();
    assert!(error["error"].as_str().is_some_and(|e| e.contains("scopes")));
}

pub async fn out_of_band_code_with_client_secret_and_basic_auth(app: TestApp) {
    app.create_user("ana").await;
    let registered = register_app(&app, "read").await;
    let response = approve(
        &app,
        &[
            ("response_type", "code"),
            ("client_id", &registered.client_id),
            ("redirect_uri", "urn:ietf:wg:oauth:2.0:oob"),
        ],
        "ana",
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK, "the code is shown on a page");
    let page = response.text().await.unwrap();
    let code = page
        .split_once("id=\"authorization-code\" class=\"code\" value=\"")
        .unwrap()
        .1
        .split('"')
        .next()
        .unwrap();
    let without_secret = token_request(
        &app,
        &[("grant_type", "authorization_code"), ("client_id", &registered.client_id), ("code", code)],
    )
    .await;
    assert_eq!(without_secret.0, StatusCode::UNAUTHORIZED, "no PKCE: the secret is required");

    let response = approve(
        &app,
        &[("client_id", &registered.client_id), ("redirect_uri", "urn:ietf:wg:oauth:2.0:oob")],
        "ana",
    )
    .await;
    let page = response.text().await.unwrap();
    let code = page
        .split_once("id=\"authorization-code\" class=\"code\" value=\"")
        .unwrap()
        .1
        .split('"')
        .next()
        .unwrap();
    let response = app
        .client
        .post(app.url("/oauth/token"))
        .basic_auth(&registered.client_id, Some(&registered.client_secret))
        .form(&[
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", "urn:ietf:wg:oauth:2.0:oob"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["scope"], "read");

    // Refresh rotates the pair; the old access token stops working.
    let old = body["access_token"].as_str().unwrap().to_owned();
    let (status, refreshed) = token_request(
        &app,
        &[
            ("grant_type", "refresh_token"),
            ("client_id", &registered.client_id),
            ("client_secret", &registered.client_secret),
            ("refresh_token", body["refresh_token"].as_str().unwrap()),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{refreshed}");
    let old_use = app
        .client
        .get(app.url("/api/v1/accounts/verify_credentials"))
        .bearer_auth(&old)
        .send()
        .await
        .unwrap();
    assert_eq!(old_use.status(), StatusCode::UNAUTHORIZED);
    let new = refreshed["access_token"].as_str().unwrap();
    let new_use =
        app.client.get(app.url("/api/v1/accounts/verify_credentials")).bearer_auth(new).send().await.unwrap();
    assert_eq!(new_use.status(), StatusCode::OK);

    // Revoked tokens are refused with a JSON 401.
    let revoke = app
        .client
        .post(app.url("/oauth/revoke"))
        .form(&[
            ("client_id", registered.client_id.as_str()),
            ("client_secret", &registered.client_secret),
            ("token", new),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(revoke.status(), StatusCode::OK);
    let after =
        app.client.get(app.url("/api/v1/accounts/verify_credentials")).bearer_auth(new).send().await.unwrap();
    assert_eq!(after.status(), StatusCode::UNAUTHORIZED);
    let error: Value = after.json().await.unwrap();
    assert_eq!(error["error"], "The access token is invalid");
}

pub async fn bad_authorization_requests_are_never_redirected(app: TestApp) {
    app.create_user("ana").await;
    let registered = register_app(&app, "read").await;
    let cases: Vec<Vec<(&str, &str)>> = vec![
        vec![("client_id", "nobody"), ("redirect_uri", REDIRECT)],
        vec![("client_id", &registered.client_id), ("redirect_uri", "https://evil.example/steal")],
        vec![("client_id", &registered.client_id), ("redirect_uri", REDIRECT), ("scope", "read write")],
        vec![
            ("client_id", &registered.client_id),
            ("redirect_uri", REDIRECT),
            ("scope", "read admin:everything"),
        ],
        vec![
            ("client_id", &registered.client_id),
            ("redirect_uri", REDIRECT),
            ("code_challenge", "short"),
            ("code_challenge_method", "S256"),
        ],
        vec![
            ("client_id", &registered.client_id),
            ("redirect_uri", REDIRECT),
            ("code_challenge", "abcdefghijabcdefghijabcdefghijabcdefghij123"),
            ("code_challenge_method", "plain"),
        ],
    ];
    for query in cases {
        let response = app.client.get(app.url("/oauth/authorize")).query(&query).send().await.unwrap();
        assert!(response.status().is_client_error(), "{query:?} gives {}", response.status());
        assert!(response.headers().get("location").is_none(), "{query:?} must not redirect");
    }

    // The consent form needs its CSRF token.
    let response = app
        .client
        .post(app.url("/oauth/authorize"))
        .form(&[
            ("client_id", registered.client_id.as_str()),
            ("redirect_uri", REDIRECT),
            ("username", "ana"),
            ("password", PASSWORD),
            ("decision", "approve"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);

    // A wrong password shows the form again, and issues nothing.
    let browser = app.new_browser();
    let page = browser
        .client
        .get(app.url("/oauth/authorize"))
        .query(&[("client_id", registered.client_id.as_str()), ("redirect_uri", REDIRECT)])
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let response = browser
        .client
        .post(app.url("/oauth/authorize"))
        .form(&[
            ("client_id", registered.client_id.as_str()),
            ("redirect_uri", REDIRECT),
            ("csrf_token", &input_value(&page, "csrf_token")),
            ("username", "ana"),
            ("password", "wrong password"),
            ("decision", "approve"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(count_rows(&app, "oauth_codes").await, 0);

    // Denying goes back to the app with access_denied.
    let response = browser
        .client
        .post(app.url("/oauth/authorize"))
        .form(&[
            ("client_id", registered.client_id.as_str()),
            ("redirect_uri", REDIRECT),
            ("state", "x"),
            ("csrf_token", &input_value(&page, "csrf_token")),
            ("decision", "deny"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(location(&response), "com.example.app:/callback?error=access_denied&state=x");
}

pub async fn app_registration_refuses_unusable_input(app: TestApp) {
    for fields in [
        vec![("client_name", ""), ("redirect_uris", REDIRECT)],
        vec![("client_name", "x"), ("redirect_uris", "javascript:alert(1)")],
        vec![("client_name", "x"), ("redirect_uris", "")],
        vec![("client_name", "x"), ("redirect_uris", REDIRECT), ("scopes", "read everything")],
    ] {
        let response = app.client.post(app.url("/api/v1/apps")).form(&fields).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{fields:?}");
        let body: Value = response.json().await.unwrap();
        assert!(body["error"].as_str().is_some_and(|e| e.starts_with("Validation failed")), "{body}");
    }
    assert_eq!(count_rows(&app, "oauth_apps").await, 0);
    // JSON bodies and list-shaped redirect URIs work as well.
    let response = app
        .client
        .post(app.url("/api/v1/apps"))
        .json(&serde_json::json!({"client_name": "Elk", "redirect_uris": [REDIRECT, "https://elk.example/cb"], "scopes": "read write follow push"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["redirect_uris"], serde_json::json!([REDIRECT, "https://elk.example/cb"]));
    assert_eq!(body["scopes"], serde_json::json!(["follow", "push", "read", "write"]));
}

pub async fn client_credentials_act_for_the_app_only(app: TestApp) {
    let registered = register_app(&app, "read write").await;
    let (status, body) = token_request(
        &app,
        &[
            ("grant_type", "client_credentials"),
            ("client_id", &registered.client_id),
            ("client_secret", &registered.client_secret),
            ("scope", "read"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let token = body["access_token"].as_str().unwrap();
    let verified =
        app.client.get(app.url("/api/v1/apps/verify_credentials")).bearer_auth(token).send().await.unwrap();
    assert_eq!(verified.status(), StatusCode::OK);
    let verified: Value = verified.json().await.unwrap();
    assert_eq!(verified["name"], "Test app");
    assert!(verified.get("client_secret").is_none(), "the secret is shown once");
    let me = app
        .client
        .get(app.url("/api/v1/accounts/verify_credentials"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(me.status(), StatusCode::FORBIDDEN, "no person behind an app token");
    let (status, body) = token_request(
        &app,
        &[
            ("grant_type", "client_credentials"),
            ("client_id", &registered.client_id),
            ("client_secret", "wrong"),
        ],
    )
    .await;
    assert_eq!((status, body["error"].as_str()), (StatusCode::UNAUTHORIZED, Some("invalid_client")));
    let (status, body) = token_request(
        &app,
        &[
            ("grant_type", "password"),
            ("client_id", &registered.client_id),
            ("client_secret", &registered.client_secret),
            ("username", "ana"),
            ("password", PASSWORD),
        ],
    )
    .await;
    assert_eq!((status, body["error"].as_str()), (StatusCode::BAD_REQUEST, Some("unsupported_grant_type")));
    let metadata: Value = app.get("/.well-known/oauth-authorization-server").await.json().await.unwrap();
    assert_eq!(metadata["code_challenge_methods_supported"], serde_json::json!(["S256"]));
    assert!(!metadata["grant_types_supported"].as_array().unwrap().iter().any(|g| g == "password"));
}

#[tokio::test]
async fn the_password_grant_works_when_the_admin_enables_it() {
    let app = TestApp::spawn_configured(Backend::Sqlite, |config| config.oauth.password_grant = true)
        .await
        .expect("sqlite app");
    app.create_user("ana").await;
    let registered = register_app(&app, "read").await;
    let (status, body) = token_request(
        &app,
        &[
            ("grant_type", "password"),
            ("client_id", &registered.client_id),
            ("client_secret", &registered.client_secret),
            ("username", "ana"),
            ("password", PASSWORD),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = token_request(
        &app,
        &[
            ("grant_type", "password"),
            ("client_id", &registered.client_id),
            ("client_secret", &registered.client_secret),
            ("username", "ana"),
            ("password", "nope"),
        ],
    )
    .await;
    assert_eq!((status, body["error"].as_str()), (StatusCode::BAD_REQUEST, Some("invalid_grant")));
    let metadata: Value = app.get("/.well-known/oauth-authorization-server").await.json().await.unwrap();
    assert!(metadata["grant_types_supported"].as_array().unwrap().iter().any(|g| g == "password"));
}

on_both_backends!(
    code_flow_with_pkce_and_no_secret,
    out_of_band_code_with_client_secret_and_basic_auth,
    bad_authorization_requests_are_never_redirected,
    app_registration_refuses_unusable_input,
    client_credentials_act_for_the_app_only,
);

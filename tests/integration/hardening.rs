//! The weaknesses of issue 16 closed, each with a test that failed before its fix: WebFinger
//! bodies read under a streaming cap, signatures bound to our host, no actor stored for a
//! forged request, refresh needing the client secret, tokens in the query only for streaming,
//! lockouts that neither reveal accounts nor lock out their owners, private unattached uploads,
//! and a person created from the command line signing in at once.

use std::net::IpAddr;
use std::time::Duration;

use allmende::federation::http::FetchError;
use allmende::federation::resolve::{self, ResolveError};
use allmende::federation::signing::Signer;
use allmende::service::{ServiceError, accounts};
use reqwest::StatusCode;
use reqwest::header::{HOST, HeaderValue};
use serde_json::{Value, json};

use crate::api_support::{Api, password_grant, register_app};
use crate::common::{Backend, PASSWORD, TestApp};
use crate::peer::Peer;

crate::on_both_backends!(
    webfinger_stops_reading_an_endless_answer_at_the_cap,
    a_request_signed_for_another_server_is_refused_here,
    a_forged_request_from_a_new_actor_stores_no_actor,
    tokens_in_the_query_string_work_only_for_streaming,
    a_lockout_looks_the_same_for_names_that_do_not_exist,
    nobody_can_lock_another_person_out,
    an_unattached_upload_is_seen_only_by_its_uploader,
);

async fn rows(app: &TestApp, table_and_condition: &str) -> i64 {
    crate::common::count_rows(app, table_and_condition).await
}

/// A peer whose WebFinger answer never ends.
async fn endless_webfinger() -> (String, tokio::task::JoinHandle<()>) {
    let chunk = axum::body::Bytes::from(vec![b' '; 8192]);
    let router = axum::Router::new().route(
        "/.well-known/webfinger",
        axum::routing::get(move || {
            let chunk = chunk.clone();
            async move {
                let endless = futures_util::stream::repeat_with(move || {
                    Ok::<_, std::convert::Infallible>(chunk.clone())
                });
                ([("content-type", "application/jrd+json")], axum::body::Body::from_stream(endless))
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("binds");
    let host = format!("127.0.0.1:{}", listener.local_addr().expect("address").port());
    let server = tokio::spawn(async move {
        let _ = axum::serve(listener, router).await;
    });
    (host, server)
}

async fn webfinger_stops_reading_an_endless_answer_at_the_cap(app: TestApp) {
    let (host, server) = endless_webfinger().await;
    let started = std::time::Instant::now();
    let outcome = tokio::time::timeout(
        Duration::from_secs(30),
        resolve::resolve_handle(&app.state, &format!("ana@{host}")),
    )
    .await
    .expect("the read ends by itself");
    assert!(matches!(outcome, Err(ResolveError::Fetch(FetchError::TooLarge))), "{outcome:?}");
    assert!(started.elapsed() < Duration::from_secs(5), "stopped at the cap, not at the deadline");
    server.abort();
}

/// A Follow of nobody in particular from `actor` (the signature is checked before anything else).
fn follow(actor: &str) -> Value {
    json!({"@context": "https://www.w3.org/ns/activitystreams", "id": format!("{actor}/follows/1"),
           "type": "Follow", "actor": actor, "object": "http://localhost/u/nobody"})
}

async fn a_request_signed_for_another_server_is_refused_here(app: TestApp) {
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    let http = reqwest::Client::new();
    let body = serde_json::to_vec(&follow(&zoe)).expect("JSON");
    // Signed for another server's inbox, then replayed to ours with that server's Host.
    let mut request = Signer::new()
        .signed_post(
            &http,
            "http://other.example/inbox",
            body.clone(),
            &format!("{zoe}#main-key"),
            peer.private_key(&zoe),
        )
        .await
        .expect("signed");
    *request.url_mut() = app.url("/inbox").parse().expect("URL");
    request.headers_mut().insert(HOST, HeaderValue::from_static("other.example"));
    let replayed = http.execute(request).await.expect("answered").status();
    assert_eq!(replayed, StatusCode::UNAUTHORIZED);
    // The same request signed for us is accepted as far as the signature goes.
    let ours = peer.deliver(&zoe, &app.url("/inbox"), &follow(&zoe)).await;
    assert_ne!(ours, StatusCode::UNAUTHORIZED);
}

async fn a_forged_request_from_a_new_actor_stores_no_actor(app: TestApp) {
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    let (_, wrong_key) = allmende::service::instance::generate_key_pair().expect("key");
    let http = reqwest::Client::new();
    let body = serde_json::to_vec(&follow(&zoe)).expect("JSON");
    let request = Signer::new()
        .signed_post(&http, &app.url("/inbox"), body, &format!("{zoe}#main-key"), &wrong_key)
        .await
        .expect("signed");
    let status = http.execute(request).await.expect("answered").status();
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(rows(&app, &format!("actors WHERE ap_id = '{zoe}'")).await, 0, "nothing kept of the forger");
    // Signed with zoe's own key, zoe is stored.
    peer.deliver(&zoe, &app.url("/inbox"), &follow(&zoe)).await;
    assert_eq!(rows(&app, &format!("actors WHERE ap_id = '{zoe}'")).await, 1);
}

async fn tokens_in_the_query_string_work_only_for_streaming(app: TestApp) {
    app.create_user("ana").await;
    let api = Api::for_user(&app, "ana").await;
    assert_eq!(api.get("/api/v1/accounts/verify_credentials").await.status(), StatusCode::OK);
    let in_query = app
        .client
        .get(app.url(&format!("/api/v1/accounts/verify_credentials?access_token={}", api.token)))
        .send()
        .await
        .expect("answered");
    assert_eq!(in_query.status(), StatusCode::UNAUTHORIZED);
}

fn client(text: &str) -> IpAddr {
    text.parse().expect("address")
}

async fn a_lockout_looks_the_same_for_names_that_do_not_exist(app: TestApp) {
    app.create_user("ana").await;
    let guesser = client("203.0.113.9");
    let mut answers = Vec::new();
    for name in ["ana", "nobody"] {
        let mut for_name = Vec::new();
        for _ in 0..6 {
            let outcome =
                accounts::login_from(&app.ctx, guesser, name, "wrong password", None).await.map(|_| ());
            for_name.push(match outcome {
                Err(ServiceError::BadCredentials) => "wrong",
                Err(ServiceError::LockedOut) => "locked",
                other => panic!("{other:?}"),
            });
        }
        answers.push(for_name);
    }
    assert_eq!(answers[0], ["wrong", "wrong", "wrong", "wrong", "locked", "locked"]);
    assert_eq!(answers[0], answers[1], "an unknown name answers exactly as a known one");
}

async fn nobody_can_lock_another_person_out(app: TestApp) {
    app.create_user("ana").await;
    let guesser = client("2001:db8:bad::1");
    for _ in 0..5 {
        let _ = accounts::login_from(&app.ctx, guesser, "ana", "wrong password", None).await;
    }
    assert!(matches!(
        accounts::login_from(&app.ctx, client("2001:db8:bad::2"), "ana", PASSWORD, None).await,
        Err(ServiceError::LockedOut)
    ));
    accounts::login_from(&app.ctx, client("198.51.100.4"), "ana", PASSWORD, None)
        .await
        .expect("ana, from her own network, signs in while the guesser is locked out");
    // The guesser's own lockout ends, and a second one lasts longer.
    app.clock.advance_seconds(15 * 60 + 1);
    for _ in 0..5 {
        let _ = accounts::login_from(&app.ctx, guesser, "ana", "wrong password", None).await;
    }
    app.clock.advance_seconds(15 * 60 + 1);
    assert!(matches!(
        accounts::login_from(&app.ctx, guesser, "ana", PASSWORD, None).await,
        Err(ServiceError::LockedOut)
    ));
    app.clock.advance_seconds(15 * 60);
    accounts::login_from(&app.ctx, guesser, "ana", PASSWORD, None).await.expect("after twice the time");
}

fn png() -> Vec<u8> {
    let image = image::RgbImage::from_pixel(8, 8, image::Rgb([10, 120, 40]));
    let mut bytes = std::io::Cursor::new(Vec::new());
    image.write_to(&mut bytes, image::ImageFormat::Png).expect("png");
    bytes.into_inner()
}

async fn an_unattached_upload_is_seen_only_by_its_uploader(app: TestApp) {
    app.create_user("ana").await;
    app.create_user("bob").await;
    let ana = Api::for_user(&app, "ana").await;
    let bob = Api::for_user(&app, "bob").await;
    let mut ids = Vec::new();
    let mut paths = Vec::new();
    for _ in 0..2 {
        let form = reqwest::multipart::Form::new().part(
            "file",
            reqwest::multipart::Part::bytes(png()).file_name("a.png").mime_str("image/png").expect("mime"),
        );
        let uploaded: Value = app
            .client
            .post(app.url("/api/v2/media"))
            .bearer_auth(&ana.token)
            .multipart(form)
            .send()
            .await
            .expect("upload")
            .json()
            .await
            .expect("JSON");
        let id: i64 = uploaded["id"].as_str().expect("id").parse().expect("numeric id");
        let url = uploaded["url"].as_str().expect("url");
        let path = url.strip_prefix(app.state.uris.base()).expect("our URL").to_owned();
        assert!(!path.contains(&id.to_string()), "the file is not named after the id: {path}");
        ids.push(id);
        paths.push(path);
    }
    // Two uploads in a row: neither id nor file name leads from one to the other.
    assert!((ids[0] - ids[1]).abs() > 1_000_000, "{ids:?}");
    assert_ne!(&paths[0][..20], &paths[1][..20]);
    let path = &paths[0];
    let id = ids[0];
    assert_eq!(app.get(path).await.status(), StatusCode::NOT_FOUND, "not to anonymous visitors");
    let as_bob = app.client.get(app.url(path)).bearer_auth(&bob.token).send().await.expect("answered");
    assert_eq!(as_bob.status(), StatusCode::NOT_FOUND, "not to other members");
    assert_eq!(bob.get(&format!("/api/v1/media/{id}")).await.status(), StatusCode::NOT_FOUND);
    let as_ana = app.client.get(app.url(path)).bearer_auth(&ana.token).send().await.expect("answered");
    assert_eq!(as_ana.status(), StatusCode::OK, "the uploader sees it");
    assert_eq!(as_ana.headers()["cache-control"], "private, no-store");
    assert_eq!(ana.get(&format!("/api/v1/media/{id}")).await.status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refreshing_a_token_needs_the_client_secret_sqlite() {
    refreshing_a_token_needs_the_client_secret(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refreshing_a_token_needs_the_client_secret_postgres() {
    refreshing_a_token_needs_the_client_secret(Backend::Postgres).await;
}

async fn refreshing_a_token_needs_the_client_secret(backend: Backend) {
    let Some(app) = TestApp::spawn_configured(backend, |config| config.oauth.password_grant = true).await
    else {
        return eprintln!("skipped: ALLMENDE_TEST_POSTGRES_URL is not set");
    };
    app.create_user("ana").await;
    let registered = register_app(&app, "read").await;
    let (status, issued) = password_grant(&app, &registered, "ana", PASSWORD).await;
    assert_eq!(status, StatusCode::OK, "{issued}");
    let refresh_token = issued["refresh_token"].as_str().expect("refresh token").to_owned();
    let refresh = |secret: Option<&str>| {
        let mut form = vec![
            ("grant_type", "refresh_token".to_owned()),
            ("client_id", registered.client_id.clone()),
            ("refresh_token", refresh_token.clone()),
        ];
        if let Some(secret) = secret {
            form.push(("client_secret", secret.to_owned()));
        }
        app.client.post(app.url("/oauth/token")).form(&form).send()
    };
    let without = refresh(None).await.expect("answered");
    assert_eq!(without.status(), StatusCode::UNAUTHORIZED, "no secret, no refresh");
    let with = refresh(Some(&registered.client_secret)).await.expect("answered");
    assert_eq!(with.status(), StatusCode::OK, "the refresh token was not used up by the refused try");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn people_created_from_the_command_line_sign_in_at_once_sqlite() {
    people_created_from_the_command_line_sign_in_at_once(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn people_created_from_the_command_line_sign_in_at_once_postgres() {
    people_created_from_the_command_line_sign_in_at_once(Backend::Postgres).await;
}

/// `allmende user create` (the real binary, its own process and pool) while the server runs,
/// then the password grant at once, again and again: always a token, never `invalid_grant`.
async fn people_created_from_the_command_line_sign_in_at_once(backend: Backend) {
    let Some(app) = TestApp::spawn_configured(backend, |config| config.oauth.password_grant = true).await
    else {
        return eprintln!("skipped: ALLMENDE_TEST_POSTGRES_URL is not set");
    };
    let registered = register_app(&app, "read").await;
    let config = app.state.config.clone();
    for n in 0..6 {
        let name = format!("person{n}");
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_allmende"));
        for (key, _) in std::env::vars() {
            if key.starts_with("ALLMENDE_") {
                command.env_remove(key);
            }
        }
        if !config.database.url.is_empty() {
            command.env("ALLMENDE_DATABASE_URL", &config.database.url);
        }
        let output = command
            .env("ALLMENDE_DATA_DIR", &config.data_dir)
            .env("ALLMENDE_LOG_FILTER", "warn")
            .args(["user", "create", "--username", &name, "--password", PASSWORD])
            .output()
            .expect("the binary runs");
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        let (status, body) = password_grant(&app, &registered, &name, PASSWORD).await;
        assert_eq!(status, StatusCode::OK, "{name}: {body}");
    }
}

//! Signed GETs ("authorized fetch") both ways: our fetches carry the instance actor's signature;
//! with `federation.require_signed_fetch` our ActivityPub JSON needs one (401 unsigned or
//! invalid, 403 blocked), while `/actor`, discovery and HTML stay public; a blocked peer that
//! signs gets 403 even when signatures are not required. Key ids of other shapes than
//! `{actor}#main-key` (GoToSocial's `{actor}/main-key`) are resolved to their owner.

use std::sync::{Arc, Mutex};

use allmende::config::Config;
use allmende::federation::signing::Signer;
use allmende::federation::verify;
use allmende::service::{federated, groups, instance, threads};
use axum::http::{HeaderMap, Uri};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::{TestApp, count_rows};
use crate::groups::{group, thread};
use crate::peer::Peer;

/// Runs each `async fn(TestApp)` on both backends with a configuration of its own.
macro_rules! on_both_backends_configured {
    ($($name:ident => $configure:ident),* $(,)?) => {$(
        mod $name {
            use crate::common::{Backend, TestApp};

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let app = TestApp::spawn_configured(Backend::Sqlite, super::$configure).await.expect("app");
                super::$name(app).await
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                match TestApp::spawn_configured(Backend::Postgres, super::$configure).await {
                    Some(app) => super::$name(app).await,
                    None => eprintln!("skipped: ALLMENDE_TEST_POSTGRES_URL is not set"),
                }
            }
        }
    )*};
}

fn require_signatures(config: &mut Config) {
    config.federation.require_signed_fetch = true;
}

fn defaults(_: &mut Config) {}

/// A group `energy` by ana with one thread; returns the thread's path.
pub(crate) async fn with_thread(app: &TestApp) -> String {
    let ana = app.create_user("ana").await;
    groups::create_group(&app.ctx, ana.id, group("energy", "discussion")).await.expect("group");
    let id = threads::create_thread(&app.ctx, &ana, "energy", thread("Heat pumps")).await.expect("thread");
    format!("/t/{}", id.0)
}

/// The ActivityPub URLs a signature now guards.
fn guarded_paths(thread: &str) -> Vec<String> {
    [
        "/u/ana",
        "/g/energy",
        thread,
        "/g/energy/outbox",
        "/g/energy/followers",
        "/u/ana/followers",
        "/g/energy/moderators",
    ]
    .iter()
    .map(|path| path.to_string())
    .chain([format!("{thread}/context")])
    .collect()
}

async fn unsigned_get(app: &TestApp, path: &str) -> StatusCode {
    reqwest::Client::new()
        .get(app.url(path))
        .header("accept", "application/activity+json")
        .send()
        .await
        .expect("answered")
        .status()
}

/// A GET signed with `key_id` and the private key given.
pub(crate) async fn signed_get(app: &TestApp, path: &str, key_id: &str, private_key: &str) -> StatusCode {
    let client = reqwest::Client::new();
    let request =
        Signer::new().signed_get(&client, &app.url(path), key_id, private_key).await.expect("signed");
    client.execute(request).await.expect("answered").status()
}

pub(crate) async fn set_policy(app: &TestApp, host: &str, policy: &str) {
    let mut conn = app.ctx.db.acquire().await.expect("conn");
    allmende::db::instances::upsert_instance(&mut conn.conn(), app.ctx.new_id(), host, 0)
        .await
        .expect("instance");
    allmende::db::instances::update_instance_policy(&mut conn.conn(), host, policy).await.expect("policy");
}

fn host_of(peer: &Peer) -> String {
    peer.base_url.trim_start_matches("http://").to_owned()
}

pub async fn signatures_are_required_when_configured(app: TestApp) {
    let thread = with_thread(&app).await;
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    let mallory = peer.add_actor("mallory", "Person");
    let zoe_key = format!("{zoe}#main-key");
    for path in guarded_paths(&thread) {
        assert_eq!(unsigned_get(&app, &path).await, StatusCode::UNAUTHORIZED, "unsigned {path}");
        assert_eq!(
            signed_get(&app, &path, &zoe_key, peer.private_key(&zoe)).await,
            StatusCode::OK,
            "signed by zoe: {path}"
        );
        // Signed with mallory's key while claiming zoe's: does not verify.
        assert_eq!(
            signed_get(&app, &path, &zoe_key, peer.private_key(&mallory)).await,
            StatusCode::UNAUTHORIZED,
            "forged: {path}"
        );
    }
    // Not a signature at all, and a signature over the wrong headers.
    let garbage = reqwest::Client::new()
        .get(app.url("/g/energy"))
        .header("accept", "application/activity+json")
        .header("signature", "keyId=\"nonsense")
        .send()
        .await
        .expect("answered");
    assert_eq!(garbage.status(), StatusCode::UNAUTHORIZED);
    // Public whatever the setting: the instance actor (peers need its key), discovery, HTML.
    assert_eq!(unsigned_get(&app, "/actor").await, StatusCode::OK);
    assert_eq!(
        app.get("/.well-known/webfinger?resource=acct:energy@localhost").await.status(),
        StatusCode::OK
    );
    assert_eq!(app.get("/.well-known/nodeinfo").await.status(), StatusCode::OK);
    assert_eq!(app.get("/g/energy").await.status(), StatusCode::OK, "HTML");
    assert_eq!(app.get(&thread).await.status(), StatusCode::OK, "HTML");

    set_policy(&app, &host_of(&peer), "blocked").await;
    let fetches = peer.fetch_count();
    assert_eq!(signed_get(&app, "/g/energy", &zoe_key, peer.private_key(&zoe)).await, StatusCode::FORBIDDEN);
    assert_eq!(peer.fetch_count(), fetches, "nothing is fetched for a blocked peer");
}

pub async fn a_blocked_peer_cannot_read_even_when_signatures_are_optional(app: TestApp) {
    let thread = with_thread(&app).await;
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    let zoe_key = format!("{zoe}#main-key");
    for path in guarded_paths(&thread) {
        assert_eq!(unsigned_get(&app, &path).await, StatusCode::OK, "unsigned {path}");
        assert_eq!(signed_get(&app, &path, &zoe_key, peer.private_key(&zoe)).await, StatusCode::OK, "{path}");
    }
    assert_eq!(peer.fetch_count(), 0, "optional signatures are not checked, so no key is fetched");
    set_policy(&app, &host_of(&peer), "blocked").await;
    for path in guarded_paths(&thread) {
        assert_eq!(
            signed_get(&app, &path, &zoe_key, peer.private_key(&zoe)).await,
            StatusCode::FORBIDDEN,
            "blocked: {path}"
        );
    }
    assert_eq!(unsigned_get(&app, "/actor").await, StatusCode::OK);
}

/// A GoToSocial-shaped account: the actor (`fixtures/gotosocial/person.json`) and the stub its
/// key URL answers with, moved to the peer and given a real key. Returns (actor, key id, private key).
fn publish_gotosocial_actor(peer: &Peer, name: &str) -> (String, String, String) {
    let (public_pem, private_pem) = instance::generate_key_pair().expect("key");
    let load = |file: &str| -> Value {
        let path = format!("{}/tests/fixtures/gotosocial/{file}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path)
            .expect("fixture")
            .replace("https://gts.example", &peer.base_url)
            .replace("/users/birgit", &format!("/users/{name}"));
        let mut value: Value = serde_json::from_str(&text).expect("JSON");
        value["publicKey"]["publicKeyPem"] = json!(public_pem);
        value["preferredUsername"] = json!(name);
        value
    };
    let actor = load("person.json");
    let stub = load("main_key_stub.json");
    let id = actor["id"].as_str().expect("id").to_owned();
    let key_id = actor["publicKey"]["id"].as_str().expect("key id").to_owned();
    assert_eq!(key_id, format!("{id}/main-key"), "GoToSocial's key id shape");
    assert_eq!(stub["id"], actor["id"], "the stub's id is the actor, not the key URL");
    peer.publish(&id, actor);
    peer.publish(&key_id, stub);
    (id, key_id, private_pem)
}

async fn post_signed(app: &TestApp, key_id: &str, private_key: &str, activity: &Value) -> StatusCode {
    let client = reqwest::Client::new();
    let body = serde_json::to_vec(activity).expect("JSON");
    let request = Signer::new()
        .signed_post(&client, &app.url("/inbox"), body, key_id, private_key)
        .await
        .expect("signed");
    client.execute(request).await.expect("answered").status()
}

fn follow(peer: &Peer, actor: &str, n: u32) -> Value {
    json!({"@context": "https://www.w3.org/ns/activitystreams", "id": peer.url(&format!("/follows/{n}")),
           "type": "Follow", "actor": actor, "object": "http://localhost/g/energy"})
}

pub async fn gotosocial_key_ids_are_resolved_to_their_owner(app: TestApp) {
    let thread = with_thread(&app).await;
    let peer = Peer::start().await;
    let (birgit, key_id, private_key) = publish_gotosocial_actor(&peer, "birgit");
    let (other, other_key_id, other_private_key) = publish_gotosocial_actor(&peer, "other");
    assert_eq!(
        post_signed(&app, &key_id, &private_key, &follow(&peer, &birgit, 1)).await,
        StatusCode::ACCEPTED
    );
    let energy = federated::get_local_actor(&app.ctx, "energy").await.expect("group");
    assert_eq!(federated::count_followers(&app.ctx, energy.id).await.expect("count"), 1);
    // A second activity needs no further fetch: the key's owner is known now.
    let fetches = peer.fetch_count();
    let undo = json!({"@context": "https://www.w3.org/ns/activitystreams", "id": peer.url("/undo/1"),
                      "type": "Undo", "actor": birgit, "object": follow(&peer, &birgit, 1)});
    assert_eq!(post_signed(&app, &key_id, &private_key, &undo).await, StatusCode::ACCEPTED);
    assert_eq!(peer.fetch_count(), fetches);
    assert_eq!(federated::count_followers(&app.ctx, energy.id).await.expect("count"), 0);
    // Another account's key cannot speak for birgit, whether its owner is known or not.
    assert_eq!(
        post_signed(&app, &other_key_id, &other_private_key, &follow(&peer, &birgit, 2)).await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        post_signed(&app, &other_key_id, &other_private_key, &follow(&peer, &birgit, 3)).await,
        StatusCode::FORBIDDEN
    );
    // birgit's key id with another key: refused after one re-fetch.
    assert_eq!(
        post_signed(&app, &key_id, &other_private_key, &follow(&peer, &birgit, 4)).await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(count_rows(&app, "follows").await, 0);
    // The same key ids sign fetches when our instance requires signatures.
    assert_eq!(signed_get(&app, &thread, &key_id, &private_key).await, StatusCode::OK);
    assert_eq!(signed_get(&app, &thread, &other_key_id, &other_private_key).await, StatusCode::OK);
    let _ = other;
}

/// A key document of its own whose owner lives on another host is not accepted.
pub async fn keys_owned_on_another_host_are_refused(app: TestApp) {
    with_thread(&app).await;
    let peer = Peer::start().await;
    let elsewhere = Peer::start().await;
    let (birgit, _, private_key) = publish_gotosocial_actor(&elsewhere, "birgit");
    let key_id = peer.url("/keys/1");
    peer.publish(
        &key_id,
        json!({"id": key_id, "type": "CryptographicKey", "controller": birgit,
               "publicKeyPem": "irrelevant"}),
    );
    let mut activity = follow(&peer, &peer.url("/users/birgit"), 1);
    activity["actor"] = json!(peer.url("/users/birgit"));
    let status = post_signed(&app, &key_id, &private_key, &activity).await;
    assert!(status.is_client_error(), "{status}");
    assert_eq!(count_rows(&app, "follows").await, 0);
    assert_eq!(elsewhere.fetch_count(), 0, "the other host was never asked");
}

on_both_backends_configured!(
    signatures_are_required_when_configured => require_signatures,
    a_blocked_peer_cannot_read_even_when_signatures_are_optional => defaults,
    gotosocial_key_ids_are_resolved_to_their_owner => require_signatures,
    keys_owned_on_another_host_are_refused => defaults,
);

/// What a fake peer saw of our fetches.
#[derive(Clone, Default)]
struct Seen(Arc<Mutex<Vec<(Uri, HeaderMap)>>>);

/// Our fetches are signed by the instance actor over `(request-target)`, `host` and `date`,
/// as Mastodon's secure mode requires, and the signature verifies with `/actor`'s key.
pub async fn our_fetches_are_signed_by_the_instance_actor(app: TestApp) {
    let seen = Seen::default();
    let recorder = seen.clone();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("binds");
    let base = format!("http://127.0.0.1:{}", listener.local_addr().expect("address").port());
    let document = json!({"id": format!("{base}/notes/1"), "type": "Note"}).to_string();
    let router = axum::Router::new().fallback(move |uri: Uri, headers: HeaderMap| {
        let recorder = recorder.clone();
        let document = document.clone();
        async move {
            recorder.0.lock().expect("lock").push((uri, headers));
            ([("content-type", "application/activity+json")], document)
        }
    });
    let server = tokio::spawn(async move {
        let _ = axum::serve(listener, router).await;
    });
    let url = url::Url::parse(&format!("{base}/notes/1")).expect("url");
    allmende::federation::resolve::fetch_document(&app.state, &url).await.expect("fetched");
    server.abort();
    let (uri, headers) = seen.0.lock().expect("lock").first().cloned().expect("one request");
    let claim = verify::precheck(&headers, None, app.ctx.now()).expect("a well-formed signature");
    assert_eq!(claim.key_id, "http://localhost/actor#main-key");
    for required in ["(request-target)", "host", "date"] {
        assert!(claim.covered().iter().any(|h| h == required), "{required} is signed: {:?}", claim.covered());
    }
    let actor = federated::get_local_actor(&app.ctx, instance::INSTANCE_ACTOR_NAME).await.expect("actor");
    let host = base.trim_start_matches("http://");
    let received = verify::ReceivedRequest {
        method: &axum::http::Method::GET,
        uri: &uri,
        headers: &headers,
        host,
        scheme: "http",
    };
    let keys = allmende::federation::signatures::PublishedKeys {
        public_key_pem: &actor.public_key_pem,
        multikeys: &[],
    };
    verify::verify_signature(&claim, &received, keys).expect("verifies with the instance actor's key");
}

crate::on_both_backends!(our_fetches_are_signed_by_the_instance_actor);

/// In allowlist mode a peer not (yet) allowed may read while signatures are optional (it can
/// find a group before its follow is refused), but not when they are required.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn allowlist_mode_refuses_signed_reads_only_when_signatures_are_required() {
    for (required, expected) in [(false, StatusCode::OK), (true, StatusCode::FORBIDDEN)] {
        let app = TestApp::spawn_configured(crate::common::Backend::Sqlite, |c| {
            c.federation.allowlist_only = true;
            c.federation.require_signed_fetch = required;
        })
        .await
        .expect("app");
        with_thread(&app).await;
        let mut peer = Peer::start().await;
        let zoe = peer.add_actor("zoe", "Person");
        let status = signed_get(&app, "/g/energy", &format!("{zoe}#main-key"), peer.private_key(&zoe)).await;
        assert_eq!(status, expected, "required: {required}");
        assert_eq!(peer.fetch_count(), 0, "nothing is fetched from a peer not allowed");
    }
}

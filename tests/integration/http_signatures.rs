//! RFC 9421 HTTP message signatures end to end: a peer signing its inbox POSTs and GETs with
//! RFC 9421 (RSA, and ed25519 through a FEP-521a Multikey) is accepted, and requests breaking
//! one rule each are refused with nothing stored; our deliveries and signed fetches
//! "double-knock" against loopback peers that take only one format, and remember what worked.

use std::sync::{Arc, Mutex};

use allmende::config::Config;
use allmende::domain::ActorId;
use allmende::federation::delivery::{Recipient, enqueue_activity};
use allmende::federation::signatures::{SignatureFormat, content_digest, rfc9421};
use allmende::federation::signing::Signer;
use allmende::service::{keys, peer_signatures};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
use base64::Engine;
use rsa::pkcs8::DecodePrivateKey;
use serde_json::{Value, json};

use crate::common::TestApp;
use crate::groups::group;
use crate::on_both_backends;
use crate::peer::Peer;

on_both_backends!(
    an_rfc9421_signed_inbox_post_is_accepted_and_teaches_the_format,
    rfc9421_posts_breaking_a_rule_are_refused_and_nothing_is_stored,
    an_ed25519_multikey_signature_is_accepted,
    deliveries_double_knock_and_remember_the_format,
    signed_fetches_double_knock_and_remember_the_format,
);

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

on_both_backends_configured!(
    rfc9421_signed_gets_pass_authorized_fetch => require_signatures,
    a_peer_that_refuses_rfc9421_gets_cavage_when_rfc9421_comes_first => rfc9421_first,
);

fn require_signatures(config: &mut Config) {
    config.federation.require_signed_fetch = true;
}

fn rfc9421_first(config: &mut Config) {
    config.federation.first_signature_format = SignatureFormat::Rfc9421;
}

fn follow(peer: &Peer, actor: &str, n: u32) -> Value {
    json!({"@context": "https://www.w3.org/ns/activitystreams", "id": peer.url(&format!("/follows/{n}")),
           "type": "Follow", "actor": actor, "object": "http://localhost/g/energy"})
}

async fn with_group(app: &TestApp) {
    let ana = app.create_user("ana").await;
    allmende::service::groups::create_group(&app.ctx, ana.id, group("energy", "discussion"))
        .await
        .expect("group");
}

async fn follower_count(app: &TestApp) -> i64 {
    let (details, _) =
        allmende::service::groups::get_group_page(&app.ctx, "energy", None, None).await.expect("group");
    details.follower_count
}

fn now_seconds(app: &TestApp) -> i64 {
    app.ctx.now().millis() / 1000
}

/// The host and port of a loopback base URL.
fn authority_of(base_url: &str) -> String {
    base_url.trim_start_matches("http://").to_owned()
}

/// How a hand-made RFC 9421 request differs from a correct one.
struct Signing<'a> {
    /// The signature parameters after the label: `("@method" …);created=…;keyid="…"`.
    params: String,
    /// The authority the signature base is built with (the signer's idea of our host).
    authority: String,
    /// The body whose digest is sent (the real body when the same).
    digest_of: Option<&'a [u8]>,
    /// Flip a byte of the signature.
    corrupt: bool,
}

/// Posts `body` to `url` with an RFC 9421 signature made here (rsa-v1_5-sha256 with
/// `private_key_pem`) over exactly the parameters given; returns the status.
async fn post_signed(url: &str, body: &[u8], private_key_pem: &str, signing: Signing<'_>) -> StatusCode {
    let parsed = url::Url::parse(url).expect("url");
    let mut headers = HeaderMap::new();
    headers.insert("content-type", HeaderValue::from_static("application/activity+json"));
    let digest = content_digest::header_value(signing.digest_of.unwrap_or(body));
    headers.insert("content-digest", digest.parse().expect("header"));
    let input = format!("sig1={}", signing.params);
    let parsed_input = rfc9421::parse_signature_input(&input).expect("our test input parses").remove(0);
    let base = rfc9421::signature_base(
        &parsed_input,
        &rfc9421::RequestParts {
            method: "POST",
            scheme: "http",
            authority: &signing.authority,
            path_and_query: parsed.path(),
            headers: &headers,
        },
    )
    .expect("a base");
    let key = rsa::RsaPrivateKey::from_pkcs8_pem(private_key_pem).expect("key");
    use sha2::Digest as _;
    let mut signature = key
        .sign(rsa::Pkcs1v15Sign::new::<sha2::Sha256>(), &sha2::Sha256::digest(base.as_bytes()))
        .expect("signed");
    if signing.corrupt {
        signature[10] ^= 1;
    }
    let encoded = base64::engine::general_purpose::STANDARD.encode(signature);
    headers.insert("signature-input", input.parse().expect("header"));
    headers.insert("signature", format!("sig1=:{encoded}:").parse().expect("header"));
    reqwest::Client::new()
        .post(url)
        .headers(headers)
        .body(body.to_vec())
        .send()
        .await
        .expect("answered")
        .status()
}

async fn an_rfc9421_signed_inbox_post_is_accepted_and_teaches_the_format(app: TestApp) {
    with_group(&app).await;
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    let peer_host = authority_of(&peer.base_url);
    assert_eq!(peer_signatures::known_format(&app.ctx, &peer_host).await.expect("read"), None);
    let body = serde_json::to_vec(&follow(&peer, &zoe, 1)).expect("JSON");
    let request = Signer::new()
        .signed_post_as(
            SignatureFormat::Rfc9421,
            &reqwest::Client::new(),
            &app.url("/g/energy/inbox"),
            body,
            &format!("{zoe}#main-key"),
            peer.private_key(&zoe),
        )
        .await
        .expect("signed");
    assert!(request.headers().contains_key("signature-input"));
    assert!(request.headers().contains_key("content-digest"));
    assert!(!request.headers().contains_key("digest"), "no draft-cavage header in an RFC 9421 request");
    let status = reqwest::Client::new().execute(request).await.expect("answered").status();
    assert_eq!(status, StatusCode::ACCEPTED);
    assert_eq!(follower_count(&app).await, 1);
    assert_eq!(
        peer_signatures::known_format(&app.ctx, &peer_host).await.expect("read"),
        Some(SignatureFormat::Rfc9421),
        "a peer that signs with RFC 9421 gets RFC 9421 from us"
    );
}

async fn rfc9421_posts_breaking_a_rule_are_refused_and_nothing_is_stored(app: TestApp) {
    with_group(&app).await;
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    let key = peer.private_key(&zoe).to_owned();
    let key_id = format!("{zoe}#main-key");
    let inbox = app.url("/g/energy/inbox");
    let ours = authority_of(&app.base_url);
    let now = now_seconds(&app);
    let all = r#"("@method" "@target-uri" "content-type" "content-digest")"#;
    let params =
        |components: &str, extra: &str| format!(r#"{components};created={now};keyid="{key_id}"{extra}"#);
    let correct =
        || Signing { params: params(all, ""), authority: ours.clone(), digest_of: None, corrupt: false };
    let cases: Vec<(&str, Signing<'_>)> = vec![
        ("a wrong digest", Signing { digest_of: Some(b"{}"), ..correct() }),
        (
            "no @method",
            Signing { params: params(r#"("@target-uri" "content-type" "content-digest")"#, ""), ..correct() },
        ),
        (
            "no target",
            Signing { params: params(r#"("@method" "content-type" "content-digest")"#, ""), ..correct() },
        ),
        ("no content-digest", Signing { params: params(r#"("@method" "@target-uri")"#, ""), ..correct() }),
        (
            "expired",
            Signing {
                params: format!(r#"{all};created={};expires={};keyid="{key_id}""#, now - 120, now - 60),
                ..correct()
            },
        ),
        (
            "created in the future",
            Signing { params: format!(r#"{all};created={};keyid="{key_id}""#, now + 7200), ..correct() },
        ),
        (
            "created too long ago",
            Signing { params: format!(r#"{all};created={};keyid="{key_id}""#, now - 7200), ..correct() },
        ),
        ("made for another host", Signing { authority: "other.example".into(), ..correct() }),
        ("a bad signature", Signing { corrupt: true, ..correct() }),
        ("an unsupported algorithm", Signing { params: params(all, r#";alg="hmac-sha256""#), ..correct() }),
    ];
    for (n, (what, signing)) in cases.into_iter().enumerate() {
        let body = serde_json::to_vec(&follow(&peer, &zoe, u32::try_from(n).expect("n"))).expect("JSON");
        assert_eq!(post_signed(&inbox, &body, &key, signing).await, StatusCode::UNAUTHORIZED, "{what}");
    }
    assert_eq!(follower_count(&app).await, 0, "nothing stored for refused requests");
    // The same signer, following every rule, is accepted: the refusals were for the rule broken.
    let body = serde_json::to_vec(&follow(&peer, &zoe, 99)).expect("JSON");
    assert_eq!(post_signed(&inbox, &body, &key, correct()).await, StatusCode::ACCEPTED);
    // `@authority` with `@path` instead of `@target-uri` is accepted too.
    let split = Signing {
        params: params(r#"("@method" "@authority" "@path" "content-digest")"#, r#";alg="rsa-v1_5-sha256""#),
        ..correct()
    };
    let body = serde_json::to_vec(&follow(&peer, &zoe, 100)).expect("JSON");
    assert_eq!(post_signed(&inbox, &body, &key, split).await, StatusCode::ACCEPTED);
    assert_eq!(follower_count(&app).await, 1);
}

async fn an_ed25519_multikey_signature_is_accepted(app: TestApp) {
    with_group(&app).await;
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    let ed_key = ed25519_dalek::SigningKey::from_bytes(&rand::random::<[u8; 32]>());
    let multibase = allmende::federation::signatures::multikey::encode_ed25519(&ed_key.verifying_key());
    let key_id = format!("{zoe}#ed25519-key");
    let mut document = peer.document(&zoe).expect("zoe");
    document["assertionMethod"] = json!([{
        "id": key_id, "type": "Multikey", "controller": zoe, "publicKeyMultibase": multibase,
    }]);
    peer.publish(&zoe, document);
    let inbox = app.url("/g/energy/inbox");
    let sign = |body: &[u8], key: &ed25519_dalek::SigningKey| {
        let mut headers = HeaderMap::new();
        headers.insert("content-type", HeaderValue::from_static("application/activity+json"));
        headers.insert("content-digest", content_digest::header_value(body).parse().expect("header"));
        let (input, signature) = rfc9421::sign_ed25519(
            &rfc9421::components_to_sign(true),
            &key_id,
            now_seconds(&app),
            key,
            &rfc9421::RequestParts {
                method: "POST",
                scheme: "http",
                authority: &authority_of(&app.base_url),
                path_and_query: "/g/energy/inbox",
                headers: &headers,
            },
        )
        .expect("signed");
        headers.insert("signature-input", input.parse().expect("header"));
        headers.insert("signature", signature.parse().expect("header"));
        headers
    };
    let send = |headers: HeaderMap, body: Vec<u8>| {
        let inbox = inbox.clone();
        async move {
            reqwest::Client::new()
                .post(&inbox)
                .headers(headers)
                .body(body)
                .send()
                .await
                .expect("answered")
                .status()
        }
    };
    let other_key = ed25519_dalek::SigningKey::from_bytes(&rand::random::<[u8; 32]>());
    let body = serde_json::to_vec(&follow(&peer, &zoe, 1)).expect("JSON");
    assert_eq!(send(sign(&body, &other_key), body).await, StatusCode::UNAUTHORIZED, "another ed25519 key");
    assert_eq!(follower_count(&app).await, 0);
    let body = serde_json::to_vec(&follow(&peer, &zoe, 2)).expect("JSON");
    assert_eq!(send(sign(&body, &ed_key), body).await, StatusCode::ACCEPTED, "the actor's Multikey");
    assert_eq!(follower_count(&app).await, 1);
    // The key was stored with the actor: a second activity verifies without a fetch.
    let fetches = peer.fetch_count();
    let body = serde_json::to_vec(&json!({"@context": "https://www.w3.org/ns/activitystreams",
        "id": peer.url("/undo/1"), "type": "Undo", "actor": zoe, "object": follow(&peer, &zoe, 2)}))
    .expect("JSON");
    assert_eq!(send(sign(&body, &ed_key), body).await, StatusCode::ACCEPTED);
    assert_eq!(peer.fetch_count(), fetches, "the stored Multikey verified it");
    assert_eq!(follower_count(&app).await, 0);
}

async fn rfc9421_signed_gets_pass_authorized_fetch(app: TestApp) {
    let thread = crate::signed_fetch::with_thread(&app).await;
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    let mallory = peer.add_actor("mallory", "Person");
    let key_id = format!("{zoe}#main-key");
    let get = |key: String, path: String| {
        let url = app.url(&path);
        let key_id = key_id.clone();
        async move {
            let client = reqwest::Client::new();
            let request = Signer::new()
                .signed_get_as(SignatureFormat::Rfc9421, &client, &url, &key_id, &key)
                .await
                .expect("signed");
            client.execute(request).await.expect("answered").status()
        }
    };
    for path in ["/g/energy".to_owned(), thread.clone(), format!("{thread}/context")] {
        assert_eq!(get(peer.private_key(&zoe).to_owned(), path.clone()).await, StatusCode::OK, "{path}");
        assert_eq!(
            get(peer.private_key(&mallory).to_owned(), path.clone()).await,
            StatusCode::UNAUTHORIZED,
            "signed with another key: {path}"
        );
    }
    // A GET whose RFC 9421 signature leaves out @method is refused before any key is fetched.
    let now = now_seconds(&app);
    let client = reqwest::Client::new();
    let status = client
        .get(app.url("/g/energy"))
        .header("accept", "application/activity+json")
        .header("signature-input", format!(r#"sig1=("@target-uri");created={now};keyid="{key_id}""#))
        .header("signature", "sig1=:c2ln:")
        .send()
        .await
        .expect("answered")
        .status();
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let peer_host = authority_of(&peer.base_url);
    assert_eq!(
        peer_signatures::known_format(&app.ctx, &peer_host).await.expect("read"),
        Some(SignatureFormat::Rfc9421)
    );
}

/// A loopback peer that takes only one signature format (or none): requests signed in it are
/// answered (202 for POSTs, a Note for GETs), others get 401. Records the format of each
/// request.
struct OnePeer {
    base_url: String,
    seen: Arc<Mutex<Vec<(Method, SignatureFormat)>>>,
    server: tokio::task::JoinHandle<()>,
}

impl OnePeer {
    async fn start(accepts: Option<SignatureFormat>) -> Self {
        let seen: Arc<Mutex<Vec<(Method, SignatureFormat)>>> = Arc::default();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("binds");
        let base_url = format!("http://{}", listener.local_addr().expect("address"));
        let (record, base) = (seen.clone(), base_url.clone());
        let router = axum::Router::new().fallback(move |request: axum::extract::Request| {
            let (record, base) = (record.clone(), base.clone());
            async move {
                let headers = request.headers();
                let format = if headers.contains_key("signature-input") {
                    SignatureFormat::Rfc9421
                } else {
                    SignatureFormat::Cavage
                };
                let method = request.method().clone();
                let path = request.uri().path().to_owned();
                let well_formed = allmende::federation::verify::precheck(
                    headers,
                    None,
                    allmende::domain::Timestamp::from_millis(
                        i64::try_from(
                            std::time::SystemTime::now()
                                .duration_since(std::time::UNIX_EPOCH)
                                .expect("clock")
                                .as_millis(),
                        )
                        .expect("millis"),
                    ),
                )
                .is_ok_and(|claim| claim.format() == format);
                record.lock().expect("lock").push((method.clone(), format));
                if accepts != Some(format) || !well_formed {
                    return (StatusCode::UNAUTHORIZED, [("content-type", "text/plain")], String::new());
                }
                if method == Method::GET {
                    let note = json!({"@context": "https://www.w3.org/ns/activitystreams",
                        "id": format!("{base}{path}"), "type": "Note", "content": "hello"});
                    return (
                        StatusCode::OK,
                        [("content-type", "application/activity+json")],
                        note.to_string(),
                    );
                }
                (StatusCode::ACCEPTED, [("content-type", "text/plain")], String::new())
            }
        });
        let server = tokio::spawn(async move {
            let _ = axum::serve(listener, router).await;
        });
        Self { base_url, seen, server }
    }

    fn host(&self) -> String {
        authority_of(&self.base_url)
    }

    /// The formats of the requests so far, and forgets them.
    fn take(&self) -> Vec<(Method, SignatureFormat)> {
        std::mem::take(&mut *self.seen.lock().expect("lock"))
    }
}

impl Drop for OnePeer {
    fn drop(&mut self) {
        self.server.abort();
    }
}

/// Queues one activity by ana to `inbox` and runs the worker.
async fn deliver_one(
    app: &TestApp,
    ana: ActorId,
    n: u32,
    inbox: &str,
) -> allmende::federation::delivery::WorkerReport {
    keys::actor_keys(&app.ctx, ana).await.expect("keys");
    let ap_id = format!("http://localhost/activities/{n}");
    let payload =
        json!({"id": ap_id, "type": "Create", "actor": "http://localhost/u/ana", "object": {"n": n}});
    let mut tx = app.ctx.db.begin().await.expect("tx");
    enqueue_activity(
        &app.ctx,
        &mut tx.conn(),
        "localhost",
        ana.0,
        &ap_id,
        &payload,
        [Recipient { inbox: inbox.parse().expect("inbox") }],
    )
    .await
    .expect("enqueued");
    tx.commit().await.expect("commit");
    app.state.delivery.drain().await.expect("drain")
}

async fn deliveries_double_knock_and_remember_the_format(app: TestApp) {
    let ana = app.create_user("ana").await.id;
    let peer = OnePeer::start(Some(SignatureFormat::Rfc9421)).await;
    let inbox = format!("{}/inbox", peer.base_url);
    let report = deliver_one(&app, ana, 1, &inbox).await;
    assert_eq!(report.delivered, 1, "{report:?}");
    assert_eq!(
        peer.take(),
        vec![(Method::POST, SignatureFormat::Cavage), (Method::POST, SignatureFormat::Rfc9421)],
        "draft-cavage first for a peer not known, then RFC 9421 after its 401"
    );
    assert_eq!(
        peer_signatures::known_format(&app.ctx, &peer.host()).await.expect("read"),
        Some(SignatureFormat::Rfc9421),
        "persisted"
    );
    let report = deliver_one(&app, ana, 2, &inbox).await;
    assert_eq!(report.delivered, 1, "{report:?}");
    assert_eq!(peer.take(), vec![(Method::POST, SignatureFormat::Rfc9421)], "straight with what worked");
}

async fn a_peer_that_refuses_rfc9421_gets_cavage_when_rfc9421_comes_first(app: TestApp) {
    let ana = app.create_user("ana").await.id;
    let peer = OnePeer::start(Some(SignatureFormat::Cavage)).await;
    let inbox = format!("{}/inbox", peer.base_url);
    assert_eq!(deliver_one(&app, ana, 1, &inbox).await.delivered, 1);
    assert_eq!(
        peer.take(),
        vec![(Method::POST, SignatureFormat::Rfc9421), (Method::POST, SignatureFormat::Cavage)],
        "federation.first_signature_format = rfc9421 knocks with RFC 9421 first"
    );
    assert_eq!(
        peer_signatures::known_format(&app.ctx, &peer.host()).await.expect("read"),
        Some(SignatureFormat::Cavage)
    );
    assert_eq!(deliver_one(&app, ana, 2, &inbox).await.delivered, 1);
    assert_eq!(peer.take(), vec![(Method::POST, SignatureFormat::Cavage)]);
    // A peer that refuses both formats: asked once in each, retried later, nothing learned.
    let closed = OnePeer::start(None).await;
    let report = deliver_one(&app, ana, 3, &format!("{}/inbox", closed.base_url)).await;
    assert_eq!((report.delivered, report.retried), (0, 1), "a 401 is retried later");
    assert_eq!(
        closed.take(),
        vec![(Method::POST, SignatureFormat::Rfc9421), (Method::POST, SignatureFormat::Cavage)]
    );
    assert_eq!(peer_signatures::known_format(&app.ctx, &closed.host()).await.expect("read"), None);
}

async fn signed_fetches_double_knock_and_remember_the_format(app: TestApp) {
    let peer = OnePeer::start(Some(SignatureFormat::Rfc9421)).await;
    let url = url::Url::parse(&format!("{}/notes/1", peer.base_url)).expect("url");
    let document = allmende::federation::resolve::fetch_document(&app.state, &url).await.expect("fetched");
    assert_eq!(document["id"], url.as_str());
    assert_eq!(
        peer.take(),
        vec![(Method::GET, SignatureFormat::Cavage), (Method::GET, SignatureFormat::Rfc9421)]
    );
    assert_eq!(
        peer_signatures::known_format(&app.ctx, &peer.host()).await.expect("read"),
        Some(SignatureFormat::Rfc9421)
    );
    let url = url::Url::parse(&format!("{}/notes/2", peer.base_url)).expect("url");
    allmende::federation::resolve::fetch_document(&app.state, &url).await.expect("fetched");
    assert_eq!(peer.take(), vec![(Method::GET, SignatureFormat::Rfc9421)], "straight with what worked");
}

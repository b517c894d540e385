//! Behind a reverse proxy: only peers listed in `trusted_proxies` may name the client
//! (`X-Forwarded-For`) and the public host (`X-Forwarded-Host`). A proxied inbox POST or
//! signed GET verifies against the public host; nobody else's forwarded headers count.

use allmende::config::{Config, Networks};
use allmende::federation::signing::Signer;
use reqwest::StatusCode;
use reqwest::header::{HOST, HeaderValue};
use serde_json::json;

use crate::common::{Backend, TestApp};
use crate::groups::group;
use crate::peer::Peer;

/// Like `on_both_backends!`, with a configuration for the app.
macro_rules! configured_on_both_backends {
    ($($name:ident with $configure:ident),* $(,)?) => {$(
        mod $name {
            use crate::common::{Backend, TestApp};

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let app = TestApp::spawn_configured(Backend::Sqlite, super::$configure).await;
                super::$name(app.expect("SQLite app")).await
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

configured_on_both_backends!(
    a_spoofed_forwarded_for_does_not_dodge_the_login_limit with few_attempts,
    a_proxied_inbox_post_verifies_against_the_forwarded_host with behind_loopback_proxy,
    a_proxied_signed_get_verifies_against_the_forwarded_host with behind_loopback_proxy_signed_fetch,
    forwarded_hosts_of_untrusted_peers_are_ignored with untrusted_loopback,
);

const ATTEMPTS: u32 = 3;

fn few_attempts(config: &mut Config) {
    config.auth.attempts_per_minute = ATTEMPTS;
}

fn behind_loopback_proxy(config: &mut Config) {
    config.trusted_proxies = Networks::parse("127.0.0.1, ::1").expect("networks");
}

fn behind_loopback_proxy_signed_fetch(config: &mut Config) {
    behind_loopback_proxy(config);
    config.federation.require_signed_fetch = true;
}

/// A proxy is trusted, but it is not us (we connect from loopback).
fn untrusted_loopback(config: &mut Config) {
    config.trusted_proxies = Networks::parse("10.0.0.0/8").expect("networks");
    config.federation.require_signed_fetch = true;
}

/// Failed sign-ins, each claiming another client address.
async fn failed_logins(app: &TestApp, forwarded_for: impl Fn(u32) -> String) -> Vec<StatusCode> {
    let token = app.csrf_token().await;
    let mut statuses = Vec::new();
    for n in 0..=ATTEMPTS {
        let response = app
            .client
            .post(app.url("/login"))
            .header("x-forwarded-for", forwarded_for(n))
            .form(&[("username", "nobody"), ("password", "whatever1"), ("csrf_token", token.as_str())])
            .send()
            .await
            .expect("answered");
        statuses.push(response.status());
    }
    statuses
}

async fn a_spoofed_forwarded_for_does_not_dodge_the_login_limit(app: TestApp) {
    let statuses = failed_logins(&app, |n| format!("198.51.100.{n}")).await;
    assert!(statuses[..ATTEMPTS as usize].iter().all(|s| *s == StatusCode::UNAUTHORIZED), "{statuses:?}");
    assert_eq!(statuses[ATTEMPTS as usize], StatusCode::TOO_MANY_REQUESTS, "{statuses:?}");
}

/// Behind a trusted proxy that appends the real client, the client's own entries do not help.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_trusted_proxy_cannot_be_used_to_dodge_the_login_limit() {
    let app = TestApp::spawn_configured(Backend::Sqlite, |config| {
        few_attempts(config);
        behind_loopback_proxy(config);
    })
    .await
    .expect("app");
    let statuses = failed_logins(&app, |n| format!("198.51.100.{n}, 203.0.113.7")).await;
    assert_eq!(statuses[ATTEMPTS as usize], StatusCode::TOO_MANY_REQUESTS, "{statuses:?}");
}

async fn with_group(app: &TestApp) {
    let ana = app.create_user("ana").await;
    allmende::service::groups::create_group(&app.ctx, ana.id, group("energy", "discussion"))
        .await
        .expect("group");
}

/// A peer signs for our public URL (`http://localhost/...`); the proxy passes the request on to
/// our listener with its own `Host` and the public one in `X-Forwarded-Host`.
fn as_proxied(app: &TestApp, mut request: reqwest::Request, forwarded_host: &str) -> reqwest::Request {
    let internal = reqwest::Url::parse(&app.base_url).expect("base URL");
    let url = request.url_mut();
    url.set_port(internal.port()).expect("port");
    url.set_host(internal.host_str()).expect("host");
    let host = format!("{}:{}", internal.host_str().unwrap_or_default(), internal.port().unwrap_or(80));
    request.headers_mut().insert(HOST, HeaderValue::from_str(&host).expect("host header"));
    request
        .headers_mut()
        .insert("x-forwarded-host", HeaderValue::from_str(forwarded_host).expect("forwarded host"));
    request.headers_mut().insert("x-forwarded-proto", HeaderValue::from_static("https"));
    request.headers_mut().insert("x-forwarded-for", HeaderValue::from_static("203.0.113.7"));
    request
}

async fn proxied_follow(app: &TestApp, peer: &Peer, actor: &str, forwarded_host: &str) -> StatusCode {
    let follow = json!({"@context": "https://www.w3.org/ns/activitystreams", "id": peer.url("/follows/1"),
                        "type": "Follow", "actor": actor, "object": "http://localhost/g/energy"});
    let client = reqwest::Client::new();
    let request = Signer::new()
        .signed_post(
            &client,
            "http://localhost/g/energy/inbox",
            serde_json::to_vec(&follow).expect("JSON"),
            &format!("{actor}#main-key"),
            peer.private_key(actor),
        )
        .await
        .expect("signed");
    client.execute(as_proxied(app, request, forwarded_host)).await.expect("answered").status()
}

async fn proxied_get(app: &TestApp, peer: &Peer, actor: &str, forwarded_host: &str) -> StatusCode {
    let client = reqwest::Client::new();
    let request = Signer::new()
        .signed_get(
            &client,
            "http://localhost/g/energy",
            &format!("{actor}#main-key"),
            peer.private_key(actor),
        )
        .await
        .expect("signed");
    client.execute(as_proxied(app, request, forwarded_host)).await.expect("answered").status()
}

async fn a_proxied_inbox_post_verifies_against_the_forwarded_host(app: TestApp) {
    with_group(&app).await;
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    assert_eq!(
        proxied_follow(&app, &peer, &zoe, "elsewhere.example").await,
        StatusCode::UNAUTHORIZED,
        "a signature for our host does not verify against another"
    );
    assert_eq!(proxied_follow(&app, &peer, &zoe, "localhost").await, StatusCode::ACCEPTED);
    let (details, _) =
        allmende::service::groups::get_group_page(&app.ctx, "energy", None, None).await.expect("group");
    assert_eq!(details.follower_count, 1);
}

async fn a_proxied_signed_get_verifies_against_the_forwarded_host(app: TestApp) {
    with_group(&app).await;
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    assert_eq!(proxied_get(&app, &peer, &zoe, "elsewhere.example").await, StatusCode::UNAUTHORIZED);
    assert_eq!(proxied_get(&app, &peer, &zoe, "localhost").await, StatusCode::OK);
}

async fn forwarded_hosts_of_untrusted_peers_are_ignored(app: TestApp) {
    with_group(&app).await;
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    assert_eq!(proxied_follow(&app, &peer, &zoe, "localhost").await, StatusCode::UNAUTHORIZED);
    assert_eq!(proxied_get(&app, &peer, &zoe, "localhost").await, StatusCode::UNAUTHORIZED);
    let (details, _) =
        allmende::service::groups::get_group_page(&app.ctx, "energy", None, None).await.expect("group");
    assert_eq!(details.follower_count, 0);
}

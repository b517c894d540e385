//! Slow and hostile peers on loopback, each test bounded in time (the fake servers stop with
//! the test): a client trickling its request is cut off while others are served (checklist 13);
//! a peer that never answers or trickles its answer is abandoned at the fetch deadline, and the
//! inbox request that needed it still ends (32); a 5 MB or endless answer stops at the size
//! cap (33); circular and very deep reply chains stop at the depth cap (35).
//!
//! Slowness is real time here (that is what is tested), but short: the deadlines are set to
//! one or two seconds, and every wait has an outer bound so a regression fails instead of hanging.

use std::time::{Duration, Instant};

use allmende::federation::activities::MAX_DEPTH;
use allmende::federation::http::FetchError;
use allmende::federation::resolve::{self, ResolveError};
use allmende::federation::signing::Signer;
use reqwest::StatusCode;
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use crate::common::{Backend, TestApp, count_rows};
use crate::groups::group;
use crate::on_both_backends;
use crate::peer::Peer;

const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";
/// Longer than any deadline under test: reaching it means the deadline did not work.
const OUTER_BOUND: Duration = Duration::from_secs(15);

/// A loopback server that answers every connection with `answer` (run on its own task, so a
/// trickle never ends until the test drops the server).
struct RawServer {
    base_url: String,
    task: tokio::task::JoinHandle<()>,
}

#[derive(Clone, Copy)]
enum Answer {
    /// Accepts the connection and never writes a byte.
    Silence,
    /// Headers at once, then one byte of body every 100 ms, forever.
    Trickle,
    /// `Content-Length: 5 MiB`, and the bytes.
    FiveMegabytes,
    /// A chunked body that never ends.
    Endless,
}

impl RawServer {
    async fn start(answer: Answer) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("binds");
        let base_url = format!("http://127.0.0.1:{}", listener.local_addr().expect("address").port());
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(answer_with(stream, answer));
            }
        });
        Self { base_url, task }
    }

    fn url(&self, path: &str) -> url::Url {
        url::Url::parse(&format!("{}{path}", self.base_url)).expect("url")
    }
}

impl Drop for RawServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn answer_with(mut stream: TcpStream, answer: Answer) {
    let mut request = [0u8; 4096];
    let _ = stream.read(&mut request).await;
    let head = |extra: &str| {
        format!("HTTP/1.1 200 OK\r\ncontent-type: application/activity+json\r\n{extra}\r\n").into_bytes()
    };
    match answer {
        Answer::Silence => {
            let _ = stream.read(&mut request).await;
            tokio::time::sleep(OUTER_BOUND).await;
        }
        Answer::Trickle => {
            if stream.write_all(&head("transfer-encoding: chunked\r\n")).await.is_err() {
                return;
            }
            while stream.write_all(b"1\r\n \r\n").await.is_ok() {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        }
        Answer::FiveMegabytes => {
            let size = 5 * 1024 * 1024;
            if stream.write_all(&head(&format!("content-length: {size}\r\n"))).await.is_err() {
                return;
            }
            let block = vec![b' '; 64 * 1024];
            for _ in 0..size / block.len() {
                if stream.write_all(&block).await.is_err() {
                    return;
                }
            }
        }
        Answer::Endless => {
            if stream.write_all(&head("transfer-encoding: chunked\r\n")).await.is_err() {
                return;
            }
            let chunk = format!("{:x}\r\n{}\r\n", 64 * 1024, " ".repeat(64 * 1024)).into_bytes();
            while stream.write_all(&chunk).await.is_ok() {}
        }
    }
}

fn short_deadlines(config: &mut allmende::config::Config) {
    config.federation.fetch_timeout_seconds = 1;
    config.limits.header_read_timeout_seconds = 1;
    config.limits.request_timeout_seconds = 2;
}

async fn fetch(app: &TestApp, url: &url::Url) -> (Result<serde_json::Value, ResolveError>, Duration) {
    let started = Instant::now();
    let result = tokio::time::timeout(OUTER_BOUND, resolve::fetch_document(&app.state, url))
        .await
        .expect("the fetch ends by itself");
    (result, started.elapsed())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_peer_that_never_answers_or_trickles_is_abandoned_at_the_deadline() {
    let app = TestApp::spawn_configured(Backend::Sqlite, short_deadlines).await.expect("app");
    for answer in [Answer::Silence, Answer::Trickle] {
        let peer = RawServer::start(answer).await;
        let (result, took) = fetch(&app, &peer.url("/users/slow")).await;
        assert!(
            matches!(result, Err(ResolveError::Fetch(FetchError::Timeout | FetchError::Unreachable(_)))),
            "{result:?}"
        );
        assert!(took < Duration::from_secs(5), "abandoned at the 1 s deadline, not after {took:?}");
    }
}

/// An inbox delivery whose signer's key lives on a peer that trickles: the inbox gives up on the
/// key at the fetch deadline and answers 401 (the sender retries later), well within its own.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_inbox_request_waiting_for_a_trickling_key_still_ends() {
    let app = TestApp::spawn_configured(Backend::Sqlite, short_deadlines).await.expect("app");
    let slow = RawServer::start(Answer::Trickle).await;
    let (_, private_key) = allmende::service::instance::generate_key_pair().expect("key");
    let actor = slow.url("/users/zoe");
    let activity = json!({"id": slow.url("/follows/1"), "type": "Follow", "actor": actor,
                          "object": "http://localhost/u/nobody"});
    let client = reqwest::Client::new();
    let request = Signer::new()
        .signed_post(
            &client,
            &app.url("/inbox"),
            serde_json::to_vec(&activity).expect("JSON"),
            &format!("{actor}#main-key"),
            &private_key,
        )
        .await
        .expect("signed");
    let response = tokio::time::timeout(OUTER_BOUND, client.execute(request))
        .await
        .expect("the inbox answers by itself")
        .expect("answered");
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "the key could not be fetched: retry later");
    assert_eq!(count_rows(&app, "follows").await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn large_answers_stop_at_the_size_cap() {
    let app = TestApp::spawn_configured(Backend::Sqlite, short_deadlines).await.expect("app");
    for answer in [Answer::FiveMegabytes, Answer::Endless] {
        let peer = RawServer::start(answer).await;
        let (result, _) = fetch(&app, &peer.url("/notes/huge")).await;
        // An endless body can only end in TooLarge if reading stopped at the cap.
        assert!(matches!(result, Err(ResolveError::Fetch(FetchError::TooLarge))), "{result:?}");
    }
}

/// A client that sends its request one byte at a time is cut off by the header timeout, and
/// one that trickles a body gets 408; other clients are served meanwhile.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_clients_are_cut_off_and_others_still_served() {
    let app = TestApp::spawn_configured(Backend::Sqlite, short_deadlines).await.expect("app");
    let address = app.base_url.trim_start_matches("http://").to_owned();

    // Headers, one byte every 200 ms: closed by the server, before the headers could end.
    let slow_headers = tokio::spawn({
        let address = address.clone();
        async move {
            let mut stream = TcpStream::connect(&address).await.expect("connects");
            let request = b"GET / HTTP/1.1\r\nhost: localhost\r\nx-slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
            for byte in request {
                if stream.write_all(&[*byte]).await.is_err() {
                    return true;
                }
                let mut buffer = [0u8; 1024];
                if let Ok(read) =
                    tokio::time::timeout(Duration::from_millis(200), stream.read(&mut buffer)).await
                {
                    // The server closed the connection (0 bytes or an error) or answered.
                    return read.map_or(true, |n| n == 0 || buffer[..n].starts_with(b"HTTP/1.1 408"));
                }
            }
            false
        }
    });

    // A body, one byte every 200 ms: 408 once the request timeout passes.
    let slow_body = tokio::spawn({
        let address = address.clone();
        async move {
            let mut stream = TcpStream::connect(&address).await.expect("connects");
            let head = "POST /inbox HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/activity+json\r\n\
                        content-length: 1000\r\n\r\n";
            stream.write_all(head.as_bytes()).await.expect("head");
            let mut buffer = [0u8; 1024];
            for _ in 0..1000 {
                if stream.write_all(b" ").await.is_err() {
                    return String::new();
                }
                if let Ok(read) =
                    tokio::time::timeout(Duration::from_millis(200), stream.read(&mut buffer)).await
                {
                    return read
                        .map(|n| String::from_utf8_lossy(&buffer[..n]).into_owned())
                        .unwrap_or_default();
                }
            }
            String::new()
        }
    });

    // Meanwhile, ordinary requests are answered.
    for _ in 0..3 {
        assert_eq!(app.get("/").await.status(), StatusCode::OK);
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    let cut_off = tokio::time::timeout(OUTER_BOUND, slow_headers).await.expect("bounded").expect("task");
    assert!(cut_off, "a client trickling its headers is disconnected");
    let answer = tokio::time::timeout(OUTER_BOUND, slow_body).await.expect("bounded").expect("task");
    assert!(answer.starts_with("HTTP/1.1 408"), "a trickled body gets 408: {answer:?}");
    assert_eq!(app.get("/").await.status(), StatusCode::OK, "still serving");
}

async fn with_group(app: &TestApp) {
    let ana = app.create_user("ana").await;
    allmende::service::groups::create_group(&app.ctx, ana.id, group("energy", "discussion"))
        .await
        .expect("group");
}

/// Publishes a post by `author` at `/posts/{n}`, replying to `/posts/{parent}` (or, without
/// parent, a thread in our group `energy`).
fn publish_post(peer: &Peer, author: &str, n: usize, parent: Option<usize>) -> String {
    let id = peer.url(&format!("/posts/{n}"));
    let mut post = json!({"id": id, "type": "Note", "attributedTo": author, "content": format!("<p>post {n}</p>"),
        "to": [PUBLIC], "cc": ["http://localhost/g/energy"], "audience": "http://localhost/g/energy"});
    if let Some(parent) = parent {
        post["inReplyTo"] = json!(peer.url(&format!("/posts/{parent}")));
    }
    peer.publish(&id, post);
    id
}

fn create_reply(peer: &Peer, author: &str, n: usize, parent: usize) -> serde_json::Value {
    json!({"@context": "https://www.w3.org/ns/activitystreams", "id": peer.url(&format!("/create/{n}")),
           "type": "Create", "actor": author, "to": [PUBLIC],
           "object": {"id": peer.url(&format!("/posts/{n}")), "type": "Note", "attributedTo": author,
                      "content": "<p>a reply</p>", "inReplyTo": peer.url(&format!("/posts/{parent}")),
                      "to": [PUBLIC], "cc": ["http://localhost/g/energy"]}})
}

/// Fetching unknown ancestors stops at the depth cap, for a chain that loops and for one that
/// is deeper than the cap; a short chain is fetched whole.
pub async fn reply_chains_stop_at_the_depth_cap(app: TestApp) {
    with_group(&app).await;
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    let bound = usize::from(MAX_DEPTH) + 1; // posts fetched at most, plus zoe's actor

    // A short chain reaches a thread in our group: everything is stored.
    publish_post(&peer, &zoe, 3, None);
    publish_post(&peer, &zoe, 2, Some(3));
    publish_post(&peer, &zoe, 1, Some(2));
    assert_eq!(
        peer.deliver(&zoe, &app.url("/inbox"), &create_reply(&peer, &zoe, 0, 1)).await,
        StatusCode::ACCEPTED
    );
    assert_eq!(count_rows(&app, "posts").await, 4, "the reply and its three ancestors");

    // A loop: 11 → 12 → 11 → … never reaches a thread.
    publish_post(&peer, &zoe, 11, Some(12));
    publish_post(&peer, &zoe, 12, Some(11));
    let before = peer.fetch_count();
    assert_eq!(
        peer.deliver(&zoe, &app.url("/inbox"), &create_reply(&peer, &zoe, 10, 11)).await,
        StatusCode::ACCEPTED
    );
    let fetched = peer.fetch_count() - before;
    assert!(fetched <= bound, "{fetched} fetches for a loop");
    assert!(fetched >= 2, "the loop was followed ({fetched} fetches)");

    // 40 ancestors, the last a thread in our group: deeper than the cap, so nothing is kept.
    for n in 101..140 {
        publish_post(&peer, &zoe, n, Some(n + 1));
    }
    publish_post(&peer, &zoe, 140, None);
    let before = peer.fetch_count();
    assert_eq!(
        peer.deliver(&zoe, &app.url("/inbox"), &create_reply(&peer, &zoe, 100, 101)).await,
        StatusCode::ACCEPTED
    );
    let fetched = peer.fetch_count() - before;
    assert!(fetched <= bound, "{fetched} fetches for a chain of 40");
    assert_eq!(count_rows(&app, "posts").await, 4, "nothing from the loop or the deep chain is stored");
}

on_both_backends!(reply_chains_stop_at_the_depth_cap);

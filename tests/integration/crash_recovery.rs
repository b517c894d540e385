//! Crashes of the real server process (`allmende serve`, killed with SIGKILL) while it works,
//! on SQLite and PostgreSQL:
//!
//! - in the middle of a fan-out of a new thread to 50 followers, each on its own loopback
//!   instance whose inbox records what it gets (and takes 200 ms to answer): after the
//!   restart every follower has every activity, exactly once by id (the receiving side
//!   deduplicates by id; the test counts distinct ids and total requests, and reports the
//!   re-sends);
//! - in the middle of a burst of 100 signed incoming activities (likes and replies from those
//!   followers): every activity that was answered 2xx is stored after the restart.
//!
//! The followers are fake instances (this crate can sign as they do); the server is the real
//! binary with `federation.first_retry_seconds = 1` and a 5 s delivery lease, so a delivery a
//! killed worker had claimed is sent again 5 s after the restart.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use allmende::federation::signing::Signer;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;
use serde_json::{Value, json};
use sqlx::Connection;

use crate::common::{Backend, PASSWORD, PostgresDatabase};

const AS: &str = "https://www.w3.org/ns/activitystreams";
const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";
const FOLLOWERS: usize = 50;
const LIMIT: Duration = Duration::from_secs(60);

/// The real binary, as a child process killed with SIGKILL when dropped.
struct Server {
    child: Option<Child>,
    port: u16,
    starts: usize,
    data_dir: tempfile::TempDir,
    database_url: Option<String>,
}

impl Server {
    fn command(&self) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_allmende"));
        for (key, _) in std::env::vars() {
            if key.starts_with("ALLMENDE_") {
                command.env_remove(key);
            }
        }
        command
            .env("ALLMENDE_BIND", "127.0.0.1:0")
            .env("ALLMENDE_DOMAIN", "localhost")
            .env("ALLMENDE_DATA_DIR", self.data_dir.path())
            .env("ALLMENDE_INSECURE_HTTP", "1")
            .env("ALLMENDE_FEDERATION_FIRST_RETRY_SECONDS", "1")
            .env("ALLMENDE_FEDERATION_DELIVERY_LEASE_SECONDS", "5")
            .env("ALLMENDE_FEDERATION_FETCH_TIMEOUT_SECONDS", "4")
            .env("ALLMENDE_LOG_FILTER", "warn")
            .current_dir(self.data_dir.path());
        if let Some(url) = &self.database_url {
            command.env("ALLMENDE_DATABASE_URL", url);
        }
        command
    }

    fn new(database_url: Option<String>) -> Self {
        let data_dir = tempfile::tempdir().expect("a data directory");
        Self { child: None, port: 0, starts: 0, data_dir, database_url }
    }

    fn cli(&self, args: &[&str]) {
        let output = self.command().args(args).output().expect("the binary runs");
        assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    }

    fn log(&self, start: usize) -> PathBuf {
        self.data_dir.path().join(format!("server-{start}.log"))
    }

    /// Starts the server and waits until it said which port it bound and answers there.
    async fn start(&mut self) -> Duration {
        assert!(self.child.is_none());
        self.starts += 1;
        let log = std::fs::File::create(self.log(self.starts)).expect("log file");
        let errors = log.try_clone().expect("log file");
        let started = Instant::now();
        let child = self
            .command()
            .arg("serve")
            .stdin(Stdio::null())
            .stdout(Stdio::from(log))
            .stderr(Stdio::from(errors))
            .spawn()
            .expect("the server starts");
        self.child = Some(child);
        let path = self.log(self.starts);
        self.port = within(LIMIT, "the server to bind", || {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            let rest = text.split("is listening on http://127.0.0.1:").nth(1)?;
            rest.split(' ').next()?.parse().ok()
        })
        .await;
        let client = reqwest::Client::new();
        let health = self.url("/healthz");
        within_async(LIMIT, "the server to answer", || async {
            let response = client.get(&health).send().await.ok()?;
            (response.status() == StatusCode::OK).then_some(())
        })
        .await;
        started.elapsed()
    }

    fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    fn logs(&self) -> String {
        (1..=self.starts)
            .map(|n| std::fs::read_to_string(self.log(n)).unwrap_or_default())
            .collect::<Vec<_>>()
            .join("\n----- restart -----\n")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

async fn within<T>(limit: Duration, what: &str, mut check: impl FnMut() -> Option<T>) -> T {
    let started = Instant::now();
    loop {
        if let Some(value) = check() {
            return value;
        }
        assert!(started.elapsed() < limit, "{what} within {limit:?}");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

async fn within_async<T, F, Fut>(limit: Duration, what: &str, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let started = Instant::now();
    loop {
        if let Some(value) = check().await {
            return value;
        }
        assert!(started.elapsed() < limit, "{what} within {limit:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// One follower on its own loopback instance: serves its actor, records what its inbox gets.
#[derive(Clone)]
struct Follower {
    base: String,
    public_key: String,
    /// Activities received, by type and id, in order.
    received: Arc<Mutex<Vec<(String, String)>>>,
    /// How long the inbox takes to answer, in milliseconds.
    delay: Arc<AtomicU64>,
}

impl Follower {
    async fn start(public_key: &str, delay: Arc<AtomicU64>) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("binds");
        let base = format!("http://127.0.0.1:{}", listener.local_addr().expect("address").port());
        let follower = Follower { base, public_key: public_key.to_owned(), received: Arc::default(), delay };
        let router = axum::Router::new().fallback(follower_serves).with_state(follower.clone());
        tokio::spawn(async move {
            let _ = axum::serve(listener, router).await;
        });
        follower
    }

    fn actor(&self) -> String {
        format!("{}/actor", self.base)
    }

    /// Distinct ids and total requests of what is not an Accept (what the fan-out sent).
    fn activities(&self) -> (BTreeSet<String>, usize) {
        let received = self.received.lock().expect("lock");
        let sent: Vec<&String> =
            received.iter().filter(|(kind, _)| kind != "Accept").map(|(_, id)| id).collect();
        (sent.iter().map(|id| (*id).clone()).collect(), sent.len())
    }

    fn accepted(&self) -> bool {
        self.received.lock().expect("lock").iter().any(|(kind, _)| kind == "Accept")
    }
}

async fn follower_serves(
    State(follower): State<Follower>,
    method: axum::http::Method,
    body: axum::body::Bytes,
) -> Response {
    if method == axum::http::Method::GET {
        let id = follower.actor();
        let document = json!({
            "@context": [AS, "https://w3id.org/security/v1"],
            "id": id, "type": "Person", "preferredUsername": "follower",
            "inbox": format!("{}/inbox", follower.base),
            "publicKey": {"id": format!("{id}#main-key"), "owner": id, "publicKeyPem": follower.public_key},
        });
        return ([(header::CONTENT_TYPE, "application/activity+json")], document.to_string()).into_response();
    }
    tokio::time::sleep(Duration::from_millis(follower.delay.load(Ordering::SeqCst))).await;
    let activity: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let kind = activity["type"].as_str().unwrap_or_default().to_owned();
    let id = activity["id"].as_str().unwrap_or_default().to_owned();
    follower.received.lock().expect("lock").push((kind, id));
    StatusCode::ACCEPTED.into_response()
}

async fn deliver(
    http: &reqwest::Client,
    private_key: &str,
    actor: &str,
    inbox: &str,
    activity: &Value,
) -> Option<u16> {
    let body = serde_json::to_vec(activity).ok()?;
    let request =
        Signer::new().signed_post(http, inbox, body, &format!("{actor}#main-key"), private_key).await.ok()?;
    http.execute(request).await.ok().map(|response| response.status().as_u16())
}

/// Signs in as ana and posts a thread through the web form; returns its path (`/t/ID`).
async fn post_thread(server: &Server, title: &str) -> String {
    let jar = Arc::new(reqwest::cookie::Jar::default());
    let browser = reqwest::Client::builder()
        .cookie_provider(jar.clone())
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    browser.get(server.url("/login")).send().await.expect("login page");
    let base: url::Url = server.url("/").parse().expect("URL");
    let csrf = || {
        use reqwest::cookie::CookieStore;
        let cookies = jar.cookies(&base).expect("cookies");
        let cookies = cookies.to_str().expect("text").to_owned();
        cookies
            .split(';')
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(name, _)| *name == "allmende_csrf")
            .map(|(_, value)| value.to_owned())
            .expect("a CSRF cookie")
    };
    let token = csrf();
    let signed_in = browser
        .post(server.url("/login"))
        .form(&[("username", "ana"), ("password", PASSWORD), ("csrf_token", &token)])
        .send()
        .await
        .expect("signs in");
    assert_eq!(signed_in.status(), StatusCode::SEE_OTHER);
    let token = csrf();
    let posted = browser
        .post(server.url("/g/energy/threads"))
        .form(&[("title", title), ("body", "Who joins?"), ("csrf_token", &token)])
        .send()
        .await
        .expect("posts");
    assert_eq!(posted.status(), StatusCode::SEE_OTHER);
    posted.headers().get(header::LOCATION).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned()
}

/// Ids stored in `column` of `table`, read straight from the database.
async fn stored_ids(backend: Backend, url: &str, table: &str, column: &str) -> BTreeSet<String> {
    let sql = format!("SELECT {column} FROM {table} WHERE {column} IS NOT NULL");
    let ids: Vec<String> = match backend {
        Backend::Sqlite => {
            let mut conn = sqlx::SqliteConnection::connect(url).await.expect("connects");
            sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).fetch_all(&mut conn).await.expect("ids")
        }
        Backend::Postgres => {
            let mut conn = sqlx::PgConnection::connect(url).await.expect("connects");
            sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).fetch_all(&mut conn).await.expect("ids")
        }
    };
    ids.into_iter().collect()
}

/// Whether the server has nothing left to deliver: no domain event waiting to be turned into
/// activities, no delivery pending.
async fn nothing_left_to_send(backend: Backend, url: &str) -> bool {
    let sql = "SELECT (SELECT COUNT(*) FROM deliveries WHERE state = 'pending') \
               + (SELECT COUNT(*) FROM domain_events WHERE processed_at IS NULL)";
    let left: Result<i64, sqlx::Error> = match backend {
        Backend::Sqlite => match sqlx::SqliteConnection::connect(url).await {
            Ok(mut conn) => sqlx::query_scalar(sql).fetch_one(&mut conn).await,
            Err(error) => Err(error),
        },
        Backend::Postgres => match sqlx::PgConnection::connect(url).await {
            Ok(mut conn) => sqlx::query_scalar(sql).fetch_one(&mut conn).await,
            Err(error) => Err(error),
        },
    };
    left.is_ok_and(|left| left == 0)
}

/// An incoming activity's answer, and where it is stored (table, id).
type Answered = (u16, (&'static str, String));

async fn nothing_is_lost_when_the_server_is_killed(backend: Backend) {
    let postgres = match backend {
        Backend::Sqlite => None,
        Backend::Postgres => {
            let Some(admin_url) = std::env::var("ALLMENDE_TEST_POSTGRES_URL").ok().filter(|u| !u.is_empty())
            else {
                return eprintln!("skipped: ALLMENDE_TEST_POSTGRES_URL is not set");
            };
            Some(PostgresDatabase::create(&admin_url).await)
        }
    };
    let mut server = Server::new(postgres.as_ref().map(|database| database.url.clone()));
    let database_url = server
        .database_url
        .clone()
        .unwrap_or_else(|| format!("sqlite://{}", server.data_dir.path().join("allmende.sqlite").display()));
    server.cli(&["user", "create", "--username", "ana", "--password", PASSWORD, "--admin"]);
    server.cli(&["group", "create", "--name", "energy", "--kind", "project", "--title", "Energy"]);
    server.start().await;

    // 50 followers, each on its own instance (one key pair for all: generating keys is slow).
    let (public_key, private_key) = allmende::service::instance::generate_key_pair().expect("keys");
    let delay = Arc::new(AtomicU64::new(0));
    let mut followers = Vec::new();
    for _ in 0..FOLLOWERS {
        followers.push(Follower::start(&public_key, delay.clone()).await);
    }
    let http = reqwest::Client::new();
    let group = "http://localhost/g/energy";
    for (n, follower) in followers.iter().enumerate() {
        let follow = json!({"@context": AS, "id": format!("{}/follows/{n}", follower.base), "type": "Follow",
                            "actor": follower.actor(), "object": group});
        let status =
            deliver(&http, &private_key, &follower.actor(), &server.url("/g/energy/inbox"), &follow).await;
        assert_eq!(status, Some(202), "follow {n}");
    }
    within(LIMIT, "every follower to be accepted", || followers.iter().all(Follower::accepted).then_some(()))
        .await;

    // The fan-out: each inbox takes 200 ms, so the kill comes while it is under way.
    delay.store(200, Ordering::SeqCst);
    let thread = post_thread(&server, "Solar on the town hall").await;
    let reached_at_kill = within(LIMIT, "the fan-out to begin", || {
        let reached = followers.iter().filter(|f| !f.activities().0.is_empty()).count();
        (reached >= 5).then_some(reached)
    })
    .await;
    server.kill();
    let killed = Instant::now();
    assert!(reached_at_kill < FOLLOWERS, "the kill came after the fan-out had ended");
    delay.store(0, Ordering::SeqCst);
    let restart_took = server.start().await;
    // Done when nothing is left to send (every event translated, no delivery pending) and every
    // follower has the same activities: a thread causes more than one, and a follower set that
    // agrees while the next activity is still queued is not the end.
    let (expected, all_done) = within_async(LIMIT, "every follower to get everything", || {
        let (followers, database_url) = (&followers, &database_url);
        async move {
            if !nothing_left_to_send(backend, database_url).await {
                return None;
            }
            let union: BTreeSet<String> = followers.iter().flat_map(|f| f.activities().0).collect();
            let done = !union.is_empty() && followers.iter().all(|f| f.activities().0 == union);
            done.then(|| (union, killed.elapsed()))
        }
    })
    .await;
    // Late re-sends (a claim expiring) would show as duplicates: wait out the lease once more.
    tokio::time::sleep(Duration::from_secs(6)).await;
    let mut totals = BTreeMap::new();
    for (n, follower) in followers.iter().enumerate() {
        let (distinct, total) = follower.activities();
        assert_eq!(distinct, expected, "follower {n}: every activity, none missing, nothing else");
        *totals.entry(total - distinct.len()).or_insert(0) += 1;
    }
    let resent: usize = totals.iter().map(|(extra, count)| extra * count).sum();
    eprintln!(
        "{backend:?}: killed when {reached_at_kill}/{FOLLOWERS} followers had the thread; restart took \
         {restart_took:?}; all {FOLLOWERS} had all {} activities {all_done:?} after the kill; \
         {resent} deliveries were sent twice (deduplicated by id)",
        expected.len()
    );

    // A burst of signed likes and replies from the followers, killed in the middle.
    let thread_id = format!("http://localhost{thread}");
    let mut burst = Vec::new();
    for (n, follower) in followers.iter().enumerate() {
        let like = json!({"@context": AS, "id": format!("{}/likes/{n}", follower.base), "type": "Like",
                          "actor": follower.actor(), "object": thread_id});
        burst.push((follower.actor(), like, ("likes", format!("{}/likes/{n}", follower.base))));
        let note_id = format!("{}/notes/{n}", follower.base);
        let note = json!({"id": note_id, "type": "Note", "attributedTo": follower.actor(),
                          "inReplyTo": thread_id, "to": [PUBLIC], "cc": [group],
                          "content": format!("<p>Reply {n}</p>"), "published": "2026-12-01T10:00:00Z"});
        let create = json!({"@context": AS, "id": format!("{}/creates/{n}", follower.base), "type": "Create",
                            "actor": follower.actor(), "to": [PUBLIC], "cc": [group], "object": note});
        burst.push((follower.actor(), create, ("posts", note_id)));
    }
    let inbox = server.url("/inbox");
    let answered: Arc<Mutex<Vec<Answered>>> = Arc::default();
    let sending = {
        let (answered, http, private_key) = (answered.clone(), http.clone(), private_key.clone());
        tokio::spawn(async move {
            futures_util::stream::iter(burst)
                .for_each_concurrent(16, |(actor, activity, stored_as)| {
                    let (answered, http, private_key, inbox) =
                        (answered.clone(), http.clone(), private_key.clone(), inbox.clone());
                    async move {
                        if let Some(status) = deliver(&http, &private_key, &actor, &inbox, &activity).await {
                            answered.lock().expect("lock").push((status, stored_as));
                        }
                    }
                })
                .await;
        })
    };
    within(LIMIT, "a third of the burst to be answered", || {
        (answered.lock().expect("lock").len() >= 2 * FOLLOWERS / 3).then_some(())
    })
    .await;
    server.kill();
    let _ = sending.await;
    let answered = answered.lock().expect("lock").clone();
    let accepted: Vec<_> = answered.iter().filter(|(status, _)| (200..300).contains(status)).collect();
    assert!(accepted.len() < 2 * FOLLOWERS, "the kill came after the burst had ended");
    server.start().await;
    let likes = stored_ids(backend, &database_url, "likes", "ap_id").await;
    let posts = stored_ids(backend, &database_url, "posts", "ap_id").await;
    for (status, (table, id)) in &accepted {
        let stored = if *table == "likes" { &likes } else { &posts };
        assert!(stored.contains(id), "answered {status} but not stored: {id}\n{}", server.logs());
    }
    let refused: Vec<_> = answered.iter().filter(|(status, _)| !(200..300).contains(status)).collect();
    assert!(refused.iter().all(|(status, _)| *status >= 500 || *status == 429), "{refused:?}");
    eprintln!(
        "{backend:?}: burst of {} killed after {} answers ({} accepted): all accepted ones stored",
        2 * FOLLOWERS,
        answered.len(),
        accepted.len()
    );
    server.kill();
    drop(postgres);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nothing_is_lost_when_the_server_is_killed_sqlite() {
    nothing_is_lost_when_the_server_is_killed(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nothing_is_lost_when_the_server_is_killed_postgres() {
    nothing_is_lost_when_the_server_is_killed(Backend::Postgres).await;
}

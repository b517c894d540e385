//! Database faults while the server runs: the database locked by another connection for a
//! while, its disk full (SQLite), the database server unreachable (PostgreSQL, through a TCP
//! proxy the test cuts and restores). Requests fail with a clear 503 and `Retry-After` (no
//! 500, no panic), nothing half-written is left (a thread is one transaction), and the server
//! recovers by itself once the fault ends. Each test prints how long recovery took.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use allmende::db::Conn;
use reqwest::StatusCode;
use sqlx::Connection;
use tokio::net::TcpListener;

use crate::common::{Backend, TestApp, count_rows, location};
use crate::on_both_backends;

/// Longer than the database's own wait for a lock (10 s): a request still waiting then has hung.
const OUTER_BOUND: Duration = Duration::from_secs(40);

async fn with_group(app: &TestApp) {
    app.signed_in_user("ana").await;
    let response = app
        .post_form(
            "/groups",
            &[("name", "energy"), ("kind", "project"), ("title", "Energy"), ("description", "Roofs")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
}

async fn post_thread(app: &TestApp, title: &str, body: &str) -> reqwest::Response {
    tokio::time::timeout(OUTER_BOUND, app.post_form("/g/energy/threads", &[("title", title), ("body", body)]))
        .await
        .expect("the request ends")
}

/// A refusal because of the fault: 503 with `Retry-After`, the page says so.
async fn assert_unavailable(response: reqwest::Response, what: &str) {
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE, "{what}");
    assert!(response.headers().contains_key(reqwest::header::RETRY_AFTER), "{what}: Retry-After");
}

/// Posts the thread until it is accepted (the fault has ended), returning how long that took.
async fn post_until_accepted(app: &TestApp, title: &str) -> Duration {
    let started = Instant::now();
    loop {
        let response = post_thread(app, title, "After the fault").await;
        if response.status() == StatusCode::SEE_OTHER {
            assert!(location(&response).starts_with("/t/"), "{}", location(&response));
            return started.elapsed();
        }
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE, "only 503 while recovering");
        assert!(started.elapsed() < OUTER_BOUND, "no recovery within {OUTER_BOUND:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The thread with this title is on the group page exactly `count` times.
async fn thread_listed(app: &TestApp, title: &str, count: usize) {
    let (status, page) = app.get_html("/g/energy").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(page.matches(title).count(), count, "{title} in {page}");
}

/// Another connection holds the write lock (SQLite: `BEGIN EXCLUSIVE`; PostgreSQL: `LOCK
/// TABLE posts IN EXCLUSIVE MODE`, which lets reads through, like SQLite's WAL). A new thread
/// waits for the lock (10 s) and is then refused with 503; pages still read; once the lock is
/// released the same request succeeds, and the refused one left nothing.
pub async fn a_locked_database_is_a_503_until_the_lock_ends(app: TestApp) {
    with_group(&app).await;
    let posts = count_rows(&app, "posts").await;
    let events = count_rows(&app, "domain_events").await;
    let url = app.state.config.database_url();
    let locker = match app.backend {
        Backend::Sqlite => {
            let mut conn = sqlx::SqliteConnection::connect(&url).await.expect("a second connection");
            sqlx::query("BEGIN EXCLUSIVE").execute(&mut conn).await.expect("exclusive lock");
            Locker::Sqlite(conn)
        }
        Backend::Postgres => {
            let mut conn = sqlx::PgConnection::connect(&url).await.expect("a second connection");
            sqlx::query("BEGIN").execute(&mut conn).await.expect("begin");
            sqlx::query("LOCK TABLE posts IN EXCLUSIVE MODE").execute(&mut conn).await.expect("lock");
            Locker::Postgres(conn)
        }
    };
    let started = Instant::now();
    assert_unavailable(post_thread(&app, "Posted while locked", "Locked").await, "a write while locked")
        .await;
    let waited = started.elapsed();
    let (status, _) = app.get_html("/g/energy").await;
    assert_eq!(status, StatusCode::OK, "reads go on while a writer holds the lock");
    assert_eq!(count_rows(&app, "posts").await, posts, "the refused thread left no row");
    assert_eq!(count_rows(&app, "domain_events").await, events, "nor an event to federate");
    locker.release().await;
    let recovered = post_until_accepted(&app, "Posted after the lock").await;
    eprintln!(
        "{:?}: locked write refused after {waited:?}; accepted {recovered:?} after the lock ended",
        app.backend
    );
    assert!(recovered < Duration::from_secs(2), "recovery took {recovered:?}");
    thread_listed(&app, "Posted while locked", 0).await;
    thread_listed(&app, "Posted after the lock", 1).await;
    assert_eq!(count_rows(&app, "posts").await, posts + 1);
}

enum Locker {
    Sqlite(sqlx::SqliteConnection),
    Postgres(sqlx::PgConnection),
}

impl Locker {
    async fn release(self) {
        match self {
            Locker::Sqlite(mut conn) => sqlx::query("ROLLBACK").execute(&mut conn).await.map(drop),
            Locker::Postgres(mut conn) => sqlx::query("ROLLBACK").execute(&mut conn).await.map(drop),
        }
        .expect("release the lock");
    }
}

on_both_backends!(a_locked_database_is_a_503_until_the_lock_ends);

/// Sets SQLite's page limit on every connection of the app's pool (it is per connection):
/// `None` holds the database at its present size, so a write that needs a new page fails with
/// `SQLITE_FULL`, as on a full disk; `Some(n)` lifts it again.
async fn limit_pages(app: &TestApp, pages: Option<i64>) {
    let size = app.state.config.database.max_connections;
    let mut held = Vec::new();
    for _ in 0..size {
        held.push(app.ctx.db.acquire().await.expect("a pooled connection"));
    }
    for conn in &mut held {
        let Conn::Sqlite(conn) = conn.conn() else { panic!("SQLite only") };
        let limit = match pages {
            Some(limit) => limit,
            None => {
                sqlx::query_scalar::<_, i64>("PRAGMA page_count").fetch_one(&mut *conn).await.expect("size")
            }
        };
        sqlx::query(sqlx::AssertSqlSafe(format!("PRAGMA max_page_count = {limit}")))
            .execute(&mut *conn)
            .await
            .expect("page limit");
    }
}

/// The disk is full (SQLite's page limit reached: `SQLITE_FULL`, the error a full disk gives):
/// a new thread is refused with 503 and leaves nothing (neither post nor event); reading goes
/// on; once there is room again, the same thread is accepted.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_a_full_disk_is_a_503_and_nothing_is_half_written() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    with_group(&app).await;
    let posts = count_rows(&app, "posts").await;
    let events = count_rows(&app, "domain_events").await;
    limit_pages(&app, None).await;
    // Larger than a page, so it needs new ones.
    let body = "Sun on every roof of the town. ".repeat(600);
    assert_unavailable(post_thread(&app, "Posted on a full disk", &body).await, "a write on a full disk")
        .await;
    let (status, _) = app.get_html("/g/energy").await;
    assert_eq!(status, StatusCode::OK, "reading needs no room");
    assert_eq!(count_rows(&app, "posts").await, posts);
    assert_eq!(count_rows(&app, "domain_events").await, events);
    limit_pages(&app, Some(1_073_741_823)).await;
    let started = Instant::now();
    let response = post_thread(&app, "Posted once there was room", &body).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    eprintln!("SQLite: accepted {:?} after room was made", started.elapsed());
    thread_listed(&app, "Posted on a full disk", 0).await;
    thread_listed(&app, "Posted once there was room", 1).await;
    assert_eq!(count_rows(&app, "posts").await, posts + 1);
}

/// A TCP proxy to PostgreSQL that the test can cut (every open connection closed, new ones
/// closed at once, as when the database host goes away) and restore.
struct Proxy {
    port: u16,
    up: Arc<AtomicBool>,
    connections: Arc<std::sync::Mutex<Vec<tokio::task::JoinHandle<()>>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Proxy {
    async fn start(target: String) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("binds");
        let port = listener.local_addr().expect("address").port();
        let up = Arc::new(AtomicBool::new(true));
        let connections = Arc::new(std::sync::Mutex::new(Vec::new()));
        let (accepting, open) = (up.clone(), connections.clone());
        let task = tokio::spawn(async move {
            while let Ok((mut client, _)) = listener.accept().await {
                if !accepting.load(Ordering::SeqCst) {
                    drop(client);
                    continue;
                }
                let target = target.clone();
                let forward = tokio::spawn(async move {
                    if let Ok(mut server) = tokio::net::TcpStream::connect(target).await {
                        let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                    }
                });
                open.lock().expect("connections").push(forward);
            }
        });
        Self { port, up, connections, task }
    }

    fn cut(&self) {
        self.up.store(false, Ordering::SeqCst);
        for connection in self.connections.lock().expect("connections").drain(..) {
            connection.abort();
        }
    }

    fn restore(&self) {
        self.up.store(true, Ordering::SeqCst);
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.cut();
        self.task.abort();
    }
}

/// The database server becomes unreachable (the connection to it is cut, new ones are closed
/// at once): pages and writes are refused with 503 after the pool's wait, not 500; once it is
/// reachable again, the server reconnects by itself.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_an_unreachable_database_is_a_503_and_the_server_reconnects() {
    let Some(admin_url) = std::env::var("ALLMENDE_TEST_POSTGRES_URL").ok().filter(|u| !u.is_empty()) else {
        return eprintln!("skipped: ALLMENDE_TEST_POSTGRES_URL is not set");
    };
    let admin = url::Url::parse(&admin_url).expect("a URL");
    let target = format!("{}:{}", admin.host_str().unwrap_or("127.0.0.1"), admin.port().unwrap_or(5432));
    let proxy = Proxy::start(target).await;
    let port = proxy.port;
    let app = TestApp::spawn_postgres_with(|config| {
        let mut url = url::Url::parse(&config.database.url).expect("a URL");
        url.set_host(Some("127.0.0.1")).expect("host");
        url.set_port(Some(port)).expect("port");
        config.database.url = url.to_string();
    })
    .await
    .expect("PostgreSQL is configured");
    with_group(&app).await;
    let posts = count_rows(&app, "posts").await;

    proxy.cut();
    let started = Instant::now();
    let page = tokio::time::timeout(OUTER_BOUND, app.get("/g/energy")).await.expect("the request ends");
    assert_unavailable(page, "a page while the database is unreachable").await;
    assert_unavailable(post_thread(&app, "Posted while unreachable", "Cut").await, "a write while cut").await;
    let refused_after = started.elapsed();

    proxy.restore();
    let recovered = post_until_accepted(&app, "Posted once reachable").await;
    eprintln!(
        "PostgreSQL: refused with 503 within {refused_after:?} while cut; accepted {recovered:?} after it was reachable"
    );
    assert!(recovered < Duration::from_secs(5), "reconnecting took {recovered:?}");
    thread_listed(&app, "Posted while unreachable", 0).await;
    thread_listed(&app, "Posted once reachable", 1).await;
    assert_eq!(count_rows(&app, "posts").await, posts + 1);
}

/// A PostgreSQL tablespace on a tiny file system of its own (a tmpfs this test mounts), which
/// the test can fill to the last byte and empty again: a real full disk under the database's
/// data files. Dropped after the app (and its database), it drops the tablespace and unmounts.
struct TinyTablespace {
    admin_url: String,
    name: String,
    dir: std::path::PathBuf,
    filler: std::path::PathBuf,
}

impl TinyTablespace {
    /// `None` (with the reason) where this machine cannot do it: not root, no `mount`, or
    /// PostgreSQL not on this machine.
    async fn create(admin_url: &str) -> Result<Self, String> {
        let host = url::Url::parse(admin_url).map_err(|e| e.to_string())?.host_str().unwrap_or("").to_owned();
        if !matches!(host.as_str(), "127.0.0.1" | "localhost" | "::1" | "[::1]") {
            return Err(format!("PostgreSQL runs on {host}, not on this machine"));
        }
        let name = format!("allmende_full_{}", std::process::id());
        let dir = std::env::temp_dir().join(&name);
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        let run = |program: &str, args: &[&str]| -> Result<(), String> {
            let status = std::process::Command::new(program)
                .args(args)
                .status()
                .map_err(|e| format!("{program}: {e}"))?;
            status.success().then_some(()).ok_or(format!("{program} {args:?} failed: {status}"))
        };
        let path = dir.to_str().ok_or("a UTF-8 temporary directory")?.to_owned();
        run("mount", &["-t", "tmpfs", "-o", "size=4m", "tmpfs", &path])?;
        let space = Self { admin_url: admin_url.to_owned(), name, filler: dir.join("filler"), dir };
        let data = space.dir.join("data");
        std::fs::create_dir(&data).map_err(|e| e.to_string())?;
        run("chown", &["postgres:postgres", data.to_str().unwrap_or_default()])?;
        space.admin(&format!("CREATE TABLESPACE {} LOCATION '{}'", space.name, data.display())).await;
        Ok(space)
    }

    async fn admin(&self, statement: &str) {
        let mut admin = sqlx::PgConnection::connect(&self.admin_url).await.expect("PostgreSQL");
        sqlx::query(sqlx::AssertSqlSafe(statement.to_owned())).execute(&mut admin).await.expect(statement);
    }

    /// Fills the file system to the last byte.
    fn fill(&self) {
        use std::io::Write;
        let mut file = std::fs::File::create(&self.filler).expect("filler file");
        let block = vec![0x5a_u8; 64 * 1024];
        let mut size = block.len();
        while size > 0 {
            match file.write_all(&block[..size]) {
                Ok(()) => {}
                Err(_) => size /= 2,
            }
        }
        let _ = file.sync_all();
    }

    /// Makes room again.
    fn empty(&self) {
        std::fs::remove_file(&self.filler).expect("filler removed");
    }
}

impl Drop for TinyTablespace {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.filler);
        let (admin_url, statement) =
            (self.admin_url.clone(), format!("DROP TABLESPACE IF EXISTS {}", self.name));
        let _ = std::thread::spawn(move || {
            let Ok(runtime) = tokio::runtime::Builder::new_current_thread().enable_all().build() else {
                return;
            };
            runtime.block_on(async move {
                if let Ok(mut admin) = sqlx::PgConnection::connect(&admin_url).await {
                    let _ = sqlx::query(sqlx::AssertSqlSafe(statement)).execute(&mut admin).await;
                }
            });
        })
        .join();
        let _ = std::process::Command::new("umount").arg("-l").arg(&self.dir).status();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// PostgreSQL's disk is full (the `posts` table lives on a file system the test has filled:
/// PostgreSQL cannot extend its files, `disk_full`): a new thread is refused with 503 and
/// leaves nothing; reading goes on; once there is room again, the same thread is accepted.
/// It needs root (to mount a tmpfs) and PostgreSQL on this machine; elsewhere it says why it
/// skipped, unless `ALLMENDE_REQUIRE_FAULT_INJECTION` is set (CI), where it fails instead.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_a_full_disk_is_a_503_and_nothing_is_half_written() {
    let Some(admin_url) = std::env::var("ALLMENDE_TEST_POSTGRES_URL").ok().filter(|u| !u.is_empty()) else {
        return eprintln!("skipped: ALLMENDE_TEST_POSTGRES_URL is not set");
    };
    let space = match TinyTablespace::create(&admin_url).await {
        Ok(space) => space,
        Err(why) if std::env::var_os("ALLMENDE_REQUIRE_FAULT_INJECTION").is_none() => {
            return eprintln!("skipped: cannot make a small disk for PostgreSQL here: {why}");
        }
        Err(why) => panic!("ALLMENDE_REQUIRE_FAULT_INJECTION is set but a small disk cannot be made: {why}"),
    };
    let app = TestApp::spawn(Backend::Postgres).await;
    with_group(&app).await;
    {
        let mut conn = app.ctx.db.acquire().await.expect("a pooled connection");
        let Conn::Postgres(conn) = conn.conn() else { panic!("PostgreSQL only") };
        let statement = format!("ALTER TABLE posts SET TABLESPACE {}", space.name);
        sqlx::query(sqlx::AssertSqlSafe(statement)).execute(&mut *conn).await.expect("posts moved");
    }
    let posts = count_rows(&app, "posts").await;
    let events = count_rows(&app, "domain_events").await;
    space.fill();
    // Text that neither compresses nor fits in a page already there: the table must grow.
    let body: String =
        (0..6_000).map(|_| char::from(b"0123456789abcdef"[usize::from(rand::random::<u8>() % 16)])).collect();
    assert_unavailable(post_thread(&app, "Posted on a full disk", &body).await, "a write on a full disk")
        .await;
    let (status, _) = app.get_html("/g/energy").await;
    assert_eq!(status, StatusCode::OK, "reading needs no room");
    assert_eq!(count_rows(&app, "posts").await, posts);
    assert_eq!(count_rows(&app, "domain_events").await, events);
    space.empty();
    let recovered = post_until_accepted(&app, "Posted once there was room").await;
    eprintln!("PostgreSQL: accepted {recovered:?} after room was made");
    thread_listed(&app, "Posted on a full disk", 0).await;
    thread_listed(&app, "Posted once there was room", 1).await;
    assert_eq!(count_rows(&app, "posts").await, posts + 1);
    drop(app);
    drop(space);
}

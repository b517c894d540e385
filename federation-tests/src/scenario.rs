//! Building blocks for multi-instance scenarios: bounded polling, members and groups made from the
//! command line, scraping the server-rendered pages, the admin's federation table, and a
//! [`Node`]: a server that can be killed (SIGKILL) and started again on the same port, data
//! directory and database, which is what fault scenarios need and [`Instance`] does not offer.

use std::ffi::OsString;
use std::fs::{File, OpenOptions};
use std::future::Future;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use tempfile::TempDir;

use crate::binary::allmende_binary;
use crate::browserless::Browserless;
use crate::instance::{Instance, InstanceOptions};
use crate::net::{announced_listening, free_port, poll, probe_status};
use crate::postgres::PostgresDatabase;
use crate::{Backend, WAIT_SECONDS};

/// The password of every account the scenarios create.
pub const PASSWORD: &str = "long enough password";
/// How often the polling helpers look again.
pub const POLL_INTERVAL: Duration = Duration::from_millis(100);
/// `ALLMENDE_FEDERATION_FIRST_RETRY_SECONDS` for senders in fault scenarios: a failed delivery is
/// tried again after 1 s, 2 s, 4 s … instead of 1 min, 2 min, 4 min.
pub const FAST_RETRY_ENV: (&str, &str) = ("ALLMENDE_FEDERATION_FIRST_RETRY_SECONDS", "1");

const STARTUP_LIMIT: Duration = Duration::from_secs(60);
const STARTUP_POLL: Duration = Duration::from_millis(50);
const LOG_TAIL_LINES: usize = 60;

/// Polls `check` until it yields a value, at most `WAIT_SECONDS`.
///
/// # Panics
///
/// When the limit passes; the message names `what`.
pub async fn eventually<T, F, Fut>(what: &str, check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Option<T>>,
{
    eventually_within(Duration::from_secs(WAIT_SECONDS), what, check).await
}

/// Polls `check` every [`POLL_INTERVAL`] until it yields a value, at most `limit`.
///
/// # Panics
///
/// When the limit passes; the message names `what`.
pub async fn eventually_within<T, F, Fut>(limit: Duration, what: &str, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Option<T>>,
{
    let deadline = Instant::now() + limit;
    loop {
        if let Some(value) = check().await {
            return value;
        }
        assert!(Instant::now() < deadline, "timed out after {}s waiting for {what}", limit.as_secs());
        tokio::time::sleep(POLL_INTERVAL).await;
    }
}

/// Waits until the page at `path` answers 200 and contains `needle`; returns the page.
pub async fn page_shows(client: &Browserless, path: &str, needle: &str) -> String {
    eventually(&format!("{} to show {needle:?}", client.url(path)), || async {
        let page = client.get(path).await;
        (page.status == StatusCode::OK && page.body.contains(needle)).then_some(page.body)
    })
    .await
}

/// Waits until the page at `path` answers 200 and no longer contains `needle`; returns the page.
pub async fn page_stops_showing(client: &Browserless, path: &str, needle: &str) -> String {
    eventually(&format!("{} to stop showing {needle:?}", client.url(path)), || async {
        let page = client.get(path).await;
        (page.status == StatusCode::OK && !page.body.contains(needle)).then_some(page.body)
    })
    .await
}

/// Anything the scenarios drive: an [`Instance`] or a restartable [`Node`].
pub trait Server {
    /// `localhost:PORT`, the instance's public host.
    fn domain(&self) -> String;
    /// A fresh cookie-keeping client.
    fn browserless(&self) -> Browserless;
    /// Runs a CLI verb against the instance's configuration and database; panics on failure.
    fn run_cli(&self, args: &[&str]) -> String;
    /// The tails of the server's stdout and stderr, for failure messages.
    fn logs(&self) -> String;
    /// The data directory, which holds the logs.
    fn data_dir(&self) -> &Path;
}

impl Server for Instance {
    fn domain(&self) -> String {
        Instance::domain(self)
    }

    fn browserless(&self) -> Browserless {
        Instance::browserless(self)
    }

    fn run_cli(&self, args: &[&str]) -> String {
        Instance::run_cli(self, args)
    }

    fn logs(&self) -> String {
        Instance::logs(self)
    }

    fn data_dir(&self) -> &Path {
        Instance::data_dir(self)
    }
}

/// Prints the logs of the servers it was given when the test panics while it is alive, so a
/// failed wait shows what every instance did. It keeps no borrow, so the servers may be killed
/// and restarted meanwhile.
#[derive(Debug, Default)]
pub struct LogsOnPanic(Vec<(&'static str, String, PathBuf)>);

impl LogsOnPanic {
    #[must_use]
    pub fn with(mut self, role: &'static str, server: &impl Server) -> Self {
        self.0.push((role, server.domain(), server.data_dir().to_owned()));
        self
    }
}

impl Drop for LogsOnPanic {
    fn drop(&mut self) {
        if std::thread::panicking() {
            for (role, domain, data_dir) in &self.0 {
                eprintln!("===== {role} =====\n{}", log_tails(data_dir, domain));
            }
        }
    }
}

/// Options for `backend` with the instance name and any further variables, or `None` when the
/// backend is not enabled (PostgreSQL without `ALLMENDE_TEST_POSTGRES_URL`).
pub fn options(backend: Backend, name: &str, env: &[(&str, &str)]) -> Option<InstanceOptions> {
    // A delivery that fails by bad luck (a peer busy starting up on a loaded machine) is tried
    // again after seconds, not a minute, so scenarios do not hinge on timing; `env` may override.
    let mut options = backend
        .options()?
        .with_env("ALLMENDE_INSTANCE_NAME", name)
        .with_env("ALLMENDE_FEDERATION_FIRST_RETRY_SECONDS", "2");
    for (key, value) in env {
        options = options.with_env(*key, *value);
    }
    Some(options)
}

/// Creates `name` on `server` from the command line (an admin when `admin`) and signs them in.
pub async fn member(server: &impl Server, name: &str, admin: bool) -> Browserless {
    let mut args = vec!["user", "create", "--username", name, "--password", PASSWORD];
    if admin {
        args.push("--admin");
    }
    server.run_cli(&args);
    let client = server.browserless();
    client.sign_in(name, PASSWORD).await;
    client
}

/// Creates the project group `name` on `server` (owned by its first admin).
pub fn project_group(server: &impl Server, name: &str, title: &str) {
    server.run_cli(&["group", "create", "--name", name, "--kind", "project", "--title", title]);
}

/// Finds `handle` (`@group@host`) through the search and presses "Follow" on its page; returns
/// the group's local path (`/g/group@host`).
///
/// # Panics
///
/// When the search does not lead to the group or the follow form is refused.
pub async fn follow_remote_group(client: &Browserless, handle: &str) -> String {
    let group_path = find_remote_group(client, handle).await;
    client.submit_ok(&group_path, &format!("{group_path}/follow"), &[]).await;
    group_path
}

/// Finds `handle` through the search; returns the group's local path without following it.
pub async fn find_remote_group(client: &Browserless, handle: &str) -> String {
    let found = client.get(&format!("/search?q={handle}")).await;
    let group_path = found.location.unwrap_or_else(|| {
        panic!("search for {handle} answered {} without redirect: {}", found.status, found.body)
    });
    assert_eq!(group_path, format!("/g/{}", handle.trim_start_matches('@')));
    group_path
}

/// Presses "Unfollow" on the group page at `group_path`.
pub async fn unfollow(client: &Browserless, group_path: &str) {
    client.submit_ok(group_path, &format!("{group_path}/unfollow"), &[]).await;
}

/// Starts a thread in the group at `group_path` through the form; returns the thread's path.
pub async fn start_thread(client: &Browserless, group_path: &str, title: &str, body: &str) -> String {
    let page = client
        .submit_ok(
            &format!("{group_path}/threads/new"),
            &format!("{group_path}/threads"),
            &[("title", title), ("body", body)],
        )
        .await;
    page.location.unwrap_or_else(|| panic!("starting {title:?} redirected nowhere"))
}

/// Replies to the thread opener of `thread_path` through the form on the thread page; returns the
/// new reply's post id.
pub async fn reply(client: &Browserless, thread_path: &str, body: &str) -> String {
    let id = thread_id(thread_path);
    let page = client.submit_ok(thread_path, &format!("/p/{id}/reply"), &[("body", body)]).await;
    post_id_containing(&page.body, body)
        .unwrap_or_else(|| panic!("the reply {body:?} is not on the page redirected to:\n{}", page.body))
}

/// The id in `/t/{id}` (or `/t/{id}#p…`).
pub fn thread_id(thread_path: &str) -> &str {
    let id = thread_path.trim_start_matches("/t/");
    id.split(['#', '?']).next().unwrap_or(id)
}

/// The path (`/t/{id}`) of the first thread card in `html` whose link text contains `title`.
pub fn thread_link(html: &str, title: &str) -> Option<String> {
    html.split("href=\"/t/").skip(1).find_map(|rest| {
        let (id, after) = rest.split_once('"')?;
        let text = after.get(1..)?.split("</a>").next()?;
        text.contains(title).then(|| format!("/t/{}", id.split('#').next().unwrap_or(id)))
    })
}

/// How many thread links in `html` have a link text containing `title`.
pub fn thread_link_count(html: &str, title: &str) -> usize {
    html.split("href=\"/t/")
        .skip(1)
        .filter(|rest| {
            rest.split_once('"')
                .and_then(|(_, after)| after.get(1..))
                .and_then(|text| text.split("</a>").next())
                .is_some_and(|text| text.contains(title))
        })
        .count()
}

/// Waits until the group page at `group_path` links a thread titled `title`; returns its path.
pub async fn thread_arrives(client: &Browserless, group_path: &str, title: &str) -> String {
    eventually(&format!("{} to list the thread {title:?}", client.url(group_path)), || async {
        let page = client.get(group_path).await;
        if page.status != StatusCode::OK {
            return None;
        }
        thread_link(&page.body, title)
    })
    .await
}

/// The id of the post (`<article class="post" id="p{id}">`) whose markup contains `text`.
pub fn post_id_containing(html: &str, text: &str) -> Option<String> {
    html.split("<article class=\"post").skip(1).find_map(|article| {
        let article = article.split("</article>").next()?;
        if !article.contains(text) {
            return None;
        }
        let id = article.split_once("id=\"p")?.1.split('"').next()?;
        Some(id.to_owned())
    })
}

/// The text of the first `<h1>` of `html`.
pub fn heading(html: &str) -> Option<&str> {
    html.split_once("<h1>")?.1.split("</h1>").next()
}

/// The follower count a group page shows (`N follower(s)`).
pub fn follower_count(html: &str) -> Option<u64> {
    let at = html.find(" follower")?;
    let before = html.get(..at)?;
    let digits: String =
        before.chars().rev().take_while(char::is_ascii_digit).collect::<Vec<_>>().into_iter().rev().collect();
    digits.parse().ok()
}

/// Waits until the group page at `group_path` shows exactly `count` followers.
pub async fn followers_become(client: &Browserless, group_path: &str, count: u64) -> String {
    eventually(&format!("{} to show {count} followers", client.url(group_path)), || async {
        let page = client.get(group_path).await;
        (page.status == StatusCode::OK && follower_count(&page.body) == Some(count)).then_some(page.body)
    })
    .await
}

/// One peer of the admin's federation health at `/admin/federation.json`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeerRow {
    pub host: String,
    pub policy: String,
    /// Deliveries still queued.
    pub pending: u64,
    pub failed: u64,
    pub delivered: u64,
    pub last_error: String,
}

/// The peers in the federation health JSON `body` (none when it does not parse).
pub fn peer_rows(body: &str) -> Vec<PeerRow> {
    let Ok(json) = serde_json::from_str::<serde_json::Value>(body) else {
        return Vec::new();
    };
    let text = |peer: &serde_json::Value, key: &str| peer[key].as_str().unwrap_or_default().to_owned();
    json["peers"]
        .as_array()
        .map(|peers| {
            peers
                .iter()
                .filter_map(|peer| {
                    Some(PeerRow {
                        host: text(peer, "host"),
                        policy: text(peer, "policy"),
                        pending: peer["pending_deliveries"].as_u64()?,
                        failed: peer["failed_deliveries"].as_u64()?,
                        delivered: peer["delivered_deliveries"].as_u64()?,
                        last_error: text(peer, "last_error"),
                    })
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The admin's view of `host`, if the instance knows it.
pub async fn peer(admin: &Browserless, host: &str) -> Option<PeerRow> {
    let body = admin.get_ok("/admin/federation.json").await;
    peer_rows(&body).into_iter().find(|row| row.host == host)
}

/// Waits until the admin's row for `host` satisfies `condition`; returns it.
pub async fn peer_becomes(
    admin: &Browserless,
    host: &str,
    what: &str,
    condition: impl Fn(&PeerRow) -> bool,
) -> PeerRow {
    let condition = &condition;
    eventually(&format!("{}'s peer {host} to be {what}", admin.url("/admin/federation")), || async move {
        peer(admin, host).await.filter(|row| condition(row))
    })
    .await
}

/// Sets the policy of `host` (`blocked`, `allowed`, `default`) through the admin form.
pub async fn set_peer_policy(admin: &Browserless, host: &str, policy: &str) {
    admin
        .submit_ok("/admin/federation", "/admin/federation/policy", &[("host", host), ("policy", policy)])
        .await;
}

/// A server that can be killed with SIGKILL and started again on the same port, data directory
/// and database: the same instance, as its peers know it, after a crash.
///
/// It is killed (and its data removed) when dropped, like [`Instance`].
#[derive(Debug)]
pub struct Node {
    child: Option<Child>,
    port: u16,
    binary: PathBuf,
    env: Vec<(OsString, OsString)>,
    // Dropped after `Drop::drop` killed the server: first the database, then the directory.
    _postgres: Option<PostgresDatabase>,
    data_dir: TempDir,
}

impl Node {
    /// Starts the real binary on a free port and returns once `/healthz` answers 200.
    ///
    /// # Panics
    ///
    /// When the server does not start; the message includes its log.
    pub fn start(options: InstanceOptions) -> Self {
        let binary = allmende_binary();
        let data_dir = tempfile::Builder::new()
            .prefix("allmende-ft-node-")
            .tempdir()
            .unwrap_or_else(|e| panic!("cannot create a temporary data directory: {e}"));
        let mut attempts = 0;
        loop {
            attempts += 1;
            let port = free_port().unwrap_or_else(|e| panic!("cannot find a free loopback port: {e}"));
            let env = child_env(port, data_dir.path(), &options);
            match launch(&binary, &env, data_dir.path(), port) {
                Ok(child) => {
                    return Self {
                        child: Some(child),
                        port,
                        binary,
                        env,
                        _postgres: options.postgres,
                        data_dir,
                    };
                }
                Err(Launch::PortTaken) if attempts < 3 => {}
                Err(failure) => panic!(
                    "allmende did not start on port {port}: {failure:?}\n{}",
                    log_tails(data_dir.path(), &format!("localhost:{port}"))
                ),
            }
        }
    }

    /// Kills the server with SIGKILL (no graceful shutdown) and reaps it. Its data stays.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
        note(self.data_dir.path(), "killed with SIGKILL");
    }

    /// Starts the server again on the same port with the same data directory and database.
    ///
    /// # Panics
    ///
    /// When it is still running, or does not start again (for instance because another process
    /// took its port meanwhile); the message includes its log.
    pub fn restart(&mut self) {
        assert!(self.child.is_none(), "restart of a running node; kill it first");
        // The port was ours a moment ago; another process may hold it for a short while.
        let deadline = Instant::now() + Duration::from_secs(WAIT_SECONDS);
        loop {
            match launch(&self.binary, &self.env, self.data_dir.path(), self.port) {
                Ok(child) => {
                    self.child = Some(child);
                    return;
                }
                Err(Launch::PortTaken) if Instant::now() < deadline => std::thread::sleep(POLL_INTERVAL),
                Err(failure) => {
                    panic!("allmende did not restart on port {}: {failure:?}\n{}", self.port, self.logs())
                }
            }
        }
    }

    /// Sets (or replaces) an environment variable for the next [`Node::restart`] and CLI verbs,
    /// e.g. to restart with another configuration.
    pub fn set_env(&mut self, key: &str, value: &str) {
        self.env.retain(|(k, _)| k != key);
        self.env.push((key.into(), value.into()));
    }

    pub fn is_running(&self) -> bool {
        self.child.is_some()
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn base_url(&self) -> String {
        format!("http://{}", Server::domain(self))
    }
}

impl Server for Node {
    fn domain(&self) -> String {
        format!("localhost:{}", self.port)
    }

    fn browserless(&self) -> Browserless {
        Browserless::new(self.base_url())
    }

    fn run_cli(&self, args: &[&str]) -> String {
        let output = allmende_command(&self.binary, &self.env, self.data_dir.path())
            .args(args)
            .stdin(Stdio::null())
            .output()
            .unwrap_or_else(|e| panic!("cannot run {}: {e}", self.binary.display()));
        let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
        assert!(
            output.status.success(),
            "`allmende {}` failed ({}):\nstdout:\n{stdout}\nstderr:\n{}",
            args.join(" "),
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
        stdout
    }

    fn logs(&self) -> String {
        log_tails(self.data_dir.path(), &Server::domain(self))
    }

    fn data_dir(&self) -> &Path {
        self.data_dir.path()
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// Why a start attempt failed.
#[derive(Debug)]
enum Launch {
    PortTaken,
    #[allow(dead_code, reason = "shown by Debug in panics")]
    Exited(String),
    Timeout,
    #[allow(dead_code, reason = "shown by Debug in panics")]
    Io(String),
}

/// The binary with exactly the given `ALLMENDE_*` variables (none inherited from the test's
/// environment).
fn allmende_command(binary: &Path, env: &[(OsString, OsString)], data_dir: &Path) -> Command {
    let mut command = Command::new(binary);
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("ALLMENDE_") {
            command.env_remove(key);
        }
    }
    command.envs(env.iter().map(|(k, v)| (k, v))).current_dir(data_dir);
    command
}

fn log_file(data_dir: &Path, name: &str) -> Result<File, Launch> {
    OpenOptions::new()
        .create(true)
        .append(true)
        .open(data_dir.join(name))
        .map_err(|e| Launch::Io(format!("cannot open {name}: {e}")))
}

/// Appends a marker to both logs, so their tails show where a kill or restart happened.
fn note(data_dir: &Path, what: &str) {
    for name in ["server.stdout.log", "server.stderr.log"] {
        if let Ok(mut file) = log_file(data_dir, name) {
            let _ = writeln!(file, "----- test harness: {what} -----");
        }
    }
}

/// Starts `allmende serve` (logs appended to the data directory) and waits for `/healthz`.
fn launch(binary: &Path, env: &[(OsString, OsString)], data_dir: &Path, port: u16) -> Result<Child, Launch> {
    note(data_dir, &format!("start on port {port}"));
    let mut child = allmende_command(binary, env, data_dir)
        .arg("serve")
        .stdin(Stdio::null())
        .stdout(log_file(data_dir, "server.stdout.log")?)
        .stderr(log_file(data_dir, "server.stderr.log")?)
        .spawn()
        .map_err(|e| Launch::Io(format!("cannot spawn: {e}")))?;
    let host = format!("localhost:{port}");
    let outcome = poll(STARTUP_LIMIT, STARTUP_POLL, || match child.try_wait() {
        Ok(Some(status)) => Some(Err(status.to_string())),
        Err(e) => Some(Err(format!("cannot watch the server process: {e}"))),
        // Serving, and our child holds the port: a process that took the port would answer too,
        // so this start of ours must have said that it bound the port (`announced_listening`).
        Ok(None)
            if this_start_listens(data_dir, port) && probe_status(port, &host, "/healthz") == Some(200) =>
        {
            Some(Ok(()))
        }
        Ok(None) => None,
    });
    match outcome {
        Some(Ok(())) => Ok(child),
        Some(Err(status)) => {
            let stderr = std::fs::read_to_string(data_dir.join("server.stderr.log")).unwrap_or_default();
            let this_start = stderr.rsplit("----- test harness: start").next().unwrap_or_default();
            if this_start.contains("cannot listen on") && this_start.contains("in use") {
                Err(Launch::PortTaken)
            } else {
                Err(Launch::Exited(status))
            }
        }
        None => {
            let _ = child.kill();
            let _ = child.wait();
            Err(Launch::Timeout)
        }
    }
}

/// Whether the server's stdout since the last start marker says it bound `port`.
fn this_start_listens(data_dir: &Path, port: u16) -> bool {
    let stdout = std::fs::read_to_string(data_dir.join("server.stdout.log")).unwrap_or_default();
    announced_listening(stdout.rsplit("----- test harness: start").next().unwrap_or_default(), port)
}

fn log_tails(data_dir: &Path, domain: &str) -> String {
    ["server.stdout.log", "server.stderr.log"]
        .iter()
        .map(|name| {
            let text = std::fs::read_to_string(data_dir.join(name)).unwrap_or_default();
            let lines: Vec<&str> = text.lines().collect();
            let tail = lines[lines.len().saturating_sub(LOG_TAIL_LINES)..].join("\n");
            format!("--- {name} of {domain} (last {LOG_TAIL_LINES} lines) ---\n{tail}")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn child_env(port: u16, data_dir: &Path, options: &InstanceOptions) -> Vec<(OsString, OsString)> {
    let mut env: Vec<(OsString, OsString)> = vec![
        ("ALLMENDE_BIND".into(), format!("127.0.0.1:{port}").into()),
        ("ALLMENDE_DOMAIN".into(), format!("localhost:{port}").into()),
        ("ALLMENDE_DATA_DIR".into(), data_dir.into()),
        ("ALLMENDE_INSECURE_HTTP".into(), "1".into()),
    ];
    if let Some(url) = &options.database_url {
        env.push(("ALLMENDE_DATABASE_URL".into(), url.into()));
    }
    env.extend(options.env.iter().map(|(k, v)| (k.into(), v.into())));
    env
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thread_links_are_found_by_title() {
        let html =
            r#"<h3><a href="/t/12">Solar on the town hall</a></h3><h3><a href="/t/34#p5">Wind</a></h3>"#;
        assert_eq!(thread_link(html, "Solar").as_deref(), Some("/t/12"));
        assert_eq!(thread_link(html, "Wind").as_deref(), Some("/t/34"));
        assert_eq!(thread_link(html, "Heat"), None);
        assert_eq!(thread_link_count(html, "o"), 1);
        assert_eq!(thread_id("/t/34#p5"), "34");
    }

    #[test]
    fn posts_and_counts_are_read_from_markup() {
        let html = r#"<p class="meta">12 followers · 3 threads</p>
            <article class="post" id="p7" lang="en"><div class="content"><p>first</p></div></article>
            <article class="post deleted" id="p9" lang="en"><p class="placeholder">[deleted]</p></article>
            <article class="post" id="p11" lang="en"><div class="content"><p>second</p></div></article>"#;
        assert_eq!(post_id_containing(html, "second").as_deref(), Some("11"));
        assert_eq!(post_id_containing(html, "[deleted]").as_deref(), Some("9"));
        assert_eq!(post_id_containing(html, "third"), None);
        assert_eq!(follower_count(html), Some(12));
        assert_eq!(follower_count("<p>1 follower</p>"), Some(1));
        assert_eq!(heading("<h1>Title</h1><h1>x</h1>"), Some("Title"));
    }

    #[test]
    fn the_federation_health_is_parsed() {
        let html = r#"{"generated_at": "now", "peers": [{"host": "localhost:1", "policy": "blocked",
            "state": "blocked", "pending_deliveries": 2, "failed_deliveries": 1, "delivered_deliveries": 5,
            "last_error": "HTTP 403"}, {"host": "broken"}]}"#;
        let rows = peer_rows(html);
        assert_eq!(rows.len(), 1);
        assert_eq!(
            rows[0],
            PeerRow {
                host: "localhost:1".into(),
                policy: "blocked".into(),
                pending: 2,
                failed: 1,
                delivered: 5,
                last_error: "HTTP 403".into(),
            }
        );
    }

    /// As `instance::tests::a_server_on_our_port_that_is_not_ours_is_a_lost_race`, for nodes
    /// (which restart on their port, so the race is the same).
    #[test]
    fn a_node_does_not_take_another_server_on_its_port_for_itself() {
        use std::io::Read;
        let squatter = std::net::TcpListener::bind(("127.0.0.1", 0)).expect("binds");
        let port = squatter.local_addr().expect("address").port();
        std::thread::spawn(move || {
            for mut stream in squatter.incoming().flatten() {
                let mut request = [0u8; 1024];
                let _ = stream.read(&mut request);
                let _ = stream.write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok");
            }
        });
        let data_dir = tempfile::tempdir().expect("a temporary directory");
        let env = child_env(port, data_dir.path(), &InstanceOptions::sqlite());
        match launch(&allmende_binary(), &env, data_dir.path(), port) {
            Err(Launch::PortTaken) => {}
            Err(other) => panic!("expected a lost race for the port, got {other:?}"),
            Ok(mut child) => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("a server that is not ours, answering on our port, counted as ours");
            }
        }
    }
}

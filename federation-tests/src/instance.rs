//! One running `allmende serve` child process with its own port, data directory and database.

use std::ffi::OsString;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

use tempfile::TempDir;

use crate::binary::allmende_binary;
use crate::browserless::Browserless;
use crate::net::{announced_listening, free_port, poll, probe_status};
use crate::postgres::{POSTGRES_URL_VAR, PostgresDatabase};

/// How long a fresh instance may take to migrate its database and answer `/healthz`.
const STARTUP_LIMIT: Duration = Duration::from_secs(60);
const STARTUP_POLL: Duration = Duration::from_millis(50);
/// Another process can take the port between [`free_port`] and the child's bind; try again then.
const PORT_ATTEMPTS: u32 = 3;
/// Lines of each log shown when something fails.
const LOG_TAIL_LINES: usize = 40;

/// How to start an [`Instance`].
#[derive(Debug, Default)]
pub struct InstanceOptions {
    /// `ALLMENDE_DATABASE_URL`; `None` means SQLite in the instance's data directory.
    pub database_url: Option<String>,
    /// Further environment variables for the server and its CLI, e.g.
    /// `("ALLMENDE_REGISTRATION_OPEN", "false")`. Applied last, so they may override the defaults.
    pub env: Vec<(String, String)>,
    /// A database the instance owns: dropped only after the server has been stopped.
    pub postgres: Option<PostgresDatabase>,
}

impl InstanceOptions {
    /// SQLite in the temporary data directory.
    pub fn sqlite() -> Self {
        Self::default()
    }

    /// The given PostgreSQL database, owned (and dropped) by the instance.
    pub fn postgres(database: PostgresDatabase) -> Self {
        Self { database_url: Some(database.url().to_owned()), postgres: Some(database), env: Vec::new() }
    }

    /// Adds one environment variable.
    #[must_use]
    pub fn with_env(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.env.push((key.into(), value.into()));
        self
    }
}

/// The database backends every scenario should pass on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub const ALL: [Backend; 2] = [Backend::Sqlite, Backend::Postgres];

    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }

    /// Options for a fresh database on this backend, or `None` (with a note on stderr) when
    /// PostgreSQL tests are not enabled.
    ///
    /// # Panics
    ///
    /// When `ALLMENDE_TEST_POSTGRES_URL` is set but the server cannot be used.
    pub fn options(self) -> Option<InstanceOptions> {
        match self {
            Backend::Sqlite => Some(InstanceOptions::sqlite()),
            Backend::Postgres => match PostgresDatabase::from_env() {
                Some(database) => Some(InstanceOptions::postgres(database)),
                None => {
                    eprintln!("skipped: {POSTGRES_URL_VAR} not set");
                    None
                }
            },
        }
    }
}

/// A running `allmende serve`, killed when dropped.
#[derive(Debug)]
pub struct Instance {
    child: Child,
    port: u16,
    binary: PathBuf,
    /// The `ALLMENDE_*` environment of the server, reused for CLI verbs.
    env: Vec<(OsString, OsString)>,
    // Dropped after `Drop::drop` killed the server: first the database, then the directory.
    _postgres: Option<PostgresDatabase>,
    data_dir: TempDir,
}

impl Instance {
    /// Starts the real binary and returns once `/healthz` answers 200.
    ///
    /// Blocks the calling thread (up to a minute); from async tests use a multi-threaded runtime.
    ///
    /// # Panics
    ///
    /// When the binary cannot be built or started, or does not serve in time; the message
    /// includes the tail of the server's stdout and stderr.
    pub fn start(options: InstanceOptions) -> Self {
        let binary = allmende_binary();
        let data_dir = tempfile::Builder::new()
            .prefix("allmende-ft-")
            .tempdir()
            .unwrap_or_else(|e| panic!("cannot create a temporary data directory: {e}"));
        let mut attempt = 1;
        loop {
            let port = free_port().unwrap_or_else(|e| panic!("cannot find a free loopback port: {e}"));
            let env = child_env(port, data_dir.path(), &options);
            match launch(&binary, &env, data_dir.path(), port) {
                Ok(child) => {
                    return Self { child, port, binary, env, _postgres: options.postgres, data_dir };
                }
                Err(Failure::PortTaken) if attempt < PORT_ATTEMPTS => attempt += 1,
                Err(failure) => panic!(
                    "allmende ({}) did not start on port {port}: {}\n{}",
                    binary.display(),
                    failure.describe(),
                    log_tails(data_dir.path())
                ),
            }
        }
    }

    /// The port the server listens on (127.0.0.1).
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The instance's public host, `localhost:PORT`: a DNS name as federation expects.
    pub fn domain(&self) -> String {
        format!("localhost:{}", self.port)
    }

    /// `http://localhost:PORT`, without a trailing slash.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.domain())
    }

    /// The absolute URL of `path` (which starts with `/`).
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url())
    }

    pub fn data_dir(&self) -> &Path {
        self.data_dir.path()
    }

    /// The server's process id (e.g. to read its peak memory from `/proc`).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// A fresh cookie-keeping HTTP client for this instance.
    pub fn browserless(&self) -> Browserless {
        Browserless::new(self.base_url())
    }

    /// Runs a CLI verb (e.g. `["user", "create", ...]`) against this instance's configuration and
    /// database, and returns its stdout.
    ///
    /// # Panics
    ///
    /// When the command cannot run or exits unsuccessfully; the message shows its output.
    pub fn run_cli(&self, args: &[&str]) -> String {
        let output = self.try_run_cli(args);
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

    /// Like [`Instance::run_cli`], but hands back the output whatever the exit status, for tests of
    /// refused commands.
    ///
    /// # Panics
    ///
    /// When the binary cannot be executed at all.
    pub fn try_run_cli(&self, args: &[&str]) -> Output {
        allmende_command(&self.binary, &self.env, self.data_dir.path())
            .args(args)
            .stdin(Stdio::null())
            .output()
            .unwrap_or_else(|e| panic!("cannot run {}: {e}", self.binary.display()))
    }

    /// The last lines the server wrote to stdout and stderr, for failure messages.
    pub fn logs(&self) -> String {
        log_tails(self.data_dir.path())
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        // SIGKILL: nothing in a test instance needs a graceful shutdown, and waiting reaps the
        // process so no zombie or open database connection outlives the test.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Why a start attempt failed.
enum Failure {
    PortTaken,
    Exited(String),
    Timeout,
    Io(String),
}

impl Failure {
    fn describe(&self) -> String {
        match self {
            Failure::PortTaken => "the port was taken by another process, repeatedly".into(),
            Failure::Exited(status) => format!("the server exited ({status})"),
            Failure::Timeout => format!("/healthz did not answer 200 within {}s", STARTUP_LIMIT.as_secs()),
            Failure::Io(message) => message.clone(),
        }
    }
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

/// The binary with exactly the given `ALLMENDE_*` variables: inherited ones (say a developer's
/// `ALLMENDE_DATABASE_URL`) would otherwise leak into the configuration under test.
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

fn launch(binary: &Path, env: &[(OsString, OsString)], data_dir: &Path, port: u16) -> Result<Child, Failure> {
    let log = |name: &str| {
        File::create(data_dir.join(name)).map_err(|e| Failure::Io(format!("cannot create {name}: {e}")))
    };
    let mut child = allmende_command(binary, env, data_dir)
        .arg("serve")
        .stdin(Stdio::null())
        .stdout(log("server.stdout.log")?)
        .stderr(log("server.stderr.log")?)
        .spawn()
        .map_err(|e| Failure::Io(format!("cannot spawn: {e}")))?;
    let host = format!("localhost:{port}");
    let outcome = poll(STARTUP_LIMIT, STARTUP_POLL, || match child.try_wait() {
        Ok(Some(status)) => Some(Err(exited(status.to_string(), data_dir))),
        Err(e) => Some(Err(Failure::Io(format!("cannot watch the server process: {e}")))),
        // Serving, and our child holds the port: a different process that grabbed the port would
        // answer too, so our server must have said that it bound the port (see
        // `announced_listening`); should it lose the race, it exits, which try_wait sees.
        Ok(None)
            if announced_listening(
                &std::fs::read_to_string(data_dir.join("server.stdout.log")).unwrap_or_default(),
                port,
            ) && probe_status(port, &host, "/healthz") == Some(200) =>
        {
            Some(Ok(()))
        }
        Ok(None) => None,
    });
    match outcome {
        Some(Ok(())) => Ok(child),
        Some(Err(failure)) => Err(failure),
        None => {
            let _ = child.kill();
            let _ = child.wait();
            Err(Failure::Timeout)
        }
    }
}

/// Tells a lost race for the port (`StartupError::Bind`) from real startup failures.
fn exited(status: String, data_dir: &Path) -> Failure {
    let stderr = std::fs::read_to_string(data_dir.join("server.stderr.log")).unwrap_or_default();
    if stderr.contains("cannot listen on") && stderr.contains("in use") {
        Failure::PortTaken
    } else {
        Failure::Exited(status)
    }
}

fn log_tails(data_dir: &Path) -> String {
    ["server.stdout.log", "server.stderr.log"]
        .iter()
        .map(|name| {
            let text = std::fs::read_to_string(data_dir.join(name)).unwrap_or_default();
            let lines: Vec<&str> = text.lines().collect();
            let tail = lines[lines.len().saturating_sub(LOG_TAIL_LINES)..].join("\n");
            format!("--- {name} (last {LOG_TAIL_LINES} lines) ---\n{tail}")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use std::io::{Read, Write};
    use std::net::{Ipv4Addr, TcpListener};

    use super::*;

    /// Another server took the port first and answers everything with 200, as another test's
    /// instance given the same free port would. Ours must not count as started (before, the
    /// `/healthz` answer of the other server made it so, and requests meant for ours, such as
    /// the password grant of a person just created with the CLI, reached the other one and were
    /// refused with "wrong username or password").
    #[test]
    fn a_server_on_our_port_that_is_not_ours_is_a_lost_race() {
        let squatter = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).expect("binds");
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
            Err(Failure::PortTaken) => {}
            Err(other) => panic!("expected a lost race for the port, got: {}", other.describe()),
            Ok(mut child) => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("a server that is not ours, answering on our port, counted as ours");
            }
        }
    }
}

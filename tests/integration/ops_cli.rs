//! The operator's command line and logs: `allmende config check`, and the JSON and text log
//! lines of a running server carrying each request's id.

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::TcpStream;
use std::process::{Child, Command, Output, Stdio};

use serde_json::Value;

fn allmende_command(data_dir: &std::path::Path, args: &[&str], env: &[(&str, &str)]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_allmende"));
    for (key, _) in std::env::vars() {
        if key.starts_with("ALLMENDE_") {
            command.env_remove(key);
        }
    }
    command.env("ALLMENDE_DATA_DIR", data_dir).env("ALLMENDE_LOG_FILTER", "warn").env_remove("RUST_LOG");
    command.args(args).envs(env.iter().copied());
    command
}

fn allmende(data_dir: &std::path::Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    allmende_command(data_dir, args, env).output().expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn config_check_prints_the_settings_in_force_with_secrets_masked() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("allmende.toml");
    std::fs::write(
        &file,
        "domain = \"forum.example.org\"\n[instance]\nname = \"Klimaforum Borken\"\n\
         [database]\nurl = \"postgres://allmende:db-pass-771@127.0.0.1:1/allmende\"\n\
         [metrics]\ntoken = \"metrics-token-9911\"\n",
    )
    .expect("write");
    let output = allmende(
        dir.path(),
        &["config", "check", "--config", file.to_str().expect("path")],
        &[("ALLMENDE_LOG_FORMAT", "json"), ("ALLMENDE_AUTH_SESSION_DAYS", "7")],
    );
    let stdout = text(&output.stdout);
    assert!(output.status.success(), "{}{stdout}", text(&output.stderr));
    assert!(stdout.contains("The configuration is valid"), "{stdout}");
    for expected in [
        "domain = \"forum.example.org\"",
        "name = \"Klimaforum Borken\"",
        "token = \"***\"",
        "url = \"postgres://allmende:***@127.0.0.1:1/allmende\"",
        "format = \"json\"",
        "session_days = 7",
        "[registration]",
        "mode = \"open\"",
        "# Public URL: https://forum.example.org",
    ] {
        assert!(stdout.contains(expected), "{expected:?} in {stdout}");
    }
    assert!(!stdout.contains("db-pass-771") && !stdout.contains("metrics-token-9911"), "{stdout}");
    assert!(!text(&output.stderr).contains("db-pass-771"));
    // Nothing was opened: the database URL above points nowhere.
    assert!(!dir.path().join("allmende.sqlite").exists());

    let defaults = allmende(dir.path(), &["config", "check"], &[]);
    assert!(defaults.status.success(), "{}", text(&defaults.stderr));
    assert!(text(&defaults.stdout).contains("token = \"\""), "an unset secret shows as empty");
    assert!(text(&defaults.stdout).contains("# Database in use: sqlite://"));
}

#[test]
fn config_check_refuses_unknown_keys_and_bad_values() {
    let dir = tempfile::tempdir().expect("dir");
    let typo = dir.path().join("typo.toml");
    std::fs::write(&typo, "[metrics]\ntokn = \"x\"\n").expect("write");
    let output = allmende(dir.path(), &["config", "check", "--config", typo.to_str().expect("path")], &[]);
    assert_eq!(output.status.code(), Some(2), "{}", text(&output.stderr));
    assert!(text(&output.stderr).contains("tokn"), "{}", text(&output.stderr));
    assert!(output.stdout.is_empty());
    let bad_format = allmende(dir.path(), &["config", "check"], &[("ALLMENDE_LOG_FORMAT", "xml")]);
    assert_eq!(bad_format.status.code(), Some(2));
    assert!(text(&bad_format.stderr).contains("xml"), "{}", text(&bad_format.stderr));
    let unknown_env = allmende(dir.path(), &["config", "check"], &[("ALLMENDE_METRICS_TOKN", "x")]);
    assert_eq!(unknown_env.status.code(), Some(2), "unknown keys from the environment too");
    let missing = allmende(dir.path(), &["config", "check", "--config", "/nonexistent/allmende.toml"], &[]);
    assert!(text(&missing.stderr).contains("does not exist"));
    let help = allmende(dir.path(), &["config", "check", "--help"], &[]);
    assert!(help.status.success() && text(&help.stdout).contains("Usage"));
}

/// A running `allmende serve` on a free port, killed on drop.
struct Server {
    child: Child,
    address: String,
    /// Kept open: the server prints more, and a closed pipe would fail its prints.
    _stdout: BufReader<std::process::ChildStdout>,
}

impl Server {
    fn start(data_dir: &std::path::Path, env: &[(&str, &str)]) -> Self {
        let mut env = env.to_vec();
        env.extend([
            ("ALLMENDE_BIND", "127.0.0.1:0"),
            ("ALLMENDE_INSECURE_HTTP", "1"),
            ("ALLMENDE_DOMAIN", "localhost"),
        ]);
        let mut child = allmende_command(data_dir, &["serve"], &env)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("serve starts");
        let mut first_line = String::new();
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
        stdout.read_line(&mut first_line).expect("a line");
        let address = first_line
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .unwrap_or_else(|| panic!("listening address in {first_line:?}"))
            .to_owned();
        Self { child, address, _stdout: stdout }
    }

    /// A GET with an `X-Request-Id`; the raw answer.
    fn get(&self, path: &str, request_id: &str) -> String {
        let mut stream = TcpStream::connect(&self.address).expect("connect");
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: {request_id}\r\nConnection: close\r\n\r\n"
        )
        .expect("request");
        let mut answer = String::new();
        stream.read_to_string(&mut answer).expect("answer");
        answer
    }

    /// Stops the server and returns what it logged.
    fn stop(mut self) -> String {
        let _ = self.child.kill();
        let mut logged = String::new();
        if let Some(mut stderr) = self.child.stderr.take() {
            let _ = stderr.read_to_string(&mut logged);
        }
        let _ = self.child.wait();
        logged
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

const REQUEST_LOGS: &str = "info,tower_http=debug";

#[test]
fn json_log_lines_carry_the_request_id() {
    let dir = tempfile::tempdir().expect("dir");
    let server =
        Server::start(dir.path(), &[("ALLMENDE_LOG_FORMAT", "json"), ("ALLMENDE_LOG_FILTER", REQUEST_LOGS)]);
    let answer = server.get("/g/nowhere?token=private", "trace-me-4711");
    assert!(answer.to_ascii_lowercase().contains("x-request-id: trace-me-4711"), "{answer}");
    let logged = server.stop();
    let lines: Vec<Value> = logged
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            serde_json::from_str(line).unwrap_or_else(|e| panic!("not one JSON object a line ({e}): {line}"))
        })
        .collect();
    let of_request: Vec<&Value> = lines
        .iter()
        .filter(|line| {
            line["spans"]
                .as_array()
                .is_some_and(|spans| spans.iter().any(|span| span["request_id"] == "trace-me-4711"))
        })
        .collect();
    assert!(!of_request.is_empty(), "lines of the request: {logged}");
    let finished = of_request
        .iter()
        .find(|line| line["fields"]["message"] == "finished processing request")
        .unwrap_or_else(|| panic!("the request's last line: {logged}"));
    assert_eq!(finished["span"]["path"], "/g/nowhere");
    assert_eq!(finished["span"]["query"], "token=***", "the query is logged without credentials");
    assert_eq!(finished["fields"]["status"], 404);
    assert!(!logged.contains("private"), "queries stay out of the logs: {logged}");
}

#[test]
fn text_log_lines_carry_the_request_id() {
    let dir = tempfile::tempdir().expect("dir");
    let server = Server::start(dir.path(), &[("ALLMENDE_LOG_FILTER", REQUEST_LOGS)]);
    let answer = server.get("/healthz", "text-trace-12");
    assert!(answer.ends_with("ok"), "{answer}");
    let logged = server.stop();
    let line = logged
        .lines()
        .find(|line| line.contains("finished processing request"))
        .unwrap_or_else(|| panic!("a request line: {logged}"));
    assert!(line.contains("request_id=text-trace-12"), "{line}");
    assert!(serde_json::from_str::<Value>(line).is_err(), "text, not JSON, by default");
    assert!(!logged.contains('\u{1b}'), "no terminal colours in a log that is not a terminal");
}

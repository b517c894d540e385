//! An independent implementation checks our actors: the `verify_actor` tool of
//! `fediverse-pasture` (PyPI) fetches a person and a group, posts to their inboxes signed and
//! unsigned with actors of its own (some only reachable by signed fetch, some without a
//! `preferredUsername`), and checks that WebFinger leads back to the same actor.

use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use federation_tests::clients::{client_found, command_runs};
use federation_tests::scenario::{LogsOnPanic, member, options, project_group};
use federation_tests::{Backend, Instance, free_port};
use serde_json::Value;

/// The Python that has `fediverse_pasture`, from `ALLMENDE_PASTURE_PYTHON`; None when it is not
/// there and `ALLMENDE_REQUIRE_CLIENTS` is not set (then its absence is a failure).
fn pasture_python() -> Option<String> {
    let python = std::env::var("ALLMENDE_PASTURE_PYTHON").unwrap_or_else(|_| "python3".to_owned());
    let imports = "import fediverse_pasture.verify_actor, fediverse_pasture_inputs";
    let found = command_runs(&python, &["-c", imports]).then(|| python.clone());
    client_found(found, &format!("{python} cannot import fediverse_pasture (set ALLMENDE_PASTURE_PYTHON)"))
}

/// A pasture web service (`python -m MODULE --port PORT ...`) on a loopback port, run in `dir`
/// (where it keeps its keys), stopped when dropped.
struct PastureServer {
    child: Child,
    port: u16,
}

impl PastureServer {
    fn start(python: &str, module: &str, extra: &[&str], dir: &std::path::Path) -> Self {
        let port = free_port().expect("free port");
        let child = Command::new(python)
            .args(["-m", module, "--port", &port.to_string()])
            .args(extra.iter().map(|arg| arg.replace("{port}", &port.to_string())))
            .current_dir(dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|error| panic!("{module} starts: {error}"));
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(started.elapsed() < Duration::from_secs(60), "{module} did not listen on {port}");
            std::thread::sleep(Duration::from_millis(200));
        }
        Self { child, port }
    }
}

impl Drop for PastureServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The `verify_actor` web service.
struct VerifyActor {
    server: PastureServer,
    _dir: tempfile::TempDir,
}

impl VerifyActor {
    fn start(python: &str) -> Self {
        let dir = tempfile::tempdir().expect("temporary directory");
        let extra = ["--domain", "localhost:{port}", "--timeout", "10"];
        let server = PastureServer::start(python, "fediverse_pasture.verify_actor", &extra, dir.path());
        Self { server, _dir: dir }
    }

    /// The verdict on `actor_uri`: per test actor, whether it could fetch the actor and post to
    /// its inbox, and whether WebFinger matched.
    async fn verify(&self, actor_uri: &str) -> Value {
        let response = reqwest::Client::new()
            .get(format!("http://localhost:{}/", self.server.port))
            .query(&[("actor_uri", actor_uri)])
            .header("accept", "application/json")
            .timeout(Duration::from_secs(120))
            .send()
            .await
            .expect("verify_actor answers");
        assert_eq!(response.status().as_u16(), 200, "{actor_uri}");
        let body: Value = response.json().await.expect("JSON verdict");
        body["result"].clone()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fediverse_pasture_verifies_our_actors() {
    let Some(python) = pasture_python() else { return };
    let Some(options) = options(Backend::Sqlite, "Pasture", &[]) else { return };
    let instance = Instance::start(options);
    let _logs = LogsOnPanic::default().with("instance", &instance);
    member(&instance, "ana", true).await;
    project_group(&instance, "energy", "Energy");
    let verifier = VerifyActor::start(&python);

    for actor in [instance.url("/u/ana"), instance.url("/g/energy")] {
        let result = verifier.verify(&actor).await;
        assert_eq!(result["webfinger"], true, "{actor}: WebFinger leads back to the actor: {result}");
        for tester in ["alice", "bob", "claire", "dean", "emily", "frank"] {
            assert_eq!(result[tester]["get_actor"], true, "{actor}: {tester} fetches it: {result}");
        }
        // Signed posts are taken, whether the sender's key needs a signed fetch (claire, frank)
        // or the sender has no preferredUsername (emily, frank); unsigned ones are refused.
        for tester in ["bob", "claire", "emily", "frank"] {
            assert_eq!(result[tester]["post_inbox"], true, "{actor}: {tester} posts: {result}");
        }
        for tester in ["alice", "dean"] {
            assert_eq!(result[tester]["post_inbox"], false, "{actor}: unsigned from {tester}: {result}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_pasture_inputs_become_threads_in_a_group() {
    let Some(python) = pasture_python() else { return };
    let Some(options) = options(Backend::Sqlite, "Pasture", &[]) else { return };
    let instance = Instance::start(options);
    let _logs = LogsOnPanic::default().with("instance", &instance);
    member(&instance, "ana", true).await;
    project_group(&instance, "energy", "Energy");
    let token = federation_tests::oauth::token_for(&instance, "ana").await;
    let dir = tempfile::tempdir().expect("temporary directory");
    // The pasture's one-actor, which sends the inputs; it writes its keys into `dir`.
    let sender = PastureServer::start(&python, "fediverse_pasture.one_actor", &[], dir.path());

    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/pasture/send_inputs.py");
    let output = tokio::process::Command::new(&python)
        .arg(script)
        .args([
            &format!("http://localhost:{}", sender.port),
            &instance.domain(),
            &token,
            &instance.url("/g/energy"),
        ])
        .current_dir(dir.path())
        .kill_on_drop(true)
        .output();
    let output = tokio::time::timeout(Duration::from_secs(600), output)
        .await
        .expect("the inputs are sent within ten minutes")
        .expect("python runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "send_inputs.py failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let results: Vec<Value> =
        stdout.lines().map(|line| serde_json::from_str(line).expect("one JSON line per example")).collect();
    assert!(results.len() > 250, "every family was sent: {} examples", results.len());
    let mut stored = 0;
    for result in &results {
        let (input, example) = (result["input"].as_str().unwrap_or_default(), result["example"].as_u64());
        let http_status = result["http_status"].as_u64().unwrap_or_default();
        let expected =
            NOT_STORED.iter().find(|(name, index, _, _)| *name == input && Some(*index) == example);
        match expected {
            Some((_, _, status, why)) => {
                assert_eq!(http_status, *status, "{input} {example:?}: {why}");
                assert!(result["status"].is_null(), "{input} {example:?} is not stored ({why}): {result}");
            }
            None => {
                assert_eq!(http_status, 202, "{input} {example:?} is taken: {result}");
                let status = &result["status"];
                assert!(status.is_object(), "{input} {example:?} becomes a thread: {result}");
                let content = status["content"].as_str().unwrap_or_default().to_ascii_lowercase();
                for unsafe_markup in ["<script", "javascript:", " onerror=", " onclick=", "<iframe", "<style"]
                {
                    assert!(
                        !content.contains(unsafe_markup),
                        "{input} {example:?} keeps {unsafe_markup}: {content}"
                    );
                }
                stored += 1;
            }
        }
    }
    let status_of = |input: &str, example: u64| {
        results
            .iter()
            .find(|r| r["input"] == input && r["example"] == example)
            .map(|r| r["status"].clone())
            .unwrap_or_default()
    };
    // Content warnings are kept; a bare `sensitive` marks the status.
    assert_eq!(status_of("content_warnings", 1)["spoiler_text"], "summary");
    assert_eq!(status_of("content_warnings", 2)["spoiler_text"], "summary");
    assert_eq!(status_of("content_warnings", 0)["sensitive"], true);
    // A language named only by `contentMap` is taken from it.
    assert_eq!(status_of("language", 5)["language"], "de");
    assert_eq!(status_of("language", 6)["language"], "en");
    // Hashtags become tags, images attachments.
    let tagged = results.iter().filter(|r| {
        r["input"] == "hashtags" && r["status"]["tags"].as_array().is_some_and(|t| !t.is_empty())
    });
    assert!(tagged.count() >= 5, "hashtags are kept as tags");
    let with_images = results.iter().filter(|r| {
        r["input"] == "image_attachments"
            && r["status"]["media_attachments"].as_array().is_some_and(|m| !m.is_empty())
    });
    assert!(with_images.count() >= 10, "images are kept as attachments");
    println!("{stored} of {} pasture examples became threads", results.len());
}

/// The examples that do not become a thread, with the answer the inbox gives and why.
const NOT_STORED: &[(&str, u64, u64, &str)] = &[
    ("attributed_to", 0, 403, "a Note attributed to someone other than the sender"),
    ("attributed_to", 1, 403, "a Note attributed to someone other than the sender"),
    ("attributed_to", 2, 403, "a Note attributed to someone other than the sender"),
    ("attributed_to", 3, 403, "a Note attributed to someone other than the sender"),
    ("attributed_to", 4, 403, "a Note attributed to someone other than the sender"),
    ("in_reply_to", 0, 503, "its parent cannot be fetched yet: the sender should retry"),
    ("in_reply_to", 1, 503, "its parent cannot be fetched yet: the sender should retry"),
    ("in_reply_to", 2, 503, "its parent cannot be fetched yet: the sender should retry"),
    ("in_reply_to", 4, 503, "its parent cannot be fetched yet: the sender should retry"),
    ("in_reply_to", 6, 503, "its parent cannot be fetched yet: the sender should retry"),
    ("necessary_properties", 1, 400, "a Note without id"),
    ("necessary_properties", 3, 400, "a Note without attributedTo"),
    ("necessary_properties", 4, 400, "an object without type"),
    ("object_types", 1, 400, "Audio is not a post type here"),
    ("object_types", 2, 400, "Document is not a post type here"),
    ("object_types", 3, 202, "an Event becomes a group event, not a thread"),
    ("object_types", 4, 400, "Image is not a post type here"),
    ("object_types", 7, 400, "Place is not a post type"),
    ("object_types", 8, 400, "Profile is not a post type"),
    ("object_types", 9, 400, "Relationship is not a post type"),
    ("object_types", 10, 400, "Tombstone is not a post"),
    ("object_types", 11, 400, "Video is not a post type here"),
    ("object_types", 13, 400, "an object without type"),
];

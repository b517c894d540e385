//! An independent implementation checks our actors: the `verify_actor` tool of
//! `fediverse-pasture` (PyPI) fetches a person and a group, posts to their inboxes signed and
//! unsigned with actors of its own (some only reachable by signed fetch, some without a
//! `preferredUsername`), and checks that WebFinger leads back to the same actor.

use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use federation_tests::scenario::{LogsOnPanic, member, options, project_group};
use federation_tests::{Backend, Instance, free_port};
use serde_json::Value;

/// The Python that has `fediverse_pasture`, from `ALLMENDE_PASTURE_PYTHON`; None when it is not
/// there and `ALLMENDE_REQUIRE_CLIENTS` is not set (then its absence is a failure).
fn pasture_python() -> Option<String> {
    let python = std::env::var("ALLMENDE_PASTURE_PYTHON").unwrap_or_else(|_| "python3".to_owned());
    let found = Command::new(&python)
        .args(["-c", "import fediverse_pasture.verify_actor"])
        .output()
        .is_ok_and(|o| o.status.success());
    if found {
        return Some(python);
    }
    assert!(
        std::env::var("ALLMENDE_REQUIRE_CLIENTS").is_err(),
        "ALLMENDE_REQUIRE_CLIENTS is set but {python} cannot import fediverse_pasture"
    );
    eprintln!("skipped: fediverse_pasture is not installed (set ALLMENDE_PASTURE_PYTHON)");
    None
}

/// The `verify_actor` web service on a loopback port, stopped when dropped.
struct VerifyActor {
    child: Child,
    port: u16,
    _dir: tempfile::TempDir,
}

impl VerifyActor {
    fn start(python: &str) -> Self {
        let dir = tempfile::tempdir().expect("temporary directory");
        let port = free_port().expect("free port");
        let child = Command::new(python)
            .args(["-m", "fediverse_pasture.verify_actor", "--port", &port.to_string()])
            .args(["--domain", &format!("localhost:{port}"), "--timeout", "10"])
            .current_dir(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("verify_actor starts");
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(started.elapsed() < Duration::from_secs(60), "verify_actor did not listen on {port}");
            std::thread::sleep(Duration::from_millis(200));
        }
        Self { child, port, _dir: dir }
    }

    /// The verdict on `actor_uri`: per test actor, whether it could fetch the actor and post to
    /// its inbox, and whether WebFinger matched.
    async fn verify(&self, actor_uri: &str) -> Value {
        let response = reqwest::Client::new()
            .get(format!("http://localhost:{}/", self.port))
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

impl Drop for VerifyActor {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
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

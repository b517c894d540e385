//! Our HTTP signatures against an independent implementation: the `http-signature` npm package
//! (draft-cavage), run by `tests/crosscheck/crosscheck.js` with the machine's `node`. It signs,
//! our inbox verifies; we sign, it verifies. Skipped when node or the package is missing
//! (`npm ci --prefix tests/crosscheck` installs it), unless `ALLMENDE_REQUIRE_CLIENTS` is set.

use std::path::PathBuf;
use std::process::Stdio;

use allmende::federation::signing::Signer;
use reqwest::StatusCode;
use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::process::{Child, Command};

use crate::common::TestApp;
use crate::groups::group;
use crate::on_both_backends;
use crate::peer::Peer;

on_both_backends!(requests_signed_by_the_independent_library_pass_our_inbox);

/// The script, when node and the package are there.
fn crosscheck_script() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/crosscheck");
    let node = std::process::Command::new("node").arg("--version").output().is_ok_and(|o| o.status.success());
    let package = dir.join("node_modules/http-signature/package.json").is_file();
    if node && package {
        return Some(dir.join("crosscheck.js"));
    }
    let missing = if node { "the http-signature package" } else { "node" };
    assert!(
        std::env::var("ALLMENDE_REQUIRE_CLIENTS").is_err(),
        "ALLMENDE_REQUIRE_CLIENTS is set but {missing} is missing (npm ci --prefix tests/crosscheck)"
    );
    eprintln!("skipped: {missing} is missing (npm ci --prefix tests/crosscheck)");
    None
}

/// Starts `node crosscheck.js <command>` with `input` on its standard input.
async fn node(script: &PathBuf, command: &str, input: &Value) -> Child {
    let mut child = Command::new("node")
        .arg(script)
        .arg(command)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .kill_on_drop(true)
        .spawn()
        .expect("node starts");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(input.to_string().as_bytes()).await.expect("input written");
    drop(stdin);
    child
}

/// A POST signed by the library and sent by node; the status our server answered.
async fn library_post(
    script: &PathBuf,
    inbox: &str,
    key_id: &str,
    key: &str,
    body: &Value,
    tamper: Value,
) -> u16 {
    let input = json!({"url": inbox, "keyId": key_id, "privateKeyPem": key, "body": body.to_string(),
                       "tamper": tamper});
    let output = node(script, "post", &input).await.wait_with_output().await.expect("node runs");
    assert!(output.status.success(), "node post failed");
    let answer: Value = serde_json::from_slice(&output.stdout).expect("JSON from node");
    answer["status"].as_u64().and_then(|s| u16::try_from(s).ok()).expect("a status")
}

fn follow(peer: &Peer, actor: &str, n: u32) -> Value {
    json!({"@context": "https://www.w3.org/ns/activitystreams", "id": peer.url(&format!("/follows/{n}")),
           "type": "Follow", "actor": actor, "object": "http://localhost/g/energy"})
}

async fn follower_count(app: &TestApp) -> i64 {
    let (details, _) =
        allmende::service::groups::get_group_page(&app.ctx, "energy", None, None).await.expect("group");
    details.follower_count
}

async fn requests_signed_by_the_independent_library_pass_our_inbox(app: TestApp) {
    let Some(script) = crosscheck_script() else { return };
    let ana = app.create_user("ana").await;
    allmende::service::groups::create_group(&app.ctx, ana.id, group("energy", "discussion"))
        .await
        .expect("group");
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    let (key_id, key) = (format!("{zoe}#main-key"), peer.private_key(&zoe).to_owned());
    let inbox = app.url("/g/energy/inbox");
    for tamper in ["body", "date"] {
        let status =
            library_post(&script, &inbox, &key_id, &key, &follow(&peer, &zoe, 1), json!(tamper)).await;
        assert_eq!(status, 401, "tampered {tamper} after signing");
    }
    assert_eq!(follower_count(&app).await, 0, "nothing stored for tampered requests");
    let status = library_post(&script, &inbox, &key_id, &key, &follow(&peer, &zoe, 2), Value::Null).await;
    assert_eq!(status, 202, "signed by the library");
    assert_eq!(follower_count(&app).await, 1);
}

/// The library's verifier on loopback; answers 202 when a request's signature checks out.
struct LibraryVerifier {
    base_url: String,
    _node: Child,
}

impl LibraryVerifier {
    async fn start(script: &PathBuf, public_key_pem: &str) -> Self {
        let mut child = node(script, "serve", &json!({"publicKeyPem": public_key_pem})).await;
        let stdout = child.stdout.take().expect("stdout");
        let line = BufReader::new(stdout).lines().next_line().await.expect("read").expect("a port");
        let port = serde_json::from_str::<Value>(&line).expect("JSON")["port"].as_u64().expect("port");
        Self { base_url: format!("http://127.0.0.1:{port}"), _node: child }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }
}

async fn answer(client: &reqwest::Client, request: reqwest::Request) -> (StatusCode, String) {
    let response = client.execute(request).await.expect("answered");
    let status = response.status();
    (status, response.text().await.unwrap_or_default())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn our_signatures_pass_the_independent_verifier() {
    let Some(script) = crosscheck_script() else { return };
    let (public_pem, private_pem) = allmende::service::instance::generate_key_pair().expect("key");
    let (_, other_private_pem) = allmende::service::instance::generate_key_pair().expect("key");
    let verifier = LibraryVerifier::start(&script, &public_pem).await;
    let client = reqwest::Client::new();
    let key_id = "http://localhost/u/ana#main-key";
    let body = json!({"type": "Follow", "actor": "http://localhost/u/ana"}).to_string().into_bytes();
    let signer = Signer::new();

    let post = signer
        .signed_post(&client, &verifier.url("/inbox"), body.clone(), key_id, &private_pem)
        .await
        .expect("signed");
    assert_eq!(answer(&client, post).await, (StatusCode::ACCEPTED, "verified".to_owned()), "signed POST");
    let get =
        signer.signed_get(&client, &verifier.url("/users/zoe"), key_id, &private_pem).await.expect("signed");
    assert_eq!(answer(&client, get).await, (StatusCode::ACCEPTED, "verified".to_owned()), "signed GET");

    let mut tampered = signer
        .signed_post(&client, &verifier.url("/inbox"), body.clone(), key_id, &private_pem)
        .await
        .expect("signed");
    *tampered.url_mut() = verifier.url("/other-inbox").parse().expect("URL");
    let (status, reason) = answer(&client, tampered).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "another request target: {reason}");
    let wrong_key = Signer::new()
        .signed_post(&client, &verifier.url("/inbox"), body, key_id, &other_private_pem)
        .await
        .expect("signed");
    let (status, reason) = answer(&client, wrong_key).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "another key: {reason}");
}

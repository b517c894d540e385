//! Our RFC 9421 signatures against an independent implementation: the `http-message-signatures`
//! package (PyPI, pinned in `.ci/clients-requirements.txt`), run by
//! `tests/crosscheck/rfc9421.py` with the Python of `ALLMENDE_CLIENTS_PYTHON` (else a `python3`
//! that has the package). It signs (RSA and ed25519), our inbox verifies; we sign, it verifies.
//! Skipped without it, unless `ALLMENDE_REQUIRE_CLIENTS` is set.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use allmende::federation::signatures::SignatureFormat;
use allmende::federation::signing::Signer;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::TestApp;
use crate::groups::group;
use crate::on_both_backends;
use crate::peer::Peer;

on_both_backends!(requests_signed_by_the_independent_rfc9421_library_pass_our_inbox);

fn script() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/crosscheck/rfc9421.py")
}

/// A Python with the package, if there is one.
fn library_python() -> Option<String> {
    let has_package = |python: &str| {
        Command::new(python)
            .args(["-c", "import http_message_signatures"])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|status| status.success())
    };
    if let Ok(python) = std::env::var("ALLMENDE_CLIENTS_PYTHON") {
        assert!(
            has_package(&python),
            "ALLMENDE_CLIENTS_PYTHON={python} cannot import http_message_signatures"
        );
        return Some(python);
    }
    if has_package("python3") {
        return Some("python3".into());
    }
    assert!(
        std::env::var("ALLMENDE_REQUIRE_CLIENTS").is_err(),
        "ALLMENDE_REQUIRE_CLIENTS is set but no Python with http-message-signatures was found (ALLMENDE_CLIENTS_PYTHON)"
    );
    eprintln!("skipped: http-message-signatures is not installed (.ci/clients-requirements.txt)");
    None
}

/// Runs the script's `command` with `task`; its JSON answer.
fn library(python: &str, command: &str, task: &Value) -> Value {
    let mut child = Command::new(python)
        .arg(script())
        .arg(command)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python runs");
    child.stdin.take().expect("stdin").write_all(task.to_string().as_bytes()).expect("task written");
    let output = child.wait_with_output().expect("python finishes");
    assert!(output.status.success(), "the library failed: {}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("JSON from the library")
}

fn now_seconds(app: &TestApp) -> i64 {
    app.ctx.now().millis() / 1000
}

/// Posts `body` with the headers the library signed; the status our inbox answered.
async fn post_with(url: &str, headers: &Value, body: &str) -> StatusCode {
    let mut request = reqwest::Client::new().post(url).body(body.to_owned());
    for pair in headers.as_array().expect("header pairs") {
        let (name, value) = (pair[0].as_str().expect("name"), pair[1].as_str().expect("value"));
        if !name.eq_ignore_ascii_case("host") && !name.eq_ignore_ascii_case("content-length") {
            request = request.header(name, value);
        }
    }
    request.send().await.expect("answered").status()
}

fn follow(peer: &Peer, actor: &str, n: u32) -> String {
    json!({"@context": "https://www.w3.org/ns/activitystreams", "id": peer.url(&format!("/follows/{n}")),
           "type": "Follow", "actor": actor, "object": "http://localhost/g/energy"})
    .to_string()
}

async fn follower_count(app: &TestApp) -> i64 {
    let (details, _) =
        allmende::service::groups::get_group_page(&app.ctx, "energy", None, None).await.expect("group");
    details.follower_count
}

async fn requests_signed_by_the_independent_rfc9421_library_pass_our_inbox(app: TestApp) {
    let Some(python) = library_python() else { return };
    let ana = app.create_user("ana").await;
    allmende::service::groups::create_group(&app.ctx, ana.id, group("energy", "discussion"))
        .await
        .expect("group");
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    let url = app.url("/g/energy/inbox");
    let host = app.base_url.trim_start_matches("http://").to_owned();
    let sign = |body: &str, key_id: &str, key: &str, alg: &str, created: i64| {
        let task = json!({
            "method": "POST", "url": url, "body": body, "key_id": key_id, "private_key_pem": key, "alg": alg,
            "headers": [["Host", host], ["Content-Type", "application/activity+json"]],
            "components": ["@method", "@target-uri", "content-type", "content-digest"], "created": created,
        });
        library(&python, "sign", &task)["headers"].clone()
    };
    let key_id = format!("{zoe}#main-key");
    let key = peer.private_key(&zoe).to_owned();
    // Refused: signed too long ago, and a body changed after signing.
    let body = follow(&peer, &zoe, 1);
    let stale = sign(&body, &key_id, &key, "rsa-v1_5-sha256", now_seconds(&app) - 7200);
    assert_eq!(post_with(&url, &stale, &body).await, StatusCode::UNAUTHORIZED, "signed two hours ago");
    let signed = sign(&body, &key_id, &key, "rsa-v1_5-sha256", now_seconds(&app));
    assert_eq!(
        post_with(&url, &signed, &follow(&peer, &zoe, 2)).await,
        StatusCode::UNAUTHORIZED,
        "another body"
    );
    assert_eq!(follower_count(&app).await, 0);
    assert_eq!(post_with(&url, &signed, &body).await, StatusCode::ACCEPTED, "RSA, signed by the library");
    assert_eq!(follower_count(&app).await, 1);

    // ed25519 through a FEP-521a Multikey, signed by the library.
    let ed_key = ed25519_dalek::SigningKey::from_bytes(&rand::random::<[u8; 32]>());
    // PKCS#8 v1 (the private key alone): older `cryptography` releases refuse the v2 form that
    // also carries the public key ("extra data").
    let ed_pem = {
        use ed25519_dalek::pkcs8::EncodePrivateKey as _;
        let v1 = ed25519_dalek::pkcs8::KeypairBytes { secret_key: ed_key.to_bytes(), public_key: None };
        v1.to_pkcs8_pem(Default::default()).expect("PEM").to_string()
    };
    let yann = peer.add_actor("yann", "Person");
    let ed_key_id = format!("{yann}#ed25519-key");
    let mut document = peer.document(&yann).expect("yann");
    document["assertionMethod"] = json!([{"id": ed_key_id, "type": "Multikey", "controller": yann,
        "publicKeyMultibase": allmende::federation::signatures::multikey::encode_ed25519(&ed_key.verifying_key())}]);
    peer.publish(&yann, document);
    let body = json!({"@context": "https://www.w3.org/ns/activitystreams", "id": peer.url("/follows/yann"),
                      "type": "Follow", "actor": yann, "object": "http://localhost/g/energy"})
    .to_string();
    let signed = sign(&body, &ed_key_id, &ed_pem, "ed25519", now_seconds(&app));
    assert_eq!(post_with(&url, &signed, &body).await, StatusCode::ACCEPTED, "ed25519, signed by the library");
    assert_eq!(follower_count(&app).await, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn our_rfc9421_signatures_pass_the_independent_verifier() {
    let Some(python) = library_python() else { return };
    let (public_pem, private_pem) = allmende::service::instance::generate_key_pair().expect("key");
    let (other_public_pem, _) = allmende::service::instance::generate_key_pair().expect("key");
    let client = reqwest::Client::new();
    let key_id = "https://us.example/u/ana#main-key";
    let body = json!({"type": "Follow", "actor": "https://us.example/u/ana"}).to_string();
    let signer = Signer::new();
    let verify = |request: &reqwest::Request, body: Option<&str>, public_key: &str| {
        let headers: Vec<(String, String)> = request
            .headers()
            .iter()
            .map(|(name, value)| (name.to_string(), value.to_str().expect("ASCII").to_owned()))
            .collect();
        let task = json!({"method": request.method().as_str(), "url": request.url().as_str(), "headers": headers,
                          "body": body, "key_id": key_id, "public_key_pem": public_key, "alg": "rsa-v1_5-sha256"});
        library(&python, "verify", &task)
    };
    let post = signer
        .signed_post_as(
            SignatureFormat::Rfc9421,
            &client,
            "https://peer.example/inbox?x=1",
            body.clone().into_bytes(),
            key_id,
            &private_pem,
        )
        .await
        .expect("signed");
    assert_eq!(verify(&post, Some(&body), &public_pem), json!({"ok": true}), "our POST");
    let answer = verify(&post, Some(&body), &other_public_pem);
    assert_eq!(answer["ok"], false, "not with another key: {answer}");
    let answer = verify(&post, Some("{}"), &public_pem);
    assert_eq!(answer["ok"], false, "not for another body: {answer}");
    let mut moved = signer
        .signed_post_as(
            SignatureFormat::Rfc9421,
            &client,
            "https://peer.example/inbox?x=1",
            body.clone().into_bytes(),
            key_id,
            &private_pem,
        )
        .await
        .expect("signed");
    *moved.url_mut() = "https://other.example/inbox?x=1".parse().expect("URL");
    let answer = verify(&moved, Some(&body), &public_pem);
    assert_eq!(answer["ok"], false, "not at another host: {answer}");
    let get = signer
        .signed_get_as(
            SignatureFormat::Rfc9421,
            &client,
            "https://peer.example/users/zoe",
            key_id,
            &private_pem,
        )
        .await
        .expect("signed");
    assert_eq!(verify(&get, None, &public_pem), json!({"ok": true}), "our GET");
}

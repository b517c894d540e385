//! `extra_ca_cert` (`ALLMENDE_EXTRA_CA_CERT`): outgoing requests trust a CA of the operator's
//! besides the system's roots. A real TLS peer on loopback with a certificate from a CA made
//! for the test: without the CA the fetch fails, with it the fetch succeeds. `insecure_http` is
//! off throughout; `federation.allowed_private_networks` lets the address check pass loopback.

use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use allmende::config::{Config, Networks};
use allmende::federation::http::FetchError;
use axum::http::header;
use axum::response::IntoResponse;
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair, KeyUsagePurpose};
use serde_json::json;
use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls::ServerConfig;
use tokio_rustls::rustls::crypto::aws_lc_rs;
use tokio_rustls::rustls::pki_types::{PrivateKeyDer, PrivatePkcs8KeyDer};
use tower::ServiceExt;

use crate::common::{Backend, TestApp};

/// An HTTPS server for `localhost` on loopback whose certificate a fresh CA signed. It serves
/// an ActivityPub document at every path, with the URL as its `id`.
struct TlsPeer {
    base_url: String,
    ca_pem: String,
    server: tokio::task::JoinHandle<()>,
}

impl Drop for TlsPeer {
    fn drop(&mut self) {
        self.server.abort();
    }
}

impl TlsPeer {
    async fn start() -> Self {
        let mut ca_params = CertificateParams::new(Vec::<String>::new()).expect("CA parameters");
        ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca_params.distinguished_name.push(DnType::CommonName, "Allmende test CA");
        ca_params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::DigitalSignature];
        let ca_key = KeyPair::generate().expect("CA key");
        let ca_cert = ca_params.self_signed(&ca_key).expect("CA certificate");
        let issuer = Issuer::new(ca_params, ca_key);
        let mut leaf_params = CertificateParams::new(vec!["localhost".to_owned()]).expect("leaf parameters");
        leaf_params.distinguished_name.push(DnType::CommonName, "localhost");
        let leaf_key = KeyPair::generate().expect("leaf key");
        let leaf_cert = leaf_params.signed_by(&leaf_key, &issuer).expect("leaf certificate");

        let tls = ServerConfig::builder_with_provider(Arc::new(aws_lc_rs::default_provider()))
            .with_safe_default_protocol_versions()
            .expect("protocol versions")
            .with_no_client_auth()
            .with_single_cert(
                vec![leaf_cert.der().clone()],
                PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(leaf_key.serialize_der())),
            )
            .expect("server certificate");
        let acceptor = TlsAcceptor::from(Arc::new(tls));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("TLS peer binds");
        let port = listener.local_addr().expect("address").port();
        let base_url = format!("https://localhost:{port}");
        let router = {
            let base_url = base_url.clone();
            axum::Router::new().fallback(move |uri: axum::http::Uri| {
                let id = format!("{base_url}{}", uri.path());
                async move {
                    let document = json!({"@context": "https://www.w3.org/ns/activitystreams",
                                          "id": id, "type": "Note", "content": "over TLS"});
                    ([(header::CONTENT_TYPE, "application/activity+json")], document.to_string())
                        .into_response()
                }
            })
        };
        let server = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let (acceptor, router) = (acceptor.clone(), router.clone());
                tokio::spawn(async move {
                    // A client that refuses our certificate ends the handshake: nothing to serve.
                    let Ok(stream) = acceptor.accept(stream).await else { return };
                    let service = hyper::service::service_fn(move |request: hyper::Request<Incoming>| {
                        router.clone().oneshot(request.map(axum::body::Body::new))
                    });
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        });
        Self { base_url, ca_pem: ca_cert.pem(), server }
    }

    fn url(&self, path: &str) -> url::Url {
        url::Url::parse(&format!("{}{path}", self.base_url)).expect("URL")
    }
}

/// An app that federates over https only, with loopback allowed as a private network.
async fn app(ca_file: Option<&Path>, allow_loopback: bool) -> TestApp {
    let ca_file = ca_file.map(Path::to_owned);
    TestApp::spawn_configured(Backend::Sqlite, move |config: &mut Config| {
        config.insecure_http = false;
        if allow_loopback {
            config.federation.allowed_private_networks = Networks::parse("127.0.0.1, ::1").expect("networks");
        }
        if let Some(path) = ca_file {
            config.extra_ca_cert = path;
        }
    })
    .await
    .expect("app")
}

fn write_ca(dir: &Path, pem: &str) -> std::path::PathBuf {
    let path = dir.join("extra-ca.pem");
    // Several certificates in one file: an unrelated CA first, then the peer's.
    let other = {
        let mut params = CertificateParams::new(Vec::<String>::new()).expect("parameters");
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.self_signed(&KeyPair::generate().expect("key")).expect("certificate").pem()
    };
    std::fs::write(&path, format!("{other}{pem}")).expect("CA file written");
    path
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_peer_certified_by_the_extra_ca_is_fetched_only_with_it() {
    let peer = TlsPeer::start().await;
    let dir = tempfile::tempdir().expect("dir");
    let ca_file = write_ca(dir.path(), &peer.ca_pem);
    let url = peer.url("/objects/1");

    let without = app(None, true).await;
    let refused = without.state.http.fetch_json(&url, None).await;
    assert!(
        matches!(&refused, Err(FetchError::Unreachable(cause)) if cause.contains("UnknownIssuer")),
        "unknown CA: {refused:?}"
    );

    let with = app(Some(&ca_file), true).await;
    let (fetched_from, document) = with.state.http.fetch_json(&url, None).await.expect("trusted over TLS");
    assert_eq!(fetched_from, url);
    assert_eq!(document["content"], "over TLS");

    let closed = app(Some(&ca_file), false).await;
    let refused = closed.state.http.fetch_json(&url, None).await;
    assert!(matches!(refused, Err(FetchError::NotAllowed(_))), "loopback stays refused: {refused:?}");
}

/// Runs `allmende serve` and expects it to stop by itself with an error.
fn serve_fails_with(env: &[(&str, &str)], expected: &str) {
    let dir = tempfile::tempdir().expect("dir");
    let mut command = Command::new(env!("CARGO_BIN_EXE_allmende"));
    for (key, _) in std::env::vars() {
        if key.starts_with("ALLMENDE_") {
            command.env_remove(key);
        }
    }
    let mut child = command
        .arg("serve")
        .env("ALLMENDE_DATA_DIR", dir.path())
        .env("ALLMENDE_BIND", "127.0.0.1:0")
        .env("ALLMENDE_LOG_FILTER", "warn")
        .env_remove("RUST_LOG")
        .envs(env.iter().copied())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let deadline = Instant::now() + Duration::from_secs(60);
    while child.try_wait().expect("status").is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("serve kept running with {env:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let output = child.wait_with_output().expect("output");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "expected failure: {stderr}");
    let lines: Vec<&str> = stderr.lines().filter(|line| !line.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "one line: {stderr}");
    assert!(lines[0].starts_with("error: ") && lines[0].contains(expected), "{expected:?} in {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn an_unusable_extra_ca_file_stops_the_server() {
    let dir = tempfile::tempdir().expect("dir");
    let missing = dir.path().join("missing.pem");
    let missing = missing.to_str().expect("UTF-8 path");
    serve_fails_with(
        &[("ALLMENDE_EXTRA_CA_CERT", missing)],
        &format!("{missing} (extra_ca_cert): cannot read it"),
    );
    let no_certificates = dir.path().join("key-only.pem");
    std::fs::write(&no_certificates, KeyPair::generate().expect("key").serialize_pem()).expect("written");
    let no_certificates = no_certificates.to_str().expect("UTF-8 path");
    serve_fails_with(&[("ALLMENDE_EXTRA_CA_CERT", no_certificates)], "it holds no PEM certificates");
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "not a certificate\n").expect("written");
    serve_fails_with(
        &[("ALLMENDE_EXTRA_CA_CERT", text.to_str().expect("UTF-8 path"))],
        "no PEM certificates",
    );
}

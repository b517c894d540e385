//! Probes, request ids and `/metrics`: the scrape is parsed by an independent OpenMetrics
//! parser (the Python `prometheus_client` package from `.ci/clients-requirements.txt`, through
//! `ALLMENDE_CLIENTS_PYTHON`, else a `python3` that has it; without one the figures are read
//! from the plain lines, unless `ALLMENDE_REQUIRE_CLIENTS` is set, then that is a failure).

use std::io::Write as _;
use std::process::{Command, Stdio};

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::{Backend, TestApp};
use crate::groups::group;
use crate::on_both_backends;
use crate::peer::Peer;

const TOKEN: &str = "scrape-4f0c2b9e1d";

on_both_backends!(
    health_answers_and_readiness_follows_the_database,
    every_answer_carries_a_request_id,
    metrics_stay_hidden_without_the_token,
    a_scrape_shows_requests_inbox_and_the_delivery_queue,
);

async fn with_metrics(backend: Backend) -> Option<TestApp> {
    TestApp::spawn_configured(backend, |config| config.metrics.token = TOKEN.into()).await
}

async fn sql(app: &TestApp, statement: &str) {
    let mut conn = app.ctx.db.acquire().await.expect("connection");
    let statement = sqlx::AssertSqlSafe(statement.to_owned());
    match conn.conn() {
        allmende::db::Conn::Sqlite(c) => sqlx::query(statement).execute(c).await.map(|_| ()),
        allmende::db::Conn::Postgres(c) => sqlx::query(statement).execute(c).await.map(|_| ()),
    }
    .expect("statement runs");
}

pub async fn health_answers_and_readiness_follows_the_database(app: TestApp) {
    let (status, body) = app.get_html("/healthz").await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "ok"));
    let (status, body) = app.get_html("/readyz").await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "ready\n"));
    // A database restored from an older backup, or a binary newer than its database.
    let latest = app.ctx.db.known_migration_versions().last().copied().expect("migrations");
    sql(&app, &format!("DELETE FROM _sqlx_migrations WHERE version = {latest}")).await;
    let (status, body) = app.get_html("/readyz").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(body, format!("not ready: migrations pending: {latest}\n"));
    sql(&app, "DROP TABLE _sqlx_migrations").await;
    let (status, body) = app.get_html("/readyz").await;
    assert_eq!(
        (status, body.as_str()),
        (StatusCode::SERVICE_UNAVAILABLE, "not ready: cannot read the applied migrations\n")
    );
    app.ctx.db.close().await;
    let (status, body) = app.get_html("/readyz").await;
    assert_eq!(
        (status, body.as_str()),
        (StatusCode::SERVICE_UNAVAILABLE, "not ready: database unreachable\n")
    );
    let (status, _) = app.get_html("/healthz").await;
    assert_eq!(status, StatusCode::OK, "alive without a database");
}

fn request_id(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("x-request-id")
        .and_then(|value| value.to_str().ok())
        .expect("an X-Request-Id header")
        .to_owned()
}

pub async fn every_answer_carries_a_request_id(app: TestApp) {
    let given =
        app.client.get(app.url("/about")).header("X-Request-Id", "lb-7f3a.2").send().await.expect("GET");
    assert_eq!(request_id(&given), "lb-7f3a.2", "a sane id is kept");
    for insane in ["two words", &"x".repeat(65)] {
        let replaced =
            app.client.get(app.url("/healthz")).header("X-Request-Id", insane).send().await.expect("GET");
        let id = request_id(&replaced);
        assert_eq!(id.len(), 26, "replaced by a new id: {id}");
    }
    let first = request_id(&app.get("/no/such/page").await);
    let second = request_id(&app.get("/healthz/").await);
    assert_ne!(first, second, "new ids differ");
    assert!(first.bytes().chain(second.bytes()).all(|b| b.is_ascii_alphanumeric()));
    let inbox = app.client.post(app.url("/inbox")).body("{}").send().await.expect("POST");
    assert_eq!(inbox.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(request_id(&inbox).len(), 26, "errors carry one too");
}

pub async fn metrics_stay_hidden_without_the_token(app: TestApp) {
    let (status, _) = app.get_html("/metrics").await;
    assert_eq!(status, StatusCode::NOT_FOUND, "no token configured: no metrics");
    let backend = app.backend;
    drop(app);
    let Some(app) = with_metrics(backend).await else { return };
    let scrape = |auth: Option<&'static str>| {
        let mut request = app.client.get(app.url("/metrics"));
        if let Some(auth) = auth {
            request = request.header("Authorization", auth);
        }
        request.send()
    };
    assert_eq!(scrape(None).await.expect("GET").status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        scrape(Some("Bearer scrape-4f0c2b9e1e")).await.expect("GET").status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(scrape(Some("Basic c2NyYXBlOnRva2Vu")).await.expect("GET").status(), StatusCode::UNAUTHORIZED);
    let ok = app.client.get(app.url("/metrics")).bearer_auth(TOKEN).send().await.expect("GET");
    assert_eq!(ok.status(), StatusCode::OK);
    let content_type = ok.headers()["content-type"].to_str().expect("ASCII").to_owned();
    assert!(content_type.starts_with("application/openmetrics-text"), "{content_type}");
}

async fn scrape(app: &TestApp) -> Vec<Sample> {
    let response = app.client.get(app.url("/metrics")).bearer_auth(TOKEN).send().await.expect("scrape");
    assert_eq!(response.status(), StatusCode::OK);
    parse(&response.text().await.expect("body"))
}

pub async fn a_scrape_shows_requests_inbox_and_the_delivery_queue(app: TestApp) {
    let backend = app.backend;
    drop(app);
    let Some(app) = with_metrics(backend).await else { return };
    assert_eq!(app.get("/g/nowhere").await.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.get("/healthz").await.status(), StatusCode::OK);
    assert_eq!(app.get("/no/such/page").await.status(), StatusCode::NOT_FOUND);
    // A remote follow arrives; the group's Accept waits in the queue.
    let ana = app.create_user("ana").await;
    allmende::service::groups::create_group(&app.ctx, ana.id, group("energy", "discussion"))
        .await
        .expect("group");
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    let follow = json!({"@context": "https://www.w3.org/ns/activitystreams", "id": peer.url("/follows/1"),
        "type": "Follow", "actor": zoe, "object": "http://localhost/g/energy"});
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &follow).await, StatusCode::ACCEPTED);
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &follow).await, StatusCode::ACCEPTED);
    app.state.delivery.claim(0).await.expect("events become deliveries");
    app.clock.advance_seconds(90);

    let samples = scrape(&app).await;
    let find = |name: &str, labels: &[(&str, &str)]| value(&samples, name, labels);
    assert_eq!(
        find("allmende_http_requests_total", &[("method", "GET"), ("route", "/g/{name}"), ("status", "404")]),
        Some(1.0)
    );
    assert_eq!(find("allmende_http_requests_total", &[("route", "/healthz"), ("status", "200")]), Some(1.0));
    assert_eq!(find("allmende_http_requests_total", &[("route", "unmatched"), ("status", "404")]), Some(1.0));
    assert!(
        samples.iter().all(|s| s.labels.get("route").is_none_or(|route| !route.contains("nowhere"))),
        "raw paths never become labels"
    );
    assert_eq!(find("allmende_http_request_duration_seconds_count", &[("route", "/g/{name}")]), Some(1.0));
    assert_eq!(
        find("allmende_http_request_duration_seconds_bucket", &[("route", "/g/{name}"), ("le", "+Inf")]),
        Some(1.0)
    );
    assert_eq!(
        find("allmende_http_requests_total", &[("route", "/inbox"), ("method", "POST"), ("status", "202")]),
        Some(2.0)
    );
    assert_eq!(
        find("allmende_inbox_activities_total", &[("activity", "Follow"), ("result", "accepted")]),
        Some(1.0)
    );
    assert_eq!(
        find("allmende_inbox_activities_total", &[("activity", "Follow"), ("result", "duplicate")]),
        Some(1.0)
    );
    assert_eq!(find("allmende_delivery_queue_depth", &[]), Some(1.0), "the Accept");
    let lag = find("allmende_delivery_oldest_pending_seconds", &[]).expect("lag");
    assert!((90.0..120.0).contains(&lag), "oldest pending for about 90 s: {lag}");
    assert_eq!(find("allmende_db_connections_max", &[]), Some(5.0));
    assert!(find("allmende_db_connections", &[("state", "idle")]).is_some());
    assert_eq!(
        find("allmende_background_job_runs_total", &[("job", "delivery_round"), ("result", "ok")]),
        Some(1.0)
    );
    assert_eq!(find("allmende_build_info", &[("version", env!("CARGO_PKG_VERSION"))]), Some(1.0));

    app.state.delivery.drain().await.expect("drain");
    let samples = scrape(&app).await;
    let attempts: f64 =
        samples.iter().filter(|s| s.name == "allmende_deliveries_total").map(|s| s.value).sum();
    assert!(attempts >= 1.0, "the Accept was attempted: {samples:?}");
    assert!(
        value(&samples, "allmende_http_requests_total", &[("route", "/metrics"), ("status", "200")])
            >= Some(1.0)
    );
}

#[derive(Debug)]
struct Sample {
    name: String,
    labels: std::collections::HashMap<String, String>,
    value: f64,
}

/// The value of the one sample with this name and (at least) these labels.
fn value(samples: &[Sample], name: &str, labels: &[(&str, &str)]) -> Option<f64> {
    let matching: Vec<&Sample> = samples
        .iter()
        .filter(|s| {
            s.name == name && labels.iter().all(|(k, v)| s.labels.get(*k).map(String::as_str) == Some(*v))
        })
        .collect();
    assert!(matching.len() <= 1, "{name} {labels:?} is ambiguous: {matching:?}");
    matching.first().map(|s| s.value)
}

const PARSE_SCRIPT: &str = r#"
import json, sys
from prometheus_client.openmetrics.parser import text_string_to_metric_families
samples = []
for family in text_string_to_metric_families(sys.stdin.read()):
    for s in family.samples:
        samples.append({"name": s.name, "labels": s.labels, "value": s.value})
print(json.dumps(samples))
"#;

/// A Python with `prometheus_client`, or None (a failure when clients are required).
fn parser_python() -> Option<String> {
    let has_parser = |python: &str| {
        Command::new(python)
            .args(["-c", "import prometheus_client.openmetrics.parser"])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|status| status.success())
    };
    if let Ok(python) = std::env::var("ALLMENDE_CLIENTS_PYTHON") {
        assert!(has_parser(&python), "ALLMENDE_CLIENTS_PYTHON={python} cannot import prometheus_client");
        return Some(python);
    }
    if has_parser("python3") {
        return Some("python3".into());
    }
    assert!(
        std::env::var("ALLMENDE_REQUIRE_CLIENTS").is_err(),
        "ALLMENDE_REQUIRE_CLIENTS is set but no Python with prometheus_client was found (ALLMENDE_CLIENTS_PYTHON)"
    );
    eprintln!("note: prometheus_client is not installed; reading the scrape line by line instead");
    None
}

/// The samples of an OpenMetrics text; the independent parser refuses anything malformed.
fn parse(text: &str) -> Vec<Sample> {
    let Some(python) = parser_python() else { return parse_plain_lines(text) };
    let mut child = Command::new(python)
        .args(["-c", PARSE_SCRIPT])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python runs");
    child.stdin.take().expect("stdin").write_all(text.as_bytes()).expect("scrape written");
    let output = child.wait_with_output().expect("parser finishes");
    assert!(
        output.status.success(),
        "the OpenMetrics parser refused the scrape: {}\n{text}",
        String::from_utf8_lossy(&output.stderr)
    );
    let parsed: Vec<Value> = serde_json::from_slice(&output.stdout).expect("parser JSON");
    parsed
        .into_iter()
        .map(|sample| Sample {
            name: sample["name"].as_str().expect("name").to_owned(),
            labels: serde_json::from_value(sample["labels"].clone()).expect("labels"),
            value: sample["value"].as_f64().expect("value"),
        })
        .collect()
}

/// Without Python: `name{labels} value` lines (our label values hold no `",`).
fn parse_plain_lines(text: &str) -> Vec<Sample> {
    assert!(text.ends_with("# EOF\n"), "an OpenMetrics text ends with # EOF");
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.is_empty())
        .map(|line| {
            let (series, value) = line.rsplit_once(' ').expect("a value");
            let (name, labels) = match series.split_once('{') {
                Some((name, labels)) => (name, labels.trim_end_matches('}')),
                None => (series, ""),
            };
            let labels = labels
                .split("\",")
                .filter(|pair| !pair.is_empty())
                .filter_map(|pair| pair.split_once("=\""))
                .map(|(k, v)| (k.to_owned(), v.trim_end_matches('"').to_owned()))
                .collect();
            let value = if value == "+Inf" { f64::INFINITY } else { value.parse().expect("a number") };
            Sample { name: name.to_owned(), labels, value }
        })
        .collect()
}

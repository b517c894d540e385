//! WebFinger, NodeInfo and host-meta, as other servers query them.

use reqwest::StatusCode;
use serde_json::Value;

use crate::common::TestApp;
use crate::groups::{group, thread};
use crate::on_both_backends;

async fn json(app: &TestApp, path: &str) -> (StatusCode, String, Value) {
    let response = app.get(path).await;
    let status = response.status();
    let content_type =
        response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    if status.is_success() {
        let cors = response.headers().get("access-control-allow-origin").map(|v| v.as_bytes().to_vec());
        assert_eq!(cors.as_deref(), Some(&b"*"[..]), "{path} allows any origin");
    }
    let body = response.text().await.expect("body");
    (status, content_type, serde_json::from_str(&body).unwrap_or(Value::Null))
}

pub async fn webfinger_finds_people_groups_and_the_instance_actor(app: TestApp) {
    let ana = app.create_user("ana").await;
    allmende::service::groups::create_group(&app.ctx, ana.id, group("energy", "discussion"))
        .await
        .expect("group");
    let (status, content_type, person) =
        json(&app, "/.well-known/webfinger?resource=acct:ana@localhost").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(content_type, "application/jrd+json");
    assert_eq!(person["subject"], "acct:ana@localhost");
    let self_link =
        person["links"].as_array().expect("links").iter().find(|l| l["rel"] == "self").expect("self");
    assert_eq!(self_link["type"], "application/activity+json");
    assert_eq!(self_link["href"], "http://localhost/u/ana");

    let (_, _, by_url) = json(&app, "/.well-known/webfinger?resource=http://localhost/g/energy").await;
    assert_eq!(by_url["subject"], "acct:energy@localhost");
    assert_eq!(by_url["properties"]["https://www.w3.org/ns/activitystreams#type"], "Group");
    let (_, _, mixed_case) = json(&app, "/.well-known/webfinger?resource=acct:Energy@LOCALHOST").await;
    assert_eq!(mixed_case["aliases"][0], "http://localhost/g/energy");
    let (_, _, instance) = json(&app, "/.well-known/webfinger?resource=acct:actor@localhost").await;
    assert_eq!(instance["links"][0]["href"], "http://localhost/actor");

    for (resource, expected) in [
        ("acct:nobody@localhost", StatusCode::NOT_FOUND),
        ("acct:ana@other.example", StatusCode::NOT_FOUND),
        ("acct:ana@localhost.evil.example", StatusCode::NOT_FOUND),
        ("http://other.example/u/ana", StatusCode::NOT_FOUND),
        ("http://localhost/u/ana/extra", StatusCode::NOT_FOUND),
        ("not a resource", StatusCode::NOT_FOUND),
    ] {
        let response = app.get(&format!("/.well-known/webfinger?resource={}", urlencode(resource))).await;
        assert_eq!(response.status(), expected, "{resource}");
    }
    assert_eq!(app.get("/.well-known/webfinger").await.status(), StatusCode::BAD_REQUEST);
}

pub async fn nodeinfo_reports_software_and_usage(app: TestApp) {
    let ana = app.create_user("ana").await;
    allmende::service::groups::create_group(&app.ctx, ana.id, group("energy", "discussion"))
        .await
        .expect("group");
    allmende::service::threads::create_thread(&app.ctx, &ana, "energy", thread("Hello"))
        .await
        .expect("thread");
    let (_, _, links) = json(&app, "/.well-known/nodeinfo").await;
    let rels: Vec<&str> =
        links["links"].as_array().expect("links").iter().filter_map(|l| l["rel"].as_str()).collect();
    assert!(rels.contains(&"http://nodeinfo.diaspora.software/ns/schema/2.1"));
    assert!(rels.contains(&"https://www.w3.org/ns/activitystreams#Application"), "FEP-2677");
    for version in ["2.0", "2.1"] {
        let (status, content_type, info) = json(&app, &format!("/nodeinfo/{version}")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(content_type.contains(&format!("schema/{version}#")));
        assert_eq!(info["version"], version);
        assert_eq!(info["software"]["name"], "allmende");
        assert_eq!(info["protocols"][0], "activitypub");
        assert_eq!(info["openRegistrations"], true);
        assert_eq!(info["usage"]["users"]["total"], 1);
        assert_eq!(info["usage"]["users"]["activeMonth"], 1);
        assert_eq!(info["usage"]["localPosts"], 1);
    }
}

pub async fn host_meta_points_at_webfinger(app: TestApp) {
    let response = app.get("/.well-known/host-meta").await;
    assert_eq!(response.status(), StatusCode::OK);
    let xml = response.text().await.expect("body");
    assert!(xml.contains(r#"template="http://localhost/.well-known/webfinger?resource={uri}""#), "{xml}");
    let (_, _, json_form) = json(&app, "/.well-known/host-meta.json").await;
    assert_eq!(json_form["links"][0]["rel"], "lrdd");
}

fn urlencode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

on_both_backends!(
    webfinger_finds_people_groups_and_the_instance_actor,
    nodeinfo_reports_software_and_usage,
    host_meta_points_at_webfinger,
);

//! Our actors, posts and collections as ActivityPub JSON, on the same URLs as the pages.

use reqwest::StatusCode;
use serde_json::Value;

use crate::common::TestApp;
use crate::groups::{group, thread};
use crate::on_both_backends;

pub(crate) async fn activity_json(app: &TestApp, path: &str) -> (StatusCode, Value) {
    let response = app
        .client
        .get(app.url(path))
        .header("accept", "application/activity+json")
        .send()
        .await
        .expect("response");
    let status = response.status();
    if status.is_success() || status == StatusCode::GONE {
        assert_eq!(
            response.headers().get("content-type").and_then(|v| v.to_str().ok()),
            Some("application/activity+json"),
            "{path}"
        );
    }
    (status, response.json().await.unwrap_or(Value::Null))
}

fn assert_no_nulls(value: &Value, path: &str) {
    match value {
        Value::Null => panic!("null at {path}"),
        Value::Array(items) => {
            items.iter().enumerate().for_each(|(i, v)| assert_no_nulls(v, &format!("{path}[{i}]")))
        }
        Value::Object(map) => map.iter().for_each(|(k, v)| assert_no_nulls(v, &format!("{path}.{k}"))),
        _ => {}
    }
}

pub async fn people_groups_and_the_instance_actor_negotiate(app: TestApp) {
    let ana = app.create_user("ana").await;
    allmende::service::groups::create_group(&app.ctx, ana.id, group("energy", "project"))
        .await
        .expect("group");

    let (status, person) = activity_json(&app, "/u/ana").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(person["type"], "Person");
    assert_eq!(person["id"], "http://localhost/u/ana");
    assert_eq!(person["preferredUsername"], "ana");
    assert_eq!(person["inbox"], "http://localhost/u/ana/inbox");
    assert_eq!(person["endpoints"]["sharedInbox"], "http://localhost/inbox");
    assert_eq!(person["publicKey"]["id"], "http://localhost/u/ana#main-key");
    assert!(
        person["publicKey"]["publicKeyPem"]
            .as_str()
            .unwrap_or_default()
            .starts_with("-----BEGIN PUBLIC KEY-----")
    );
    assert!(person["@context"].is_array());
    assert_no_nulls(&person, "person");

    let (_, group) = activity_json(&app, "/g/energy").await;
    assert_eq!(group["type"], "Group");
    assert_eq!(group["name"], "Title of energy");
    assert_eq!(group["attributedTo"], "http://localhost/g/energy/moderators");
    assert_eq!(group["followers"], "http://localhost/g/energy/followers");
    assert!(group["summary"].as_str().unwrap_or_default().contains("<strong>it</strong>"));
    assert_eq!(group["attachment"][0]["value"], "Project group");
    assert_no_nulls(&group, "group");

    let (_, moderators) = activity_json(&app, "/g/energy/moderators").await;
    assert_eq!(moderators["orderedItems"][0], "http://localhost/u/ana");
    let (_, followers) = activity_json(&app, "/g/energy/followers").await;
    assert_eq!(followers["totalItems"], 0);

    let (_, instance) = activity_json(&app, "/actor").await;
    assert_eq!(instance["type"], "Application");
    assert_eq!(instance["id"], "http://localhost/actor");

    let (_, html) = app.get_html("/u/ana").await;
    assert!(html.contains("<!doctype html>"), "browsers still get the page");
    assert_eq!(activity_json(&app, "/u/nobody").await.0, StatusCode::NOT_FOUND);
    assert_eq!(activity_json(&app, "/u/energy").await.0, StatusCode::NOT_FOUND, "a group only at /g/");
    assert_eq!(activity_json(&app, "/g/ana").await.0, StatusCode::NOT_FOUND, "a person only at /u/");
}

pub async fn threads_and_replies_are_pages_and_notes(app: TestApp) {
    let ana = app.create_user("ana").await;
    let bob = app.create_user("bob").await;
    allmende::service::groups::create_group(&app.ctx, ana.id, group("energy", "discussion"))
        .await
        .expect("group");
    let opener = allmende::service::threads::create_thread(&app.ctx, &ana, "energy", thread("Heat pumps"))
        .await
        .expect("thread");
    let reply = allmende::service::posts::reply(
        &app.ctx,
        &bob,
        opener,
        allmende::service::posts::NewReply {
            body: "Yes, *please*".into(),
            language: Some("de".into()),
            content_warning: None,
            ..Default::default()
        },
    )
    .await
    .expect("reply");

    let (status, page) = activity_json(&app, &format!("/t/{}", opener.0)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(page["type"], "Page");
    assert_eq!(page["name"], "Heat pumps");
    assert_eq!(page["attributedTo"], "http://localhost/u/ana");
    assert_eq!(page["audience"], "http://localhost/g/energy");
    assert_eq!(page["to"][0], "https://www.w3.org/ns/activitystreams#Public");
    assert_eq!(page["cc"][0], "http://localhost/g/energy");
    assert_eq!(page["mediaType"], "text/html");
    assert_eq!(page["source"]["mediaType"], "text/markdown");
    assert_eq!(page["context"], format!("http://localhost/t/{}/context", opener.0));
    assert_no_nulls(&page, "page");

    let (_, note) = activity_json(&app, &format!("/p/{}", reply.0)).await;
    assert_eq!(note["type"], "Note");
    assert_eq!(note["inReplyTo"], format!("http://localhost/t/{}", opener.0));
    assert_eq!(note["contentMap"]["de"], note["content"]);
    assert!(note["content"].as_str().unwrap_or_default().contains("<em>please</em>"));
    assert_eq!(note["tag"][0]["type"], "Mention");
    assert_eq!(note["tag"][0]["href"], "http://localhost/u/ana");

    assert_eq!(
        activity_json(&app, &format!("/t/{}", reply.0)).await.0,
        StatusCode::NOT_FOUND,
        "replies only at /p/"
    );
    assert_eq!(
        activity_json(&app, &format!("/p/{}", opener.0)).await.0,
        StatusCode::NOT_FOUND,
        "openers only at /t/"
    );
    let (_, context) = activity_json(&app, &format!("/t/{}/context", opener.0)).await;
    assert_eq!(context["type"], "OrderedCollection");
    assert_eq!(context["totalItems"], 2);
    assert_eq!(context["first"], format!("http://localhost/t/{}/context?after=0", opener.0));
    let (_, first) = activity_json(&app, &format!("/t/{}/context?after=0", opener.0)).await;
    assert_eq!(first["type"], "OrderedCollectionPage");
    assert_eq!(first["orderedItems"][1], format!("http://localhost/p/{}", reply.0));

    let (_, outbox) = activity_json(&app, "/g/energy/outbox").await;
    assert_eq!(outbox["type"], "OrderedCollection");
    assert_eq!(outbox["totalItems"], 1, "{outbox}");
    assert_eq!(outbox["orderedItems"][0]["type"], "Create");
    assert_eq!(outbox["orderedItems"][0]["object"]["type"], "Page");
    let parsed: allmende::federation::protocol::OrderedCollectionJson =
        serde_json::from_value(outbox.clone()).expect("our outbox reads back");
    assert_eq!(parsed.items().len(), 1);

    allmende::service::posts::delete_post(&app.ctx, &bob, reply).await.expect("deleted");
    let (status, tombstone) = activity_json(&app, &format!("/p/{}", reply.0)).await;
    assert_eq!(status, StatusCode::GONE);
    assert_eq!(tombstone["type"], "Tombstone");
}

on_both_backends!(people_groups_and_the_instance_actor_negotiate, threads_and_replies_are_pages_and_notes);

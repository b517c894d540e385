//! Editing from an app: the text, the content warning and the language change, and each edit
//! keeps the version it replaced, so `history` lists every version oldest first, as Mastodon
//! apps show it. Remote edits (`Update`) that change the text are kept the same way.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::api_support::Api;
use crate::common::{TestApp, count_rows};
use crate::groups::group;
use crate::on_both_backends;
use crate::peer::Peer;

const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";

async fn put(app: &TestApp, api: &Api<'_>, id: &str, fields: &[(&str, &str)]) -> (StatusCode, Value) {
    let response = app
        .client
        .put(app.url(&format!("/api/v1/statuses/{id}")))
        .bearer_auth(&api.token)
        .form(fields)
        .send()
        .await
        .expect("PUT");
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

fn contents(history: &Value) -> Vec<String> {
    history
        .as_array()
        .expect("a list")
        .iter()
        .map(|version| version["content"].as_str().expect("content").to_owned())
        .collect()
}

pub async fn edits_keep_earlier_versions(app: TestApp) {
    let ana = app.create_user("ana").await;
    allmende::service::groups::create_group(&app.ctx, ana.id, group("energy", "discussion"))
        .await
        .expect("group");
    let api = Api::for_user(&app, "ana").await;
    let posted: Value = api
        .post_form(
            "/api/v1/statuses",
            &[("status", "@energy Heat pumps\nFirst draft."), ("spoiler_text", "Long")],
        )
        .await
        .json()
        .await
        .expect("status");
    let id = posted["id"].as_str().expect("id").to_owned();
    let history = api.get_json(&format!("/api/v1/statuses/{id}/history")).await;
    assert_eq!(history.as_array().map(Vec::len), Some(1), "an unedited status is its one version");

    app.clock.advance_seconds(60);
    let (status, edited) = put(
        &app,
        &api,
        &id,
        &[("status", "Heat pumps\nSecond draft."), ("spoiler_text", "Very long"), ("language", "de")],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{edited}");
    assert_eq!(edited["spoiler_text"], "Very long");
    assert_eq!(edited["language"], "de");
    assert!(edited["edited_at"].is_string());

    // Without `spoiler_text` the warning goes, as on Mastodon; the language stays.
    app.clock.advance_seconds(60);
    let (_, edited) = put(&app, &api, &id, &[("status", "Heat pumps\nFinal text.")]).await;
    assert_eq!(edited["spoiler_text"], "");
    assert_eq!(edited["sensitive"], false);
    assert_eq!(edited["language"], "de");

    let history = api.get_json(&format!("/api/v1/statuses/{id}/history")).await;
    let versions = contents(&history);
    assert_eq!(versions.len(), 3, "{history}");
    assert!(versions.iter().all(|c| c.starts_with("<p><strong>Heat pumps</strong></p>")), "{versions:?}");
    assert!(versions[0].contains("First draft"), "oldest first: {versions:?}");
    assert!(versions[1].contains("Second draft"));
    assert!(versions[2].contains("Final text"));
    assert_eq!(history[0]["spoiler_text"], "Long");
    assert_eq!(history[1]["spoiler_text"], "Very long");
    assert_eq!(history[0]["account"]["username"], "ana");
    assert!(history[0]["created_at"].as_str() < history[1]["created_at"].as_str());

    // A bad edit changes nothing and keeps no version.
    let (status, _) =
        put(&app, &api, &id, &[("status", "Heat pumps\nOops."), ("language", "Deutsch!")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(count_rows(&app, "post_revisions").await, 2);
    let current = api.get_json(&format!("/api/v1/statuses/{id}")).await;
    assert!(current["content"].as_str().unwrap_or_default().contains("Final text"));

    // Deleting the status deletes its earlier versions with its text.
    let deleted = app
        .client
        .delete(app.url(&format!("/api/v1/statuses/{id}")))
        .bearer_auth(&api.token)
        .send()
        .await
        .expect("DELETE");
    assert_eq!(deleted.status(), StatusCode::OK);
    assert_eq!(count_rows(&app, "post_revisions").await, 0);
}

pub async fn remote_edits_keep_earlier_versions(app: TestApp) {
    let ana = app.create_user("ana").await;
    allmende::service::groups::create_group(&app.ctx, ana.id, group("energy", "discussion"))
        .await
        .expect("group");
    let api = Api::for_user(&app, "ana").await;
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    let note = |content: &str, updated: Option<&str>| {
        let mut note = json!({"id": peer.url("/notes/1"), "type": "Note", "attributedTo": zoe,
            "content": content, "to": [PUBLIC], "cc": ["http://localhost/g/energy"],
            "tag": [{"type": "Mention", "href": "http://localhost/g/energy", "name": "@energy@localhost"}],
            "published": "2026-01-02T03:04:05Z"});
        if let Some(updated) = updated {
            note["updated"] = json!(updated);
        }
        note
    };
    let activity = |n: u32, kind: &str, object: Value| {
        json!({"@context": "https://www.w3.org/ns/activitystreams", "id": peer.url(&format!("/activities/{n}")),
            "type": kind, "actor": zoe, "to": [PUBLIC], "object": object})
    };
    let create = activity(1, "Create", note("<p>@energy Wind park</p><p>Version one.</p>", None));
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &create).await, StatusCode::ACCEPTED);
    let update = activity(
        2,
        "Update",
        note("<p>@energy Wind park</p><p>Version two.</p>", Some("2026-01-03T00:00:00Z")),
    );
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &update).await, StatusCode::ACCEPTED);
    // The same version again is no edit.
    let again = activity(
        3,
        "Update",
        note("<p>@energy Wind park</p><p>Version two.</p>", Some("2026-01-03T00:00:00Z")),
    );
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &again).await, StatusCode::ACCEPTED);

    let public = api.get_json("/api/v1/timelines/public").await;
    let id = public[0]["id"].as_str().expect("the thread is stored").to_owned();
    let history = api.get_json(&format!("/api/v1/statuses/{id}/history")).await;
    let versions = contents(&history);
    assert_eq!(versions.len(), 2, "{history}");
    assert!(versions[0].contains("Version one"), "{versions:?}");
    assert!(versions[1].contains("Version two"), "{versions:?}");
}

on_both_backends!(edits_keep_earlier_versions, remote_edits_keep_earlier_versions);

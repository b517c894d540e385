//! Editing a group: its owner, moderators and the instance's admins change its title,
//! description and declared languages on `/g/{name}/edit`; bad input is refused with the input
//! kept and nothing stored; others get 403. The change reaches remote followers as an
//! `Update{Group}` carrying the languages, the client API's account follows, and a remote
//! group's `Update` (Lemmy's shape) refreshes our copy of it.

use allmende::service::accounts::{self, NewAccount};
use allmende::service::remote::{self, RemoteActorKind};
use allmende::service::{federated, groups};
use reqwest::StatusCode;
use serde_json::json;

use crate::api_support::Api;
use crate::common::{PASSWORD, TestApp, location};
use crate::groups::group;
use crate::on_both_backends;
use crate::outbound::{drain, remote_actor};
use crate::peer::Peer;
use crate::sink::Sink;

const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";

fn settings<'a>(title: &'a str, description: &'a str, languages: &[&'a str]) -> Vec<(&'a str, &'a str)> {
    let mut fields = vec![("title", title), ("description", description)];
    fields.extend(languages.iter().map(|code| ("languages", *code)));
    fields
}

async fn stored_title(app: &TestApp, name: &str) -> String {
    federated::get_local_actor(&app.ctx, name).await.expect("group").display_name
}

pub async fn moderators_edit_their_group_and_others_are_refused(app: TestApp) {
    let ana = app.signed_in_user("ana").await;
    groups::create_group(&app.ctx, ana.id, group("energy", "discussion")).await.expect("group");
    let (_, page) = app.get_html("/g/energy").await;
    assert!(page.contains(r#"href="/g/energy/edit""#), "the owner sees the edit link: {page}");
    assert!(!page.contains("id=\"group-languages\""), "no languages declared yet");

    let (status, form) = app.get_html("/g/energy/edit").await;
    assert_eq!(status, StatusCode::OK);
    assert!(form.contains(r#"value="Title of energy""#) && form.contains("About **it**"), "{form}");
    assert!(form.contains(r#"name="languages" value="fi""#), "the six languages are offered");

    let response = app
        .post_form("/g/energy/edit", &settings("Energiewende Borken", "Wir *sparen*", &["de", "en"]))
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/g/energy");
    let (_, page) = app.get_html("/g/energy").await;
    assert!(page.contains("<h1>Energiewende Borken</h1>"), "{page}");
    assert!(page.contains("<em>sparen</em>"), "the description is rendered Markdown");
    assert!(page.contains("Languages: English, Deutsch"), "declared languages in their own names: {page}");

    // Bad input: a clear error per field, the input kept, nothing stored.
    let response = app.post_form("/g/energy/edit", &settings("", "Kept <b>text</b>", &["de", "fr"])).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let refused = response.text().await.expect("body");
    assert!(
        refused.contains("id=\"title-error\"") && refused.contains("id=\"languages-error\""),
        "{refused}"
    );
    assert!(refused.contains("Kept &#60;b&#62;text&#60;/b&#62;"), "the description typed is kept: {refused}");
    assert!(refused.contains(r#"value="de" lang="de" checked"#), "chosen languages stay chosen");
    assert_eq!(stored_title(&app, "energy").await, "Energiewende Borken");
    let too_long = "x".repeat(101);
    let response = app.post_form("/g/energy/edit", &settings(&too_long, "", &[])).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(stored_title(&app, "energy").await, "Energiewende Borken");

    // Without the CSRF token: refused.
    let response = app
        .client
        .post(app.url("/g/energy/edit"))
        .form(&settings("Forged", "", &[]))
        .send()
        .await
        .expect("POST");
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(stored_title(&app, "energy").await, "Energiewende Borken");

    // Another member: no link, 403 on the form and on saving.
    assert_eq!(app.post_form("/logout", &[]).await.status(), StatusCode::SEE_OTHER);
    app.signed_in_user("bob").await;
    let (_, page) = app.get_html("/g/energy").await;
    assert!(!page.contains(r#"href="/g/energy/edit""#));
    assert_eq!(app.get("/g/energy/edit").await.status(), StatusCode::FORBIDDEN);
    let response = app.post_form("/g/energy/edit", &settings("Taken over", "", &[])).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(stored_title(&app, "energy").await, "Energiewende Borken");
    assert_eq!(app.get("/g/nowhere/edit").await.status(), StatusCode::NOT_FOUND);

    // An admin may.
    assert_eq!(app.post_form("/logout", &[]).await.status(), StatusCode::SEE_OTHER);
    accounts::create_account(
        &app.ctx,
        NewAccount { username: "coordinator".into(), email: None, password: PASSWORD.into(), admin: true },
    )
    .await
    .expect("admin");
    app.sign_in("coordinator").await;
    let response = app.post_form("/g/energy/edit", &settings("Energy (moderated)", "", &[])).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(stored_title(&app, "energy").await, "Energy (moderated)");
}

/// The edit goes to the group's remote followers as `Update{Group}` (the whole actor document,
/// with Lemmy's `language` list), to the shared inbox; the client API shows the new account.
pub async fn an_edit_reaches_followers_and_the_client_api(app: TestApp) {
    let sink = Sink::start().await;
    let ana = app.signed_in_user("ana").await;
    groups::create_group(&app.ctx, ana.id, group("energy", "project")).await.expect("group");
    let group_id = federated::get_local_actor(&app.ctx, "energy").await.expect("group actor").id;
    let zoe = remote_actor(
        &app,
        &sink,
        RemoteActorKind::Person,
        "users",
        "zoe",
        "/users/zoe/inbox",
        Some("/inbox"),
    )
    .await;
    let follow = format!("{}/follows/1", sink.base_url);
    remote::accept_remote_follow(&app.ctx, zoe, group_id, &follow).await.expect("follow");
    drain(&app).await;
    let seen = sink.received().len();

    let response =
        app.post_form("/g/energy/edit", &settings("Energi i Borås", "Vi *sparar*", &["sv", "fi"])).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    drain(&app).await;
    let sent: Vec<_> =
        sink.received().into_iter().skip(seen).filter(|r| (200..300).contains(&r.status)).collect();
    assert_eq!(sent.len(), 1, "one Update to the follower's server");
    assert_eq!(sent[0].uri.path(), "/inbox", "delivered to the shared inbox");
    let update: serde_json::Value = serde_json::from_slice(&sent[0].body).expect("JSON");
    assert_eq!(update["type"], "Update");
    assert_eq!(update["actor"], app.state.uris.group("energy"));
    let document = &update["object"];
    assert_eq!(document["type"], "Group");
    assert_eq!(document["id"], app.state.uris.group("energy"));
    assert_eq!(document["name"], "Energi i Borås");
    assert_eq!(document["source"]["content"], "Vi *sparar*");
    assert_eq!(
        document["language"],
        json!([{"identifier": "sv", "name": "Svenska"}, {"identifier": "fi", "name": "Suomi"}])
    );
    // The actor document served at the group's id says the same.
    let served: serde_json::Value = app
        .client
        .get(app.url("/g/energy"))
        .header("Accept", "application/activity+json")
        .send()
        .await
        .expect("GET")
        .json()
        .await
        .expect("JSON");
    assert_eq!(served["language"], document["language"]);

    let api = Api::for_user(&app, "ana").await;
    let account = api.get_json("/api/v1/accounts/lookup?acct=energy").await;
    assert_eq!(account["display_name"], "Energi i Borås");
    assert!(account["note"].as_str().is_some_and(|note| note.contains("<em>sparar</em>")), "{account}");
    assert_eq!(account["group"], true);
}

/// A remote group's `Update` of itself, in Lemmy's shape (`language` list), refreshes its title,
/// description and languages here.
pub async fn a_remote_groups_update_refreshes_our_copy(app: TestApp) {
    let mut peer = Peer::start().await;
    let main = peer.add_actor("main", "Group");
    let ana = app.signed_in_user("ana").await;
    let host = peer.base_url.trim_start_matches("http://").to_owned();
    let path = format!("/g/main@{host}");
    let mut document = peer.document(&main).expect("the group's document");
    document["name"] = json!("The Updated Community");
    document["summary"] = json!("<p>updated 2</p>\n<script>alert(1)</script>");
    document["language"] =
        json!([{"identifier": "fr", "name": "Français"}, {"identifier": "de", "name": "Deutsch"}]);
    let update = json!({"@context": "https://www.w3.org/ns/activitystreams",
        "id": peer.url("/activities/update/1"), "type": "Update", "actor": main,
        "to": [PUBLIC], "cc": [main], "object": document});
    assert_eq!(peer.deliver(&main, &app.url("/inbox"), &update).await, StatusCode::ACCEPTED);
    let (status, page) = app.get_html(&path).await;
    assert_eq!(status, StatusCode::OK, "{path}");
    assert!(page.contains("The Updated Community") && page.contains("updated 2"), "{page}");
    assert!(!page.contains("<script>alert"), "sanitised");
    assert!(page.contains("Languages: Deutsch, fr"), "{page}");
    assert!(!page.contains(&format!(r#"href="{path}/edit""#)), "remote groups are not edited here");
    assert_eq!(app.get(&format!("{path}/edit")).await.status(), StatusCode::NOT_FOUND);

    // An Update of the group by someone else is refused and changes nothing.
    let mallory = peer.add_actor("mallory", "Person");
    let mut forged = peer.document(&main).expect("document");
    forged["name"] = json!("Taken over");
    let update = json!({"@context": "https://www.w3.org/ns/activitystreams",
        "id": peer.url("/activities/update/2"), "type": "Update", "actor": mallory,
        "to": [PUBLIC], "object": forged});
    assert_eq!(peer.deliver(&mallory, &app.url("/inbox"), &update).await, StatusCode::FORBIDDEN);
    let (_, page) = app.get_html(&path).await;
    assert!(page.contains("The Updated Community") && !page.contains("Taken over"));
    drop(ana);
}

on_both_backends!(
    moderators_edit_their_group_and_others_are_refused,
    an_edit_reaches_followers_and_the_client_api,
    a_remote_groups_update_refreshes_our_copy
);

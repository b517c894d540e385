//! Instance-level moderation: admins suspend and silence accounts (web and Mastodon admin API),
//! and block instances, which hides what was stored from them, ends follows, and is published
//! with its reason on `/about`.

use allmende::service::accounts::NewAccount;
use allmende::service::{CurrentUser, groups, threads};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::api_support::{Api, token_for};
use crate::common::{PASSWORD, TestApp, count_rows};
use crate::groups::{group, thread};
use crate::on_both_backends;
use crate::peer::Peer;

const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";
const AS: &str = "https://www.w3.org/ns/activitystreams";

async fn admin(app: &TestApp) -> CurrentUser {
    allmende::service::accounts::create_account(
        &app.ctx,
        NewAccount { username: "coord".into(), email: None, password: PASSWORD.into(), admin: true },
    )
    .await
    .expect("admin")
}

/// The titles the public timeline shows.
async fn public_titles(app: &TestApp) -> Vec<String> {
    let statuses: Value = app.get("/api/v1/timelines/public").await.json().await.expect("timeline JSON");
    statuses
        .as_array()
        .expect("a list")
        .iter()
        .map(|status| status["content"].as_str().unwrap_or_default().to_owned())
        .collect()
}

async fn shows(app: &TestApp, text: &str) -> bool {
    public_titles(app).await.iter().any(|content| content.contains(text))
}

/// An admin suspends ana from `/admin/accounts/{id}` with a reason: her token and session stop
/// working, sign-in tells her why, her profile and thread disappear. Lifting the suspension
/// brings everything back. A member cannot reach the admin pages.
pub async fn an_admin_suspends_and_restores_a_local_account(app: TestApp) {
    admin(&app).await;
    let ana = app.create_user("ana").await;
    groups::create_group(&app.ctx, ana.id, group("energy", "discussion")).await.expect("group");
    threads::create_thread(&app.ctx, &ana, "energy", thread("Heat pumps")).await.expect("thread");
    let ana_api = Api::for_user(&app, "ana").await;
    assert!(shows(&app, "Heat pumps").await);

    app.sign_in("ana").await;
    let ana_session = app.cookie("allmende_session").expect("ana's session");
    let (status, _) = app.get_html("/admin/accounts").await;
    assert_eq!(status, StatusCode::FORBIDDEN, "members do not see the admin pages");

    app.sign_in("coord").await;
    let (status, page) = app.get_html("/admin/accounts").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(&format!("/admin/accounts/{}", ana.id.0)), "ana is listed");
    let suspended = app
        .post_form(
            &format!("/admin/accounts/{}/action", ana.id.0),
            &[("action", "suspend"), ("reason", "Spam links")],
        )
        .await;
    assert_eq!(suspended.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.get_html(&format!("/admin/accounts/{}", ana.id.0)).await;
    assert!(page.contains("suspended") && page.contains("Spam links"), "the admin page shows the suspension");

    let verify = ana_api.get("/api/v1/accounts/verify_credentials").await;
    assert_eq!(verify.status(), StatusCode::UNAUTHORIZED, "her token is revoked");
    let settings = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
        .get(app.url("/settings/profile"))
        .header("cookie", format!("allmende_session={ana_session}"))
        .send()
        .await
        .expect("settings");
    assert_ne!(settings.status(), StatusCode::OK, "her session ended");
    let again = app.post_form("/login", &[("username", "ana"), ("password", PASSWORD)]).await;
    assert_eq!(again.status(), StatusCode::FORBIDDEN);
    assert!(again.text().await.expect("page").contains("Spam links"), "sign-in says why");
    assert_eq!(app.get("/u/ana").await.status(), StatusCode::NOT_FOUND, "profile hidden");
    assert!(!shows(&app, "Heat pumps").await, "her thread is hidden");
    let (_, group_page) = app.get_html("/g/energy").await;
    assert!(!group_page.contains("Heat pumps"), "hidden on the group page too");

    let lifted =
        app.post_form(&format!("/admin/accounts/{}/action", ana.id.0), &[("action", "unsuspend")]).await;
    assert_eq!(lifted.status(), StatusCode::SEE_OTHER);
    assert!(shows(&app, "Heat pumps").await, "her thread is back");
    assert_eq!(app.get("/u/ana").await.status(), StatusCode::OK);
    app.sign_in("ana").await;
}

/// The admin API: listing, an account, suspend and silence with `text`, unsuspend and
/// unsilence. A remote person's activities are dropped while suspended; a silenced one stays
/// out of the public timeline. Members and tokens without the admin scope are refused.
pub async fn the_admin_api_suspends_and_silences_remote_people(app: TestApp) {
    admin(&app).await;
    let ana = app.create_user("ana").await;
    groups::create_group(&app.ctx, ana.id, group("energy", "discussion")).await.expect("group");
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    let energy = app.state.uris.absolute("/g/energy");
    let create = |n: u32, text: &str| {
        json!({"@context": AS, "id": peer.url(&format!("/creates/{n}")), "type": "Create", "actor": zoe,
            "to": [PUBLIC, energy], "object": {"id": peer.url(&format!("/notes/{n}")), "type": "Note",
            "attributedTo": zoe, "content": format!("<p>{text}</p>"), "to": [PUBLIC, energy],
            "tag": [{"type": "Mention", "href": energy}]}})
    };
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &create(1, "Wind farms")).await, StatusCode::ACCEPTED);
    assert!(shows(&app, "Wind farms").await);
    let zoe_id =
        allmende::service::remote::known_actor(&app.ctx, &zoe).await.expect("lookup").expect("zoe").0;

    let member = Api { app: &app, token: token_for(&app, "ana", "read write").await };
    assert_eq!(member.get("/api/v1/admin/accounts").await.status(), StatusCode::FORBIDDEN);
    let root = Api { app: &app, token: token_for(&app, "coord", "read write admin:read admin:write").await };
    let without_scope = Api { app: &app, token: token_for(&app, "coord", "read write").await };
    assert_eq!(without_scope.get("/api/v1/admin/accounts").await.status(), StatusCode::FORBIDDEN);

    let listed = root.get_json("/api/v1/admin/accounts?remote=true").await;
    let listed = listed.as_array().expect("a list");
    assert_eq!(listed.len(), 1, "only zoe is remote: {listed:?}");
    assert_eq!(listed[0]["username"], "zoe");
    assert_eq!(listed[0]["domain"], peer.base_url.trim_start_matches("http://"));
    assert_eq!(listed[0]["suspended"], false);
    let local = root.get_json("/api/v1/admin/accounts?local=true").await;
    assert_eq!(local.as_array().expect("a list").len(), 2, "ana and root");

    let path = format!("/api/v1/admin/accounts/{}", zoe_id.0);
    let silence = root.post_form(&format!("{path}/action"), &[("type", "silence"), ("text", "loud")]).await;
    assert_eq!(silence.status(), StatusCode::OK);
    assert_eq!(root.get_json(&path).await["silenced"], true);
    assert!(!shows(&app, "Wind farms").await, "a silenced account stays out of the public timeline");
    let unsilence = root.post_form(&format!("{path}/unsilence"), &[]).await;
    assert_eq!(unsilence.status(), StatusCode::OK);
    assert!(shows(&app, "Wind farms").await);

    let suspend = root.post_form(&format!("{path}/action"), &[("type", "suspend"), ("text", "spam")]).await;
    assert_eq!(suspend.status(), StatusCode::OK);
    assert_eq!(root.get_json(&path).await["suspended"], true);
    assert!(!shows(&app, "Wind farms").await, "a suspended account's posts are hidden");
    let posts = count_rows(&app, "posts").await;
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &create(2, "More wind")).await, StatusCode::ACCEPTED);
    assert_eq!(count_rows(&app, "posts").await, posts, "its activities are dropped");
    let bad = root.post_form(&format!("{path}/action"), &[("type", "disable")]).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let unsuspend = root.post_form(&format!("{path}/unsuspend"), &[]).await;
    assert_eq!(unsuspend.status(), StatusCode::OK);
    assert!(shows(&app, "Wind farms").await, "back after the suspension is lifted");
}

/// Blocking an instance through the admin API: its people's posts are hidden, follows in both
/// directions end, and `/about` and the public domain block list name it with the public
/// reason. Deleting the block shows the posts again.
pub async fn an_instance_block_hides_ends_follows_and_is_published(app: TestApp) {
    admin(&app).await;
    let ana = app.create_user("ana").await;
    groups::create_group(&app.ctx, ana.id, group("energy", "discussion")).await.expect("group");
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    let energy = app.state.uris.absolute("/g/energy");
    let follow = json!({"@context": AS, "id": peer.url("/follows/1"), "type": "Follow", "actor": zoe, "object": energy});
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &follow).await, StatusCode::ACCEPTED);
    let note = json!({"@context": AS, "id": peer.url("/creates/1"), "type": "Create", "actor": zoe,
        "to": [PUBLIC, energy], "object": {"id": peer.url("/notes/1"), "type": "Note", "attributedTo": zoe,
        "content": "<p>Solar roofs</p>", "to": [PUBLIC, energy], "tag": [{"type": "Mention", "href": energy}]}});
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &note).await, StatusCode::ACCEPTED);
    assert!(shows(&app, "Solar roofs").await);
    assert_eq!(count_rows(&app, "follows").await, 1);

    let root = Api { app: &app, token: token_for(&app, "coord", "read write admin:read admin:write").await };
    let refused = root.post_form("/api/v1/admin/domain_blocks", &[("domain", "a/b")]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY, "not a host name");
    let blocked = root
        .post_form(
            "/api/v1/admin/domain_blocks",
            &[("domain", "127.0.0.1"), ("public_comment", "Harassment"), ("private_comment", "ticket 7")],
        )
        .await;
    assert_eq!(blocked.status(), StatusCode::OK);
    let block: Value = blocked.json().await.expect("block JSON");
    assert_eq!(block["domain"], "127.0.0.1");
    assert_eq!(block["severity"], "suspend");
    assert_eq!(block["public_comment"], "Harassment");
    assert_eq!(block["private_comment"], "ticket 7");

    assert!(!shows(&app, "Solar roofs").await, "what came from the blocked instance is hidden");
    assert_eq!(count_rows(&app, "follows").await, 0, "follows ended");
    let (status, about) = app.get_html("/about").await;
    assert_eq!(status, StatusCode::OK);
    assert!(about.contains("127.0.0.1") && about.contains("Harassment"), "published with its reason");
    assert!(!about.contains("ticket 7"), "the private comment stays private");
    let public: Value = app.get("/api/v1/instance/domain_blocks").await.json().await.expect("JSON");
    assert_eq!(public[0]["domain"], "127.0.0.1");
    assert_eq!(public[0]["comment"], "Harassment");
    let listed = root.get_json("/api/v1/admin/domain_blocks").await;
    assert_eq!(listed.as_array().expect("a list").len(), 1);

    let id = block["id"].as_str().expect("id");
    let lifted = root
        .app
        .client
        .delete(app.url(&format!("/api/v1/admin/domain_blocks/{id}")))
        .bearer_auth(&root.token)
        .send()
        .await
        .expect("DELETE");
    assert_eq!(lifted.status(), StatusCode::OK);
    assert!(shows(&app, "Solar roofs").await, "shown again once the block is lifted");
    let (_, about) = app.get_html("/about").await;
    assert!(!about.contains("Harassment"));
}

/// A local account deleted for good by an admin (web form, with its box ticked; no suspension
/// first): its posts are deleted, its follows end, sign-in finds nothing, the modlog says so, and
/// the instance following it gets a `Delete` of the actor signed by it. Admins are not offered
/// for deletion and cannot be deleted.
pub async fn a_deleted_account_is_gone_and_its_followers_are_told(app: TestApp) {
    use allmende::service::remote::{self, RemoteActorKind};
    let coord = admin(&app).await;
    let ana = app.create_user("ana").await;
    groups::create_group(&app.ctx, coord.id, group("energy", "discussion")).await.expect("group");
    let heat = threads::create_thread(&app.ctx, &ana, "energy", thread("Heat pumps")).await.expect("thread");
    let sink = crate::sink::Sink::start().await;
    let zoe =
        crate::outbound::remote_actor(&app, &sink, RemoteActorKind::Person, "users", "zoe", "/inbox", None)
            .await;
    remote::accept_remote_follow(&app.ctx, zoe, ana.id, &format!("{}/follows/1", sink.base_url))
        .await
        .expect("follow");
    crate::outbound::drain(&app).await;
    let seen = sink.accepted().len();

    app.sign_in("coord").await;
    let path = format!("/admin/accounts/{}", ana.id.0);
    let own = format!("/admin/accounts/{}", coord.id.0);
    let (_, page) = app.get_html(&own).await;
    assert!(!page.contains(&format!("{own}/delete")), "an admin is not offered for deletion");
    let refused = app.post_form(&format!("{own}/delete"), &[("confirm", "yes")]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY, "nor deleted");
    let (_, page) = app.get_html(&path).await;
    assert!(page.contains(&format!("{path}/delete")), "an active member can be deleted: {page}");
    assert!(page.contains(r#"<label for="delete-reason">"#), "{page}");
    let unticked = app.post_form(&format!("{path}/delete"), &[("reason", "spam")]).await;
    assert_eq!(unticked.status(), StatusCode::UNPROCESSABLE_ENTITY, "the box must be ticked");
    let post = allmende::service::federated::get_post(&app.ctx, heat).await.expect("post");
    assert!(!post.deleted, "nothing happened without the box");
    let deleted =
        app.post_form(&format!("{path}/delete"), &[("confirm", "yes"), ("reason", "spam bot")]).await;
    assert_eq!(deleted.status(), StatusCode::SEE_OTHER);
    let (_, modlog) = app.get_html("/modlog").await;
    assert!(modlog.contains("Account deleted") && modlog.contains("spam bot"), "{modlog}");

    let post = allmende::service::federated::get_post(&app.ctx, heat).await.expect("post");
    assert!(post.deleted && post.content_html.is_empty(), "her posts are deleted");
    assert_eq!(count_rows(&app, "follows").await, 0, "her follows ended");
    let login = app.post_form("/login", &[("username", "ana"), ("password", PASSWORD)]).await;
    assert_eq!(login.status(), StatusCode::UNAUTHORIZED, "nothing to sign in to");
    let taken = allmende::service::accounts::create_account(
        &app.ctx,
        NewAccount { username: "ana".into(), email: None, password: PASSWORD.into(), admin: false },
    )
    .await;
    assert!(taken.is_err(), "the name stays taken");

    crate::outbound::drain(&app).await;
    let sent = crate::outbound::new_bodies(&sink, seen);
    let ana_url = app.state.uris.absolute("/u/ana");
    let delete =
        sent.iter().find(|body| body["type"] == "Delete").unwrap_or_else(|| panic!("a Delete: {sent:?}"));
    assert_eq!(delete["actor"], ana_url.as_str());
    assert_eq!(delete["object"], ana_url.as_str(), "Mastodon's shape: the object is the actor");
}

on_both_backends!(
    a_deleted_account_is_gone_and_its_followers_are_told,
    an_admin_suspends_and_restores_a_local_account,
    the_admin_api_suspends_and_silences_remote_people,
    an_instance_block_hides_ends_follows_and_is_published
);

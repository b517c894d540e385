//! Members protect themselves through the Mastodon API: blocks, mutes (with notifications and
//! an expiry) and domain blocks set the relationship flags, fill the lists with `Link` paging,
//! and take the people out of timelines, contexts, notifications and account search.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::api_support::Api;
use crate::common::{TestApp, count_rows};
use crate::groups::{group, thread};
use crate::on_both_backends;
use allmende::domain::ActorId;
use allmende::service::posts::{self, NewReply};
use allmende::service::remote::{self, RemoteActor, RemoteActorKind};
use allmende::service::{CurrentUser, follows, groups, threads};

fn reply(body: &str) -> NewReply {
    NewReply { body: body.into(), language: None, content_warning: None, ..Default::default() }
}

/// A remote person known here, on `host` (no server behind it: nothing is fetched).
pub(crate) async fn stored_remote_person(app: &TestApp, host: &str, name: &str) -> ActorId {
    remote::store_remote_actor(
        &app.ctx,
        RemoteActor {
            ap_id: format!("https://{host}/users/{name}"),
            host: host.into(),
            kind: RemoteActorKind::Person,
            name: name.into(),
            display_name: name.into(),
            summary_html: String::new(),
            inbox: format!("https://{host}/users/{name}/inbox"),
            shared_inbox: None,
            followers: None,
            public_key_pem: allmende::service::instance::generate_key_pair().expect("key pair").0,
            group_kind: None,
            avatar: None,
            header: None,
            extras: Default::default(),
        },
    )
    .await
    .expect("remote actor stored")
}

async fn relationship(api: &Api<'_>, id: ActorId) -> Value {
    let found = api.get_json(&format!("/api/v1/accounts/relationships?id[]={}", id.0)).await;
    found[0].clone()
}

fn ids(list: &Value) -> Vec<String> {
    list.as_array().expect("list").iter().map(|a| a["id"].as_str().unwrap_or_default().to_owned()).collect()
}

pub async fn blocks_and_mutes_show_in_relationships_and_lists(app: TestApp) {
    let ana = app.create_user("ana").await;
    let bob = app.create_user("bob").await;
    let cid = app.create_user("cid").await;
    let dan = app.create_user("dan").await;
    let api = Api::for_user(&app, "ana").await;

    let blocked: Value =
        api.post_form(&format!("/api/v1/accounts/{}/block", bob.id.0), &[]).await.json().await.unwrap();
    assert_eq!(blocked["id"], bob.id.0.to_string());
    assert_eq!(blocked["blocking"], true);
    assert_eq!(blocked["muting"], false);
    let muted: Value = api
        .post_json(
            &format!("/api/v1/accounts/{}/mute", cid.id.0),
            json!({"notifications": false, "duration": 60}),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!((muted["muting"].clone(), muted["muting_notifications"].clone()), (json!(true), json!(false)));
    assert_eq!(muted["blocking"], false);
    let muted_too: Value =
        api.post_form(&format!("/api/v1/accounts/{}/mute", dan.id.0), &[]).await.json().await.unwrap();
    assert_eq!(muted_too["muting_notifications"], true, "Mastodon's default hides notifications too");

    // bob sees that ana blocks him.
    let bob_api = Api::for_user(&app, "bob").await;
    let seen_by_bob = relationship(&bob_api, ana.id).await;
    assert_eq!(seen_by_bob["blocked_by"], true);
    assert_eq!(seen_by_bob["blocking"], false);

    assert_eq!(ids(&api.get_json("/api/v1/blocks").await), vec![bob.id.0.to_string()]);
    assert_eq!(ids(&api.get_json("/api/v1/mutes").await), vec![dan.id.0.to_string(), cid.id.0.to_string()]);

    // Paging: the newest mute first, the next page through the Link header.
    let first = api.get("/api/v1/mutes?limit=1").await;
    let link = first.headers()["link"].to_str().unwrap().to_owned();
    assert_eq!(ids(&first.json::<Value>().await.unwrap()), vec![dan.id.0.to_string()]);
    let next = link.split(">; rel=\"next\"").next().unwrap().trim_start_matches('<').to_owned();
    let next_path = next.strip_prefix(&app.state.uris.absolute("")).unwrap_or(&next).to_owned();
    assert_eq!(ids(&api.get_json(&next_path).await), vec![cid.id.0.to_string()]);

    // The one-minute mute runs out by itself.
    app.clock.advance_seconds(61);
    assert_eq!(relationship(&api, cid.id).await["muting"], false);
    assert_eq!(ids(&api.get_json("/api/v1/mutes").await), vec![dan.id.0.to_string()]);

    let unblocked: Value =
        api.post_form(&format!("/api/v1/accounts/{}/unblock", bob.id.0), &[]).await.json().await.unwrap();
    assert_eq!(unblocked["blocking"], false);
    let unmuted: Value =
        api.post_form(&format!("/api/v1/accounts/{}/unmute", dan.id.0), &[]).await.json().await.unwrap();
    assert_eq!(unmuted["muting"], false);
    assert_eq!(api.get_json("/api/v1/blocks").await, json!([]));
    assert_eq!(api.get_json("/api/v1/mutes").await, json!([]));

    // Not oneself, and not without the scope.
    let own = api.post_form(&format!("/api/v1/accounts/{}/block", ana.id.0), &[]).await;
    assert_eq!(own.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let reader = Api { app: &app, token: crate::api_support::token_for(&app, "ana", "read").await };
    let refused = reader.post_form(&format!("/api/v1/accounts/{}/block", bob.id.0), &[]).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(count_rows(&app, "member_blocks").await, 0);
}

pub async fn domain_blocks_are_normalised_listed_and_lifted(app: TestApp) {
    app.create_user("ana").await;
    let api = Api::for_user(&app, "ana").await;
    let zoe = stored_remote_person(&app, "a.evil.example:8443", "zoe").await;
    let max = stored_remote_person(&app, "notevil.example", "max").await;

    let found = api.get_json("/api/v1/accounts/search?q=zo").await;
    assert_eq!(ids(&found), vec![zoe.0.to_string()]);
    let response = api.post_form("/api/v1/domain_blocks", &[("domain", "Evil.EXAMPLE:443")]).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(api.get_json("/api/v1/domain_blocks").await, json!(["evil.example"]));
    assert_eq!(relationship(&api, zoe).await["domain_blocking"], true, "subdomains and other ports too");
    assert_eq!(relationship(&api, max).await["domain_blocking"], false);
    assert_eq!(api.get_json("/api/v1/accounts/search?q=zo").await, json!([]), "people there are not found");
    assert_eq!(ids(&api.get_json("/api/v1/accounts/search?q=ma").await), vec![max.0.to_string()]);

    for bad in ["", "evil example", "%.example"] {
        let refused = api.post_form("/api/v1/domain_blocks", &[("domain", bad)]).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY, "{bad:?}");
    }
    let own = api.post_form("/api/v1/domain_blocks", &[("domain", "localhost")]).await;
    assert_eq!(own.status(), StatusCode::UNPROCESSABLE_ENTITY, "not our own domain");

    let lifted = app
        .client
        .delete(app.url("/api/v1/domain_blocks?domain=evil.example"))
        .bearer_auth(&api.token)
        .send()
        .await
        .unwrap();
    assert_eq!(lifted.status(), StatusCode::OK);
    assert_eq!(api.get_json("/api/v1/domain_blocks").await, json!([]));
    assert_eq!(relationship(&api, zoe).await["domain_blocking"], false);
}

/// ana follows `energy`; bob, cid and ana write there.
async fn busy_group(app: &TestApp) -> (CurrentUser, CurrentUser, CurrentUser) {
    let ana = app.create_user("ana").await;
    let bob = app.create_user("bob").await;
    let cid = app.create_user("cid").await;
    groups::create_group(&app.ctx, ana.id, group("energy", "discussion")).await.expect("group");
    follows::follow_group(&app.ctx, &ana, "energy").await.expect("follow");
    (ana, bob, cid)
}

/// The text of each status (of the boosted status for a boost).
fn contents(list: &Value) -> Vec<String> {
    let text = |s: &Value| {
        let inner = if s["reblog"].is_object() { &s["reblog"] } else { s };
        inner["content"].as_str().unwrap_or_default().to_owned()
    };
    list.as_array().expect("list").iter().map(text).collect()
}

pub async fn timelines_contexts_and_search_leave_out_blocked_and_muted_people(app: TestApp) {
    let (ana, bob, cid) = busy_group(&app).await;
    let opener =
        threads::create_thread(&app.ctx, &ana, "energy", thread("Solar #sun")).await.expect("thread");
    posts::reply(&app.ctx, &bob, opener, reply("bob says #sun")).await.expect("reply");
    posts::reply(&app.ctx, &cid, opener, reply("cid says #sun")).await.expect("reply");
    for i in 0..3 {
        posts::reply(&app.ctx, &ana, opener, reply(&format!("ana says {i} #sun"))).await.expect("reply");
    }
    let api = Api::for_user(&app, "ana").await;
    let before = contents(&api.get_json("/api/v1/timelines/home").await);
    assert!(before.iter().any(|c| c.contains("bob says")) && before.iter().any(|c| c.contains("cid says")));

    api.post_form(&format!("/api/v1/accounts/{}/block", bob.id.0), &[]).await;
    api.post_form(&format!("/api/v1/accounts/{}/mute", cid.id.0), &[]).await;
    for path in [
        "/api/v1/timelines/home",
        "/api/v1/timelines/public",
        "/api/v1/timelines/public?local=true",
        "/api/v1/timelines/tag/sun",
    ] {
        let shown = contents(&api.get_json(path).await);
        assert!(!shown.is_empty(), "{path}");
        assert!(
            shown.iter().all(|c| !c.contains("bob says") && !c.contains("cid says")),
            "{path}: {shown:?}"
        );
    }
    // A page of two is still two visible posts: the filter is in the query, not after it.
    let page = contents(&api.get_json("/api/v1/timelines/public?limit=2").await);
    assert_eq!(page.len(), 2, "{page:?}");
    let newest_two = contents(&api.get_json("/api/v1/timelines/home?limit=2").await);
    assert!(newest_two[0].contains("ana says 2") && newest_two[1].contains("ana says 1"), "{newest_two:?}");

    // The group's statuses are its shares of threads: not of the blocked person's thread.
    threads::create_thread(&app.ctx, &bob, "energy", thread("Bob's wind idea")).await.expect("thread");
    let group_id = allmende::service::federated::get_local_actor(&app.ctx, "energy").await.expect("group").id;
    let shared = contents(&api.get_json(&format!("/api/v1/accounts/{}/statuses", group_id.0)).await);
    assert!(shared.iter().all(|c| !c.contains("wind idea")), "{shared:?}");
    let shared_for_cid = contents(
        &Api::for_user(&app, "cid")
            .await
            .get_json(&format!("/api/v1/accounts/{}/statuses", group_id.0))
            .await,
    );
    assert!(shared_for_cid.iter().any(|c| c.contains("wind idea")), "{shared_for_cid:?}");

    let context = api.get_json(&format!("/api/v1/statuses/{}/context", opener.0)).await;
    let descendants = contents(&context["descendants"]);
    assert_eq!(descendants.len(), 3, "only ana's replies: {descendants:?}");

    // Someone else still sees everything.
    let other = Api::for_user(&app, "bob").await;
    let theirs = contents(&other.get_json("/api/v1/timelines/public").await);
    assert!(theirs.iter().any(|c| c.contains("cid says")));

    let search = api.get_json("/api/v2/search?q=bo&type=accounts").await;
    assert_eq!(search["accounts"], json!([]), "a blocked person is not found");
    let found = other.get_json("/api/v1/accounts/search?q=ci").await;
    assert_eq!(ids(&found), vec![cid.id.0.to_string()]);
}

pub async fn notifications_from_blocked_and_silenced_people_disappear(app: TestApp) {
    let (ana, bob, cid) = busy_group(&app).await;
    let opener =
        threads::create_thread(&app.ctx, &ana, "energy", thread("Heat pumps")).await.expect("thread");
    posts::reply(&app.ctx, &bob, opener, reply("@ana early reply")).await.expect("reply");
    posts::reply(&app.ctx, &cid, opener, reply("@ana cid early")).await.expect("reply");
    let api = Api::for_user(&app, "ana").await;
    let senders = |listed: Value| {
        let mut from: Vec<String> = listed
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["account"]["id"].as_str().unwrap().to_owned())
            .collect();
        from.sort();
        from.dedup();
        from
    };
    let mut both = vec![bob.id.0.to_string(), cid.id.0.to_string()];
    both.sort();
    assert_eq!(senders(api.get_json("/api/v1/notifications").await), both);

    api.post_form(&format!("/api/v1/accounts/{}/block", bob.id.0), &[]).await;
    api.post_json(&format!("/api/v1/accounts/{}/mute", cid.id.0), json!({"notifications": false})).await;
    let from = senders(api.get_json("/api/v1/notifications").await);
    assert_eq!(from, vec![cid.id.0.to_string()], "a mute without notifications keeps them");
    let unread = api.get_json("/api/v1/notifications/unread_count").await;
    let listed = api.get_json("/api/v1/notifications").await.as_array().unwrap().len();
    assert_eq!(unread["count"], json!(listed), "the unread count agrees with the list");

    // New mentions from the blocked person are not even stored.
    let stored = count_rows(&app, "notifications").await;
    posts::reply(&app.ctx, &bob, opener, reply("@ana are you there?")).await.expect("reply");
    assert_eq!(count_rows(&app, "notifications").await, stored, "a blocked person's mention is silent");
    // Muting with notifications hides cid's too.
    api.post_json(&format!("/api/v1/accounts/{}/mute", cid.id.0), json!({"notifications": true})).await;
    assert_eq!(api.get_json("/api/v1/notifications").await, json!([]));
}

pub async fn blocking_ends_follows_and_the_blocked_cannot_follow(app: TestApp) {
    let ana = app.create_user("ana").await;
    let bob = app.create_user("bob").await;
    follows::follow_actor(&app.ctx, &ana, bob.id).await.expect("ana follows bob");
    follows::follow_actor(&app.ctx, &bob, ana.id).await.expect("bob follows ana");
    let api = Api::for_user(&app, "ana").await;
    let before = relationship(&api, bob.id).await;
    assert_eq!((before["following"].clone(), before["followed_by"].clone()), (json!(true), json!(true)));

    let after: Value =
        api.post_form(&format!("/api/v1/accounts/{}/block", bob.id.0), &[]).await.json().await.unwrap();
    assert_eq!((after["following"].clone(), after["followed_by"].clone()), (json!(false), json!(false)));
    assert_eq!(count_rows(&app, "follows").await, 0, "both follows ended");

    let bob_api = Api::for_user(&app, "bob").await;
    let refused = bob_api.post_form(&format!("/api/v1/accounts/{}/follow", ana.id.0), &[]).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(count_rows(&app, "follows").await, 0);
    // After unblocking, following works again.
    api.post_form(&format!("/api/v1/accounts/{}/unblock", bob.id.0), &[]).await;
    let allowed = bob_api.post_form(&format!("/api/v1/accounts/{}/follow", ana.id.0), &[]).await;
    assert_eq!(allowed.status(), StatusCode::OK);
}

on_both_backends!(
    blocks_and_mutes_show_in_relationships_and_lists,
    domain_blocks_are_normalised_listed_and_lifted,
    timelines_contexts_and_search_leave_out_blocked_and_muted_people,
    notifications_from_blocked_and_silenced_people_disappear,
    blocking_ends_follows_and_the_blocked_cannot_follow,
);

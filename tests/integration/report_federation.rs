//! Reports across servers: a report about a post in a remote group leaves as Lemmy's `Flag` to
//! the group (and, forwarded, as Mastodon's to the author's server), always from our instance
//! actor; `Flag`s from Mastodon, Lemmy, Mbin, NodeBB and Misskey (their real shapes, from
//! `tests/fixtures/`) become reports for the right moderators, and reports about nothing of ours
//! are refused without storing or fetching anything.

use std::fs;

use allmende::domain::ActorId;
use allmende::service::remote::{self, RemoteActorKind, RemotePost};
use allmende::service::reports::{self, ReportFilter, ReportInput};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::{TestApp, count_rows};
use crate::on_both_backends;
use crate::outbound::{drain, remote_actor};
use crate::peer::Peer;
use crate::reports::cast;
use crate::sink::Sink;

/// bea's post in `climate`, a group on `sink`; returns the post's row id and URL.
async fn remote_post_in_remote_group(app: &TestApp, sink: &Sink) -> (i64, String, ActorId) {
    let group =
        remote_actor(app, sink, RemoteActorKind::Group, "c", "climate", "/c/climate/inbox", Some("/inbox"))
            .await;
    let bea =
        remote_actor(app, sink, RemoteActorKind::Person, "u", "bea", "/u/bea/inbox", Some("/inbox")).await;
    let ap_id = format!("{}/post/1", sink.base_url);
    let (post, _) = remote::store_remote_post(
        &app.ctx,
        RemotePost {
            visibility: Default::default(),
            ap_id: ap_id.clone(),
            author: bea,
            group: Some(group),
            in_reply_to: None,
            title: Some("Miracle cure".into()),
            content_html: "<p>Buy now</p>".into(),
            language: None,
            sensitive: false,
            content_warning: None,
            published: app.ctx.now(),
            updated: None,
            activity_json: None,
            media: Vec::new(),
        },
    )
    .await
    .expect("remote post");
    (post.0, ap_id, bea)
}

/// What the sink accepted, with the path each body was posted to.
fn received(sink: &Sink) -> Vec<(String, Value)> {
    sink.received()
        .iter()
        .filter(|r| (200..300).contains(&r.status))
        .map(|r| (r.uri.path().to_owned(), serde_json::from_slice(&r.body).expect("JSON body")))
        .collect()
}

pub async fn a_report_in_a_remote_group_goes_out_as_flags(app: TestApp) {
    let sink = Sink::start().await;
    let carl = app.create_user("carl").await;
    let (post, post_url, _) = remote_post_in_remote_group(&app, &sink).await;
    drain(&app).await;
    let before = received(&sink).len();
    let input = ReportInput {
        post_ids: vec![post],
        category: "spam".into(),
        comment: "Scam link".into(),
        forward: true,
        ..Default::default()
    };
    let report = reports::create_report(&app.ctx, &carl, input).await.expect("report");
    assert!(report.forwarded);
    drain(&app).await;
    let got: Vec<(String, Value)> = received(&sink).into_iter().skip(before).collect();
    assert_eq!(got.len(), 2, "{got:?}");
    let instance_actor = app.state.uris.absolute("/actor");
    let group_url = format!("{}/c/climate", sink.base_url);
    let (path, to_group) =
        got.iter().find(|(path, _)| path == "/c/climate/inbox").expect("to the group's inbox");
    assert_eq!(path, "/c/climate/inbox");
    assert_eq!(to_group["type"], "Flag");
    assert_eq!(to_group["actor"], instance_actor);
    assert_eq!(to_group["object"], post_url, "Lemmy takes one object");
    assert_eq!(to_group["summary"], "Scam link");
    assert_eq!(to_group["to"], json!([group_url]));
    assert_eq!(to_group["audience"], group_url);
    let (_, to_author) = got.iter().find(|(path, _)| path == "/inbox").expect("to the author's server");
    assert_eq!(to_author["type"], "Flag");
    assert_eq!(to_author["actor"], instance_actor);
    assert_eq!(to_author["object"], json!([format!("{}/u/bea", sink.base_url), post_url]));
    assert_eq!(to_author["content"], "Scam link");
    for (_, body) in &got {
        assert!(!body.to_string().contains("carl"), "the reporter stays here: {body}");
    }

    // Without forwarding, only the group hears of it.
    let input = ReportInput { post_ids: vec![post], comment: "again".into(), ..Default::default() };
    reports::create_report(&app.ctx, &carl, input).await.expect("report");
    drain(&app).await;
    let more: Vec<(String, Value)> = received(&sink).into_iter().skip(before + 2).collect();
    assert_eq!(more.len(), 1, "{more:?}");
    assert_eq!(more[0].0, "/c/climate/inbox");
    assert_eq!(more[0].1["summary"], "again");
}

pub async fn a_report_about_a_local_group_stays_here(app: TestApp) {
    let c = cast(&app).await;
    drain(&app).await;
    let before = count_rows(&app, "deliveries").await;
    let input = ReportInput { post_ids: vec![c.thread.0], forward: true, ..Default::default() };
    let report = reports::create_report(&app.ctx, &c.carl, input).await.expect("report");
    assert!(!report.forwarded, "bob is ours: nothing to forward");
    drain(&app).await;
    assert_eq!(count_rows(&app, "deliveries").await, before);
}

fn fixture(relative: &str) -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/").to_owned() + relative;
    serde_json::from_str(&fs::read_to_string(&path).expect("fixture")).expect("JSON")
}

/// A fixture `Flag` pointed at our thread and its author: accounts become bob, posts the thread,
/// groups our `energy`; the actor and id move to the peer.
fn aimed(flag: &Value, n: usize, actor: &str, peer: &Peer, app: &TestApp, thread: i64) -> Value {
    let bob = app.state.uris.absolute("/u/bob");
    let post = app.state.uris.absolute(&format!("/t/{thread}"));
    let group = app.state.uris.absolute("/g/energy");
    let aim = |url: &Value| {
        let url = url.as_str().unwrap_or_default();
        if ["/users/", "/u/", "/uid/"].iter().any(|part| url.contains(part)) {
            bob.clone()
        } else {
            post.clone()
        }
    };
    let mut flag = flag.clone();
    flag["id"] = json!(peer.url(&format!("/flags/{n}")));
    flag["actor"] = json!(actor);
    flag["object"] = match &flag["object"] {
        Value::Array(objects) => Value::Array(objects.iter().map(|o| json!(aim(o))).collect()),
        one => json!(aim(one)),
    };
    if flag.get("to").is_some() {
        flag["to"] = json!([group]);
    }
    if flag.get("audience").is_some() {
        flag["audience"] = json!(group);
    }
    flag
}

pub async fn flags_from_five_servers_reach_the_right_moderators(app: TestApp) {
    let c = cast(&app).await;
    let mut peer = Peer::start().await;
    let cases = [
        ("mastodon/activities/flag.json", "Application", "/inbox", "Please take a look"),
        ("lemmy/activities/community/report_page.json", "Person", "/g/energy/inbox", "report this post"),
        ("mbin/activities/flag.json", "Person", "/g/energy/inbox", "dikjhgasdpas"),
        ("nodebb/activities/flag.json", "Person", "/inbox", "Advertising in every reply"),
        ("misskey/activities/flag.json", "Application", "/inbox", "Spam links"),
    ];
    let energy = ReportFilter { group: Some("energy".into()), ..Default::default() };
    for (n, (file, kind, inbox, comment)) in cases.iter().enumerate() {
        let actor = peer.add_actor(&format!("sender{n}"), kind);
        let flag = aimed(&fixture(file), n, &actor, &peer, &app, c.thread.0);
        assert_eq!(
            peer.deliver(&actor, &app.url(inbox), &flag).await,
            StatusCode::ACCEPTED,
            "{file}: {flag}"
        );
        let seen = reports::list_reports(&app.ctx, &c.ana, &energy).await.expect("the group's reports");
        assert_eq!(seen.len(), n + 1, "{file}");
        let newest = &seen[0];
        assert!(newest.comment.contains(comment), "{file}: {:?}", newest.comment);
        assert_eq!(newest.target_handle, "bob", "{file}");
        assert_eq!(
            newest.origin_host.as_deref(),
            Some(peer.base_url.trim_start_matches("http://")),
            "{file}"
        );
        assert_eq!(newest.posts.len(), 1, "{file}");
        assert!(newest.posts[0].content_html.contains("Body of Cheap pills"), "{file}");
        // A repeat changes nothing.
        assert_eq!(peer.deliver(&actor, &app.url(inbox), &flag).await, StatusCode::ACCEPTED);
    }
    assert_eq!(count_rows(&app, "reports").await, 5);
    let all = reports::list_reports(&app.ctx, &c.root, &ReportFilter::default()).await.expect("admin");
    assert_eq!(all.len(), 5, "the admins see every report");
    let mobility = ReportFilter { group: Some("mobility".into()), ..Default::default() };
    assert!(reports::list_reports(&app.ctx, &c.dora, &mobility).await.expect("list").is_empty());
    let mut conn = app.ctx.db.acquire().await.expect("connection");
    let ana_notes = allmende::db::notifications::list_notifications(
        &mut conn.conn(),
        c.ana.id.0,
        None,
        None,
        false,
        50,
        None,
        None,
        app.ctx.now().millis(),
    )
    .await
    .expect("notifications");
    assert_eq!(ana_notes.iter().filter(|n| n.kind == "moderator.report").count(), 5);
}

pub async fn flags_about_nothing_of_ours_are_refused(app: TestApp) {
    cast(&app).await;
    let mut peer = Peer::start().await;
    let actor = peer.add_actor("mallory", "Person");
    // Elsewhere's things: refused, nothing stored, nothing fetched.
    let mut flag = fixture("mastodon/activities/flag.json");
    flag["id"] = json!(peer.url("/flags/1"));
    flag["actor"] = json!(actor);
    flag["object"] =
        json!([peer.url("/users/someone"), peer.url("/posts/1"), "https://elsewhere.example/p/2"]);
    assert_eq!(peer.deliver(&actor, &app.url("/inbox"), &flag).await, StatusCode::FORBIDDEN);
    let fetched = peer.fetch_count();
    flag["id"] = json!(peer.url("/flags/2"));
    assert_eq!(peer.deliver(&actor, &app.url("/inbox"), &flag).await, StatusCode::FORBIDDEN);
    assert_eq!(peer.fetch_count(), fetched, "unknown objects are not fetched");
    // Ours, but nothing that exists.
    flag["id"] = json!(peer.url("/flags/3"));
    flag["object"] = json!([app.state.uris.absolute("/t/999999"), app.state.uris.absolute("/u/nobody")]);
    assert_eq!(peer.deliver(&actor, &app.url("/inbox"), &flag).await, StatusCode::FORBIDDEN);
    // Hostile shapes: a 4xx, never a 5xx.
    for (n, object) in
        [json!(42), json!([]), json!(null), json!({"type": "Note"}), json!("not a url")].iter().enumerate()
    {
        flag["id"] = json!(peer.url(&format!("/flags/bad{n}")));
        flag["object"] = object.clone();
        let status = peer.deliver(&actor, &app.url("/inbox"), &flag).await;
        assert!(status.is_client_error(), "{object}: {status}");
    }
    assert_eq!(count_rows(&app, "reports").await, 0);
}

on_both_backends!(
    a_report_in_a_remote_group_goes_out_as_flags,
    a_report_about_a_local_group_stays_here,
    flags_from_five_servers_reach_the_right_moderators,
    flags_about_nothing_of_ours_are_refused,
);

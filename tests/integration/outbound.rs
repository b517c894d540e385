//! Domain events become activities on the delivery queue (FEP-1b12): a local group announces
//! what happens in it to its remote followers, posts into remote groups go to the group's
//! inbox, follows and likes name stable ids. Fake peers (`Sink`) receive what is sent.

use allmende::db::domain_events::{insert_domain_event, list_pending_domain_events};
use allmende::domain::ActorId;
use allmende::service::accounts::{self, Profile};
use allmende::service::posts::{self, NewReply, PostEdit};
use allmende::service::remote::{self, RemoteActor, RemoteActorKind, RemotePost};
use allmende::service::{CurrentUser, federated, follows, groups, threads};
use serde_json::{Value, json};

use crate::common::TestApp;
use crate::groups::{group, thread};
use crate::on_both_backends;
use crate::sink::Sink;

const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";

/// A remote actor at `{sink}/{path}/{name}` with the given inboxes.
pub(crate) async fn remote_actor(
    app: &TestApp,
    sink: &Sink,
    kind: RemoteActorKind,
    path: &str,
    name: &str,
    inbox: &str,
    shared_inbox: Option<&str>,
) -> ActorId {
    remote_actor_at(app, &sink.base_url, kind, path, name, inbox, shared_inbox).await
}

/// A remote actor at `{base_url}/{path}/{name}` (`base_url` as `http://host:port`) with the
/// given inboxes, for fake peers other than a `Sink`.
pub(crate) async fn remote_actor_at(
    app: &TestApp,
    base_url: &str,
    kind: RemoteActorKind,
    path: &str,
    name: &str,
    inbox: &str,
    shared_inbox: Option<&str>,
) -> ActorId {
    remote::store_remote_actor(
        &app.ctx,
        RemoteActor {
            ap_id: format!("{base_url}/{path}/{name}"),
            host: base_url.trim_start_matches("http://").to_owned(),
            kind,
            name: name.into(),
            display_name: name.into(),
            summary_html: String::new(),
            inbox: format!("{base_url}{inbox}"),
            shared_inbox: shared_inbox.map(|path| format!("{base_url}{path}")),
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

/// ana owns the local group `energy`; zoe (on `sink`) follows it. The Accept is drained.
pub(crate) async fn group_with_remote_follower(app: &TestApp, sink: &Sink) -> (CurrentUser, ActorId) {
    let ana = app.create_user("ana").await;
    groups::create_group(&app.ctx, ana.id, group("energy", "discussion")).await.expect("group");
    let group_id = federated::get_local_actor(&app.ctx, "energy").await.expect("group actor").id;
    let zoe = remote_actor(app, sink, RemoteActorKind::Person, "users", "zoe", "/inbox", None).await;
    let follow_id = format!("{}/follows/1", sink.base_url);
    remote::accept_remote_follow(&app.ctx, zoe, group_id, &follow_id).await.expect("follow accepted");
    drain(app).await;
    (ana, group_id)
}

/// `climate`, a remote group on `sink` with its own inbox and a shared one.
async fn remote_group(app: &TestApp, sink: &Sink) -> (ActorId, String) {
    let id =
        remote_actor(app, sink, RemoteActorKind::Group, "c", "climate", "/c/climate/inbox", Some("/inbox"))
            .await;
    (id, format!("climate@{}", sink.host()))
}

pub(crate) async fn drain(app: &TestApp) {
    app.state.delivery.drain().await.expect("drain");
}

/// What the sink accepted after the first `seen` bodies.
pub(crate) fn new_bodies(sink: &Sink, seen: usize) -> Vec<Value> {
    sink.accepted().into_iter().skip(seen).collect()
}

/// What the sink accepted, with the path each body was posted to.
fn bodies_by_path(sink: &Sink) -> Vec<(String, Value)> {
    sink.received()
        .iter()
        .filter(|r| (200..300).contains(&r.status))
        .map(|r| (r.uri.path().to_owned(), serde_json::from_slice(&r.body).expect("JSON body")))
        .collect()
}

pub(crate) fn local(app: &TestApp, path: &str) -> String {
    app.state.uris.absolute(path)
}

fn assert_has_context(activity: &Value) {
    assert!(activity["@context"].is_array(), "every activity carries our @context: {activity}");
}

/// Checks an Announce by the group `energy` to its followers and returns what it announces.
pub(crate) fn announced<'a>(app: &TestApp, announce: &'a Value) -> &'a Value {
    assert_has_context(announce);
    assert_eq!(announce["type"], "Announce", "{announce}");
    assert_eq!(announce["actor"], local(app, "/g/energy"));
    assert_eq!(announce["to"], json!([PUBLIC]));
    assert_eq!(announce["cc"], json!([local(app, "/g/energy/followers")]));
    assert!(announce["id"].as_str().unwrap_or_default().starts_with(&local(app, "/activities/announce/")));
    &announce["object"]
}

fn reply_text(body: &str) -> NewReply {
    NewReply { body: body.into(), language: None, content_warning: None, ..Default::default() }
}

pub async fn a_remote_follower_gets_the_groups_accept(app: TestApp) {
    let sink = Sink::start().await;
    group_with_remote_follower(&app, &sink).await;
    let received = bodies_by_path(&sink);
    assert_eq!(received.len(), 1, "{received:?}");
    let (path, accept) = &received[0];
    assert_eq!(path, "/inbox");
    assert_has_context(accept);
    assert_eq!(accept["type"], "Accept");
    assert_eq!(accept["actor"], local(&app, "/g/energy"));
    assert_eq!(accept["object"]["type"], "Follow");
    assert_eq!(accept["object"]["id"], format!("{}/follows/1", sink.base_url));
    assert_eq!(accept["object"]["actor"], format!("{}/users/zoe", sink.base_url));
    assert_eq!(accept["object"]["object"], local(&app, "/g/energy"));
    assert_eq!(pending_events(&app).await, 0);
}

pub async fn a_new_thread_is_announced_wrapped_and_as_a_boost(app: TestApp) {
    let sink = Sink::start().await;
    let (ana, _) = group_with_remote_follower(&app, &sink).await;
    let id = threads::create_thread(&app.ctx, &ana, "energy", thread("Heat pumps")).await.expect("thread");
    drain(&app).await;
    let got = new_bodies(&sink, 1);
    assert_eq!(got.len(), 2, "the wrapped Create and the boost: {got:?}");
    let page_url = local(&app, &format!("/t/{}", id.0));
    let create = announced(&app, &got[0]);
    assert_eq!(create["type"], "Create");
    assert_eq!(create["actor"], local(&app, "/u/ana"));
    assert!(create["id"].as_str().unwrap_or_default().starts_with(&local(&app, "/activities/create/")));
    assert_eq!(create["object"]["type"], "Page");
    assert_eq!(create["object"]["id"], page_url);
    assert_eq!(create["object"]["name"], "Heat pumps");
    assert_eq!(create["object"]["audience"], local(&app, "/g/energy"));
    assert_eq!(create["to"], json!([PUBLIC]));
    let boost = announced(&app, &got[1]);
    assert_eq!(boost, &json!(page_url), "a plain Announce of the Page's URL for Mastodon");
    assert_ne!(got[0]["id"], got[1]["id"]);
}

pub async fn replies_edits_deletions_and_likes_are_announced(app: TestApp) {
    let sink = Sink::start().await;
    let (ana, _) = group_with_remote_follower(&app, &sink).await;
    let opener =
        threads::create_thread(&app.ctx, &ana, "energy", thread("Heat pumps")).await.expect("thread");
    drain(&app).await;
    let mut seen = sink.accepted().len();

    let reply = posts::reply(&app.ctx, &ana, opener, reply_text("Mine works")).await.expect("reply");
    drain(&app).await;
    let got = new_bodies(&sink, seen);
    assert_eq!(got.len(), 1, "a reply is announced but not boosted: {got:?}");
    let create = announced(&app, &got[0]);
    assert_eq!(create["type"], "Create");
    assert_eq!(create["object"]["type"], "Note");
    assert_eq!(create["object"]["id"], local(&app, &format!("/p/{}", reply.0)));
    assert_eq!(create["object"]["inReplyTo"], local(&app, &format!("/t/{}", opener.0)));
    seen += got.len();

    let edit = PostEdit { title: None, body: "Mine works well".into(), ..PostEdit::default() };
    posts::edit_post(&app.ctx, &ana, reply, edit).await.expect("edit");
    drain(&app).await;
    let got = new_bodies(&sink, seen);
    assert_eq!(got.len(), 1, "{got:?}");
    let update = announced(&app, &got[0]);
    assert_eq!(update["type"], "Update");
    assert_eq!(update["actor"], local(&app, "/u/ana"));
    assert_eq!(update["object"]["id"], local(&app, &format!("/p/{}", reply.0)));
    assert!(update["object"]["content"].as_str().unwrap_or_default().contains("Mine works well"));
    seen += got.len();

    let bob = app.create_user("bob").await;
    posts::like_post(&app.ctx, &bob, opener).await.expect("like");
    posts::unlike_post(&app.ctx, &bob, opener).await.expect("unlike");
    drain(&app).await;
    let got = new_bodies(&sink, seen);
    assert_eq!(got.len(), 2, "{got:?}");
    let like = announced(&app, &got[0]);
    assert_eq!(like["type"], "Like");
    assert_eq!(like["actor"], local(&app, "/u/bob"));
    assert_eq!(like["object"], local(&app, &format!("/t/{}", opener.0)));
    let like_prefix = local(&app, &format!("/activities/like/{}-{}-", bob.id.0, opener.0));
    assert!(like["id"].as_str().is_some_and(|id| id.starts_with(&like_prefix)), "{}", like["id"]);
    let undo = announced(&app, &got[1]);
    assert_eq!(undo["type"], "Undo");
    assert_eq!(undo["actor"], local(&app, "/u/bob"));
    assert_eq!(undo["object"]["type"], "Like");
    assert_eq!(undo["object"]["id"], like["id"], "the Undo names the same Like");
    app.clock.advance_seconds(1);
    posts::like_post(&app.ctx, &bob, opener).await.expect("like again");
    posts::unlike_post(&app.ctx, &bob, opener).await.expect("unlike again");
    drain(&app).await;
    let again = new_bodies(&sink, seen + 2);
    let relike = announced(&app, &again[0]);
    assert_ne!(relike["id"], like["id"], "a later like gets a new id");
    seen += 2;
    seen += got.len();

    posts::delete_post(&app.ctx, &ana, reply).await.expect("delete");
    drain(&app).await;
    let got = new_bodies(&sink, seen);
    assert_eq!(got.len(), 1, "{got:?}");
    let delete = announced(&app, &got[0]);
    assert_eq!(delete["type"], "Delete");
    assert_eq!(delete["actor"], local(&app, "/u/ana"));
    assert_eq!(delete["object"]["type"], "Tombstone");
    assert_eq!(delete["object"]["formerType"], "Note");
    assert_eq!(delete["object"]["id"], local(&app, &format!("/p/{}", reply.0)));
    assert_eq!(pending_events(&app).await, 0);
}

pub async fn a_remote_thread_in_a_local_group_is_reannounced_unchanged(app: TestApp) {
    let sink = Sink::start().await;
    let peer = Sink::start().await;
    let (_, group_id) = group_with_remote_follower(&app, &sink).await;
    let bea =
        remote_actor(&app, &peer, RemoteActorKind::Person, "users", "bea", "/users/bea/inbox", None).await;
    let post_url = format!("{}/post/1", peer.base_url);
    let activity = json!({
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": format!("{}/activities/create/1", peer.base_url),
        "type": "Create",
        "actor": format!("{}/users/bea", peer.base_url),
        "to": [PUBLIC],
        "object": {"id": post_url, "type": "Page", "name": "Wind", "attributedTo": format!("{}/users/bea", peer.base_url)},
    });
    let (_, created) = remote::store_remote_post(
        &app.ctx,
        RemotePost {
            visibility: Default::default(),
            ap_id: post_url.clone(),
            author: bea,
            group: Some(group_id),
            in_reply_to: None,
            title: Some("Wind".into()),
            content_html: "<p>Wind?</p>".into(),
            language: None,
            sensitive: false,
            content_warning: None,
            published: app.ctx.now(),
            updated: None,
            activity_json: Some(activity.to_string()),
            media: Vec::new(),
        },
    )
    .await
    .expect("remote post stored");
    assert!(created);
    drain(&app).await;
    let got = new_bodies(&sink, 1);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(announced(&app, &got[0]), &activity, "the remote activity is wrapped unchanged");
    assert_eq!(announced(&app, &got[1]), &json!(post_url), "and the thread is boosted");
    assert!(peer.received().is_empty(), "the author's instance is not a follower");

    remote::delete_remote_post(&app.ctx, bea, &post_url, None).await.expect("deleted by its author");
    drain(&app).await;
    let got = new_bodies(&sink, 3);
    assert_eq!(got.len(), 1, "{got:?}");
    let delete = announced(&app, &got[0]);
    assert_eq!(delete["type"], "Delete");
    assert_eq!(delete["actor"], local(&app, "/g/energy"), "the group removes it from its followers");
    assert_eq!(delete["object"]["id"], post_url);
}

/// A remote thread in a local group, without an activity to re-announce.
pub(crate) async fn remote_thread(
    app: &TestApp,
    author: ActorId,
    group: ActorId,
    ap_id: &str,
) -> allmende::domain::PostId {
    remote::store_remote_post(
        &app.ctx,
        RemotePost {
            visibility: Default::default(),
            ap_id: ap_id.into(),
            author,
            group: Some(group),
            in_reply_to: None,
            title: Some("Wind".into()),
            content_html: "<p>Wind?</p>".into(),
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
    .expect("remote thread stored")
    .0
}

pub async fn remote_parent_authors_in_a_local_group_are_notified_once(app: TestApp) {
    let sink = Sink::start().await;
    let peer = Sink::start().await;
    let (ana, group_id) = group_with_remote_follower(&app, &sink).await;
    let bea = remote_actor(
        &app,
        &sink,
        RemoteActorKind::Person,
        "users",
        "bea",
        "/users/bea/inbox",
        Some("/inbox"),
    )
    .await;
    let carl =
        remote_actor(&app, &peer, RemoteActorKind::Person, "users", "carl", "/users/carl/inbox", None).await;
    let by_bea = remote_thread(&app, bea, group_id, &format!("{}/post/1", sink.base_url)).await;
    let by_carl = remote_thread(&app, carl, group_id, &format!("{}/post/2", peer.base_url)).await;
    drain(&app).await;
    let boosts = new_bodies(&sink, 1);
    assert_eq!(boosts.len(), 2, "remote threads without an activity are only boosted: {boosts:?}");
    assert!(boosts.iter().all(|boost| announced(&app, boost).is_string()));

    posts::reply(&app.ctx, &ana, by_bea, reply_text("To bea")).await.expect("reply");
    posts::reply(&app.ctx, &ana, by_carl, reply_text("To carl")).await.expect("reply");
    drain(&app).await;
    let to_followers = new_bodies(&sink, 3);
    assert_eq!(to_followers.len(), 2, "bea's instance gets the Announce only: {to_followers:?}");
    assert!(to_followers.iter().all(|body| announced(&app, body)["type"] == "Create"));
    let to_carl = bodies_by_path(&peer);
    assert_eq!(to_carl.len(), 1, "{to_carl:?}");
    let (path, create) = &to_carl[0];
    assert_eq!(path, "/users/carl/inbox");
    assert_has_context(create);
    assert_eq!(create["type"], "Create");
    assert_eq!(create["object"]["inReplyTo"], format!("{}/post/2", peer.base_url));
    assert_eq!(create, announced(&app, &to_followers[1]), "the same Create the group announces");
}

pub async fn following_a_remote_group_sends_follow_and_undo_to_its_inbox(app: TestApp) {
    let sink = Sink::start().await;
    let ana = app.create_user("ana").await;
    let (_, handle) = remote_group(&app, &sink).await;
    follows::follow_group(&app.ctx, &ana, &handle).await.expect("follow");
    drain(&app).await;
    follows::unfollow_group(&app.ctx, &ana, &handle).await.expect("unfollow");
    drain(&app).await;
    let got = bodies_by_path(&sink);
    assert_eq!(got.len(), 2, "{got:?}");
    let group_url = format!("{}/c/climate", sink.base_url);
    let (path, follow) = &got[0];
    assert_eq!(path, "/c/climate/inbox", "the group's own inbox, not the shared one");
    assert_has_context(follow);
    assert_eq!(follow["type"], "Follow");
    assert_eq!(follow["actor"], local(&app, "/u/ana"));
    assert_eq!(follow["object"], group_url);
    assert!(follow["id"].as_str().unwrap_or_default().starts_with(&local(&app, "/activities/follow/")));
    let (path, undo) = &got[1];
    assert_eq!(path, "/c/climate/inbox");
    assert_has_context(undo);
    assert_eq!(undo["type"], "Undo");
    assert_eq!(undo["actor"], local(&app, "/u/ana"));
    assert_eq!(undo["object"]["type"], "Follow");
    assert_eq!(undo["object"]["id"], follow["id"], "the Undo names the same Follow");
    assert_eq!(undo["object"]["object"], group_url);
}

pub async fn posts_in_a_remote_group_go_to_its_inbox(app: TestApp) {
    let sink = Sink::start().await;
    let ana = app.create_user("ana").await;
    let (_, handle) = remote_group(&app, &sink).await;
    let id = threads::create_thread(&app.ctx, &ana, &handle, thread("Solar")).await.expect("thread");
    drain(&app).await;
    let edit =
        PostEdit { title: Some("Solar panels".into()), body: "Which ones?".into(), ..PostEdit::default() };
    posts::edit_post(&app.ctx, &ana, id, edit).await.expect("edit");
    drain(&app).await;
    posts::like_post(&app.ctx, &ana, id).await.expect("like");
    drain(&app).await;
    posts::delete_post(&app.ctx, &ana, id).await.expect("delete");
    drain(&app).await;
    let got = bodies_by_path(&sink);
    let kinds: Vec<&str> = got.iter().map(|(_, body)| body["type"].as_str().unwrap_or_default()).collect();
    assert_eq!(kinds, ["Create", "Update", "Like", "Delete"], "no Announce, no boost: {got:?}");
    let page_url = local(&app, &format!("/t/{}", id.0));
    for (path, activity) in &got {
        assert_eq!(path, "/c/climate/inbox", "{activity}");
        assert_has_context(activity);
    }
    let create = &got[0].1;
    assert_eq!(create["actor"], local(&app, "/u/ana"));
    assert_eq!(create["object"]["type"], "Page");
    assert_eq!(create["object"]["id"], page_url);
    assert_eq!(create["object"]["audience"], format!("{}/c/climate", sink.base_url));
    assert_eq!(got[1].1["object"]["name"], "Solar panels");
    assert_eq!(got[2].1["object"], page_url);
    assert_eq!(got[3].1["object"]["id"], page_url);
}

pub async fn a_reply_to_a_remote_thread_reaches_the_group_and_the_parent_author(app: TestApp) {
    let group_sink = Sink::start().await;
    let author_sink = Sink::start().await;
    let ana = app.create_user("ana").await;
    let (group_id, _) = remote_group(&app, &group_sink).await;
    let bea = remote_actor(
        &app,
        &author_sink,
        RemoteActorKind::Person,
        "users",
        "bea",
        "/users/bea/inbox",
        Some("/inbox"),
    )
    .await;
    let post_url = format!("{}/post/1", group_sink.base_url);
    let (opener, _) = remote::store_remote_post(
        &app.ctx,
        RemotePost {
            visibility: Default::default(),
            ap_id: post_url.clone(),
            author: bea,
            group: Some(group_id),
            in_reply_to: None,
            title: Some("Wind".into()),
            content_html: "<p>Wind?</p>".into(),
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
    .expect("remote thread stored");
    drain(&app).await;
    assert!(group_sink.received().is_empty() && author_sink.received().is_empty(), "nothing to send");

    let reply = posts::reply(&app.ctx, &ana, opener, reply_text("Yes!")).await.expect("reply");
    drain(&app).await;
    let to_group = bodies_by_path(&group_sink);
    let to_author = bodies_by_path(&author_sink);
    assert_eq!(to_group.len(), 1, "{to_group:?}");
    assert_eq!(to_author.len(), 1, "{to_author:?}");
    assert_eq!(to_group[0].0, "/c/climate/inbox");
    assert_eq!(to_author[0].0, "/inbox", "the author's instance, at its shared inbox");
    assert_eq!(to_group[0].1, to_author[0].1, "one Create to both");
    let create = &to_group[0].1;
    assert_has_context(create);
    assert_eq!(create["type"], "Create");
    assert_eq!(create["actor"], local(&app, "/u/ana"));
    assert_eq!(create["object"]["type"], "Note");
    assert_eq!(create["object"]["id"], local(&app, &format!("/p/{}", reply.0)));
    assert_eq!(create["object"]["inReplyTo"], post_url);
    let bea_url = json!(format!("{}/users/bea", author_sink.base_url));
    assert!(create["object"]["cc"].as_array().is_some_and(|cc| cc.contains(&bea_url)), "{create}");
}

pub async fn a_profile_update_goes_to_remote_followers(app: TestApp) {
    let sink = Sink::start().await;
    let ana = app.create_user("ana").await;
    let zoe = remote_actor(&app, &sink, RemoteActorKind::Person, "users", "zoe", "/inbox", None).await;
    let follow_id = format!("{}/follows/7", sink.base_url);
    remote::accept_remote_follow(&app.ctx, zoe, ana.id, &follow_id).await.expect("follow accepted");
    let profile =
        Profile { display_name: "Ana Nowak".into(), bio: "Heat pumps".into(), language: "en".into() };
    accounts::update_profile(&app.ctx, &ana, profile).await.expect("profile");
    drain(&app).await;
    let got = sink.accepted();
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0]["type"], "Accept");
    assert_eq!(got[0]["actor"], local(&app, "/u/ana"));
    let update = &got[1];
    assert_has_context(update);
    assert_eq!(update["type"], "Update");
    assert_eq!(update["actor"], local(&app, "/u/ana"));
    assert_eq!(update["object"]["type"], "Person");
    assert_eq!(update["object"]["id"], local(&app, "/u/ana"));
    assert_eq!(update["object"]["name"], "Ana Nowak");
}

pub async fn broken_and_dangling_events_do_not_block_the_queue(app: TestApp) {
    let sink = Sink::start().await;
    let (ana, _) = group_with_remote_follower(&app, &sink).await;
    {
        let mut conn = app.ctx.db.acquire().await.expect("connection");
        let now = app.ctx.now().millis();
        insert_domain_event(&mut conn.conn(), app.ctx.new_id(), "post_edited", "{not json", now)
            .await
            .expect("malformed event");
        let dangling = json!({"type": "post_edited", "post_id": 42}).to_string();
        insert_domain_event(&mut conn.conn(), app.ctx.new_id(), "post_edited", &dangling, now)
            .await
            .expect("dangling event");
    }
    threads::create_thread(&app.ctx, &ana, "energy", thread("Heat pumps")).await.expect("thread");
    drain(&app).await;
    assert_eq!(new_bodies(&sink, 1).len(), 2, "the thread after them still goes out");
    assert_eq!(pending_events(&app).await, 0, "both are marked processed");
}

pub async fn two_workers_translate_each_event_once(app: TestApp) {
    let sink = Sink::start().await;
    let (ana, _) = group_with_remote_follower(&app, &sink).await;
    let mut ids = Vec::new();
    for n in 0..10 {
        let id = threads::create_thread(&app.ctx, &ana, "energy", thread(&format!("Thread {n}")))
            .await
            .expect("thread");
        ids.push(id);
    }
    let first = app.state.delivery.clone();
    let second = app.state.delivery.clone();
    let (a, b) = tokio::join!(first.drain(), second.drain());
    a.expect("first worker");
    b.expect("second worker");
    drain(&app).await;
    let got = new_bodies(&sink, 1);
    assert_eq!(got.len(), 20, "one wrapped Create and one boost per thread");
    let mut activity_ids: Vec<&str> = got.iter().filter_map(|body| body["id"].as_str()).collect();
    activity_ids.sort_unstable();
    activity_ids.dedup();
    assert_eq!(activity_ids.len(), 20, "no activity arrives twice");
    let mut created: Vec<String> = got
        .iter()
        .filter(|body| body["object"]["type"] == "Create")
        .filter_map(|body| body["object"]["object"]["id"].as_str().map(str::to_owned))
        .collect();
    created.sort_unstable();
    let mut expected: Vec<String> = ids.iter().map(|id| local(&app, &format!("/t/{}", id.0))).collect();
    expected.sort_unstable();
    assert_eq!(created, expected, "each thread is created once");
    assert_eq!(pending_events(&app).await, 0);
}

pub async fn a_members_boost_goes_to_their_followers_and_the_author(app: TestApp) {
    let sink = Sink::start().await;
    let ana = app.create_user("ana").await;
    groups::create_group(&app.ctx, ana.id, group("energy", "discussion")).await.expect("group");
    let bob = app.create_user("bob").await;
    // zoe (remote) follows bob; yves (remote) wrote the reply bob boosts.
    let zoe =
        remote_actor(&app, &sink, RemoteActorKind::Person, "users", "zoe", "/users/zoe/inbox", None).await;
    remote::accept_remote_follow(&app.ctx, zoe, bob.id, &format!("{}/follows/9", sink.base_url))
        .await
        .expect("follow");
    let yves =
        remote_actor(&app, &sink, RemoteActorKind::Person, "users", "yves", "/users/yves/inbox", None).await;
    let opener =
        threads::create_thread(&app.ctx, &ana, "energy", thread("Heat pumps")).await.expect("thread");
    let (reply, _) = remote::store_remote_post(
        &app.ctx,
        RemotePost {
            visibility: Default::default(),
            ap_id: format!("{}/notes/1", sink.base_url),
            author: yves,
            group: None,
            in_reply_to: Some(opener),
            title: None,
            content_html: "<p>Ours is great</p>".into(),
            language: None,
            sensitive: false,
            content_warning: None,
            published: allmende::domain::Clock::now(&*app.clock),
            updated: None,
            activity_json: None,
            media: Vec::new(),
        },
    )
    .await
    .expect("remote reply");
    drain(&app).await;
    let seen = sink.accepted().len();

    let boost = allmende::service::boosts::boost(&app.ctx, &bob, reply).await.expect("boost");
    allmende::service::boosts::unboost(&app.ctx, &bob, reply).await.expect("unboost");
    drain(&app).await;
    let got: Vec<(String, Value)> = bodies_by_path(&sink).into_iter().skip(seen).collect();
    let announces: Vec<&(String, Value)> =
        got.iter().filter(|(_, body)| body["type"] == "Announce").collect();
    let mut inboxes: Vec<&str> = announces.iter().map(|(path, _)| path.as_str()).collect();
    inboxes.sort_unstable();
    assert_eq!(inboxes, vec!["/users/yves/inbox", "/users/zoe/inbox"], "follower and author: {got:?}");
    let announce = &announces[0].1;
    assert_has_context(announce);
    assert_eq!(announce["actor"], local(&app, "/u/bob"));
    assert_eq!(announce["object"], format!("{}/notes/1", sink.base_url));
    assert_eq!(announce["id"], local(&app, &format!("/activities/announce/{}", boost.id)));
    assert_eq!(announce["to"], json!([PUBLIC]));
    assert!(announce["cc"].as_array().unwrap().contains(&json!(local(&app, "/u/bob/followers"))));
    let undo = got.iter().find(|(_, body)| body["type"] == "Undo").map(|(_, body)| body).expect("an Undo");
    assert_eq!(undo["actor"], local(&app, "/u/bob"));
    assert_eq!(undo["object"]["type"], "Announce");
    assert_eq!(undo["object"]["id"], announce["id"], "the Undo names the same Announce");
}

pub async fn a_members_own_post_goes_to_their_followers_as_a_note(app: TestApp) {
    let sink = Sink::start().await;
    let ana = app.create_user("ana").await;
    let zoe =
        remote_actor(&app, &sink, RemoteActorKind::Person, "users", "zoe", "/users/zoe/inbox", None).await;
    remote::accept_remote_follow(&app.ctx, zoe, ana.id, &format!("{}/follows/3", sink.base_url))
        .await
        .expect("follow");
    drain(&app).await;
    let seen = sink.accepted().len();
    let post = threads::create_personal_post(
        &app.ctx,
        &ana,
        threads::NewPersonalPost { body: "Cycled in the snow".into(), ..Default::default() },
    )
    .await
    .expect("post");
    drain(&app).await;
    let got = bodies_by_path(&sink).into_iter().skip(seen).collect::<Vec<_>>();
    assert_eq!(got.len(), 1, "{got:?}");
    let (path, create) = &got[0];
    assert_eq!(path, "/users/zoe/inbox");
    assert_has_context(create);
    assert_eq!(create["type"], "Create");
    assert_eq!(create["actor"], local(&app, "/u/ana"));
    let note = &create["object"];
    assert_eq!(note["type"], "Note");
    assert_eq!(note["id"], local(&app, &format!("/t/{}", post.0)));
    assert_eq!(note["to"], json!([PUBLIC]));
    assert_eq!(note["cc"], json!([local(&app, "/u/ana/followers")]));
    assert!(note.get("audience").is_none() && note.get("name").is_none() && note.get("inReplyTo").is_none());
    posts::delete_post(&app.ctx, &ana, post).await.expect("delete");
    drain(&app).await;
    let got = bodies_by_path(&sink).into_iter().skip(seen + 1).collect::<Vec<_>>();
    assert_eq!(got.len(), 1, "the deletion follows the same way: {got:?}");
    assert_eq!(got[0].1["type"], "Delete");
    assert_eq!(got[0].1["object"]["formerType"], "Note");
}

async fn pending_events(app: &TestApp) -> usize {
    let mut conn = app.ctx.db.acquire().await.expect("connection");
    list_pending_domain_events(&mut conn.conn(), 1000).await.expect("events").len()
}

/// Remote people join an event with two places: the group accepts two `Join`s and rejects the
/// third with `Reject(Join)`, which quotes the `Join`; the third is not counted as going.
pub async fn joins_beyond_the_capacity_are_rejected(app: TestApp) {
    let path = crate::events::energy_with_event(&app).await;
    let event = allmende::domain::EventId(path.trim_start_matches("/e/").parse().expect("event id"));
    let sink = Sink::start().await;
    let mut answers = Vec::new();
    for name in ["zoe", "yves", "xena"] {
        let person = remote_actor(&app, &sink, RemoteActorKind::Person, "users", name, "/inbox", None).await;
        let join = format!("{}/joins/{name}", sink.base_url);
        let answer = allmende::service::events::answer_remote(&app.ctx, person, event, true, Some(&join))
            .await
            .expect("answered");
        answers.push(answer);
    }
    use allmende::service::events::RemoteAnswer::{Full, Recorded};
    assert_eq!(answers, [Recorded, Recorded, Full]);
    drain(&app).await;
    let sent = sink.accepted();
    let kinds: Vec<(&str, &str)> = sent
        .iter()
        .map(|a| (a["type"].as_str().unwrap_or_default(), a["object"]["id"].as_str().unwrap_or_default()))
        .collect();
    let join = |name: &str| format!("{}/joins/{name}", sink.base_url);
    assert_eq!(
        kinds,
        [
            ("Accept", join("zoe").as_str()),
            ("Accept", join("yves").as_str()),
            ("Reject", join("xena").as_str())
        ]
    );
    let reject = &sent[2];
    assert_eq!(reject["actor"], local(&app, "/g/energy"));
    assert_eq!(reject["object"]["type"], "Join");
    assert_eq!(reject["object"]["object"], local(&app, &path));
    assert_eq!(reject["to"], json!([format!("{}/users/xena", sink.base_url)]));
    let (_, html) = app.get_html(&path).await;
    assert!(html.contains("2 of 2 places taken"), "{html}");
}

/// A moderator removes someone else's posts: the moderator's `Delete` (Lemmy's removal),
/// announced by the group to its followers; a remote author's instance is told too.
pub async fn a_moderators_removal_is_their_delete_announced_by_the_group(app: TestApp) {
    let sink = Sink::start().await;
    let peer = Sink::start().await;
    let (ana, group_id) = group_with_remote_follower(&app, &sink).await;
    let carl = app.create_user("carl").await;
    let by_carl = threads::create_thread(&app.ctx, &carl, "energy", thread("Spam")).await.expect("thread");
    let bea =
        remote_actor(&app, &peer, RemoteActorKind::Person, "users", "bea", "/users/bea/inbox", None).await;
    let bea_post = format!("{}/post/1", peer.base_url);
    let by_bea = remote_thread(&app, bea, group_id, &bea_post).await;
    drain(&app).await;
    let seen = sink.accepted().len();

    posts::delete_post(&app.ctx, &ana, by_carl).await.expect("the owner moderates");
    drain(&app).await;
    let got = new_bodies(&sink, seen);
    assert_eq!(got.len(), 1, "{got:?}");
    let delete = announced(&app, &got[0]);
    assert_eq!(delete["type"], "Delete");
    assert_eq!(delete["actor"], local(&app, "/u/ana"), "the moderator removes it, not carl");
    assert_eq!(delete["object"]["id"], local(&app, &format!("/t/{}", by_carl.0)));
    assert_eq!(delete["audience"], local(&app, "/g/energy"));

    posts::delete_post(&app.ctx, &ana, by_bea).await.expect("the owner moderates");
    drain(&app).await;
    let got = new_bodies(&sink, seen + 1);
    assert_eq!(got.len(), 1, "{got:?}");
    let delete = announced(&app, &got[0]);
    assert_eq!(delete["actor"], local(&app, "/u/ana"));
    assert_eq!(delete["object"]["id"], bea_post);
    let to_author = peer.accepted();
    assert_eq!(to_author.len(), 1, "bea's instance hears of it: {to_author:?}");
    assert_eq!(to_author[0]["type"], "Delete");
    assert_eq!(to_author[0]["actor"], local(&app, "/u/ana"));
    assert_eq!(to_author[0]["object"]["id"], bea_post);
}

/// A moderator locks a thread from its page (a form with CSRF): the page shows a notice instead
/// of the reply form, web and API replies are refused with a clear error, and the group sends
/// Lemmy's `Lock` (announced) to its followers; unlocking sends its `Undo`. Someone who does not
/// moderate the group may not.
pub async fn a_moderator_locks_a_thread_and_the_group_sends_lock(app: TestApp) {
    let sink = Sink::start().await;
    let (ana, _) = group_with_remote_follower(&app, &sink).await;
    let thread =
        threads::create_thread(&app.ctx, &ana, "energy", thread("Heat pumps")).await.expect("thread");
    drain(&app).await;
    let seen = sink.accepted().len();
    app.sign_in("ana").await;
    let page_path = format!("/t/{}", thread.0);
    let (_, page) = app.get_html(&page_path).await;
    assert!(page.contains("Lock thread") && page.contains("reply-heading"), "open, with a lock button");

    let no_token = app.client.post(app.url(&format!("/t/{}/lock", thread.0))).send().await.expect("POST");
    assert_eq!(no_token.status(), reqwest::StatusCode::FORBIDDEN, "the form needs its CSRF token");
    let locked = app.post_form(&format!("/t/{}/lock", thread.0), &[]).await;
    assert_eq!(locked.status(), reqwest::StatusCode::SEE_OTHER);
    let (_, page) = app.get_html(&page_path).await;
    assert!(page.contains("This thread is locked"), "a notice");
    assert!(!page.contains("reply-heading"), "no reply form");
    assert!(page.contains("Unlock thread"));

    let refused = app.post_form(&format!("/p/{}/reply", thread.0), &[("body", "Me too")]).await;
    assert_eq!(refused.status(), reqwest::StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().await.expect("body").contains("locked"), "the web says why");
    let bo = app.create_user("bo").await;
    let api = crate::api_support::Api::for_user(&app, "bo").await;
    let refused = api
        .post_json("/api/v1/statuses", json!({"status": "Me too", "in_reply_to_id": thread.0.to_string()}))
        .await;
    assert_eq!(refused.status(), reqwest::StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().await.expect("body").contains("locked"), "the API says why");
    assert!(
        matches!(
            allmende::service::thread_locks::set_thread_lock(&app.ctx, &bo, thread, false).await,
            Err(allmende::service::ServiceError::Forbidden)
        ),
        "bo does not moderate the group"
    );

    drain(&app).await;
    let sent = new_bodies(&sink, seen);
    let group_url = app.state.uris.absolute("/g/energy");
    let thread_url = app.state.uris.absolute(&format!("/t/{}", thread.0));
    let [announce] = &sent[..] else { panic!("one Announce of the Lock: {sent:?}") };
    assert_eq!(announce["type"], "Announce");
    assert_eq!(announce["actor"], group_url.as_str());
    let lock = &announce["object"];
    assert_eq!(lock["type"], "Lock");
    assert_eq!(lock["actor"], group_url.as_str());
    assert_eq!(lock["object"], thread_url.as_str());
    assert_eq!(lock["audience"], group_url.as_str());
    assert_eq!(lock["to"], json!(["https://www.w3.org/ns/activitystreams#Public"]));

    let seen = sink.accepted().len();
    assert_eq!(
        app.post_form(&format!("/t/{}/unlock", thread.0), &[]).await.status(),
        reqwest::StatusCode::SEE_OTHER
    );
    let (_, page) = app.get_html(&page_path).await;
    assert!(page.contains("reply-heading") && !page.contains("This thread is locked"), "open again");
    drain(&app).await;
    let sent = new_bodies(&sink, seen);
    let [announce] = &sent[..] else { panic!("one Announce of the Undo: {sent:?}") };
    assert_eq!(announce["object"]["type"], "Undo");
    assert_eq!(announce["object"]["object"]["type"], "Lock");
    assert_eq!(announce["object"]["object"]["object"], thread_url.as_str());
    let reply =
        posts::reply(&app.ctx, &bo, thread, NewReply { body: "Me too".into(), ..Default::default() }).await;
    assert!(reply.is_ok(), "replies are taken again: {reply:?}");
}

on_both_backends!(
    a_moderator_locks_a_thread_and_the_group_sends_lock,
    joins_beyond_the_capacity_are_rejected,
    a_moderators_removal_is_their_delete_announced_by_the_group,
    a_remote_follower_gets_the_groups_accept,
    a_new_thread_is_announced_wrapped_and_as_a_boost,
    replies_edits_deletions_and_likes_are_announced,
    a_remote_thread_in_a_local_group_is_reannounced_unchanged,
    remote_parent_authors_in_a_local_group_are_notified_once,
    following_a_remote_group_sends_follow_and_undo_to_its_inbox,
    posts_in_a_remote_group_go_to_its_inbox,
    a_reply_to_a_remote_thread_reaches_the_group_and_the_parent_author,
    a_profile_update_goes_to_remote_followers,
    broken_and_dangling_events_do_not_block_the_queue,
    two_workers_translate_each_event_once,
    a_members_boost_goes_to_their_followers_and_the_author,
    a_members_own_post_goes_to_their_followers_as_a_note,
);

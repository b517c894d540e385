//! Moving a group to another instance (issue 15, "Moving"): a moderator moves a local group to
//! a group elsewhere that lists it in `alsoKnownAs` (the group page's moving form); the old
//! group's followers get a `Move` (actor and object the old group, target the new one), the
//! move is in its modlog, and local followers follow the new group. The other way, when a
//! remote group that people here follow moves, they follow the new group.

use allmende::domain::ActorId;
use allmende::service::remote::RemoteActorKind;
use allmende::service::{follows, groups, remote};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::{TestApp, location};
use crate::groups::group;
use crate::on_both_backends;
use crate::outbound::{drain, remote_actor};
use crate::peer::Peer;
use crate::sink::Sink;

on_both_backends!(
    a_moderator_moves_a_group_to_another_instance,
    local_followers_follow_a_remote_group_that_moved,
    a_moved_group_takes_no_new_posts
);

const AS: &str = "https://www.w3.org/ns/activitystreams";
const ACTIVITY_JSON: &str = "application/activity+json";

fn host_of(peer: &Peer) -> String {
    peer.base_url.trim_start_matches("http://").to_owned()
}

/// The peer takes deliveries to `actor`'s inbox (answers 200).
fn accept_deliveries(peer: &Peer, actor: &str) {
    peer.publish(&format!("{actor}/inbox"), json!({}));
}

async fn actor_id(app: &TestApp, ap_id: &str) -> ActorId {
    remote::known_actor(&app.ctx, ap_id).await.expect("db").expect("known actor").0
}

async fn follow_state(app: &TestApp, follower: ActorId, followed: ActorId) -> Option<String> {
    let mut conn = app.ctx.db.acquire().await.expect("connection");
    allmende::db::remote_profiles::get_follow_state(&mut conn.conn(), follower.0, followed.0)
        .await
        .expect("db")
}

async fn group_document(app: &TestApp, name: &str) -> Value {
    app.client
        .get(app.url(&format!("/g/{name}")))
        .header("accept", ACTIVITY_JSON)
        .send()
        .await
        .expect("GET")
        .json()
        .await
        .expect("JSON")
}

pub async fn a_moderator_moves_a_group_to_another_instance(app: TestApp) {
    let sink = Sink::start().await;
    let mut peer = Peer::start().await;
    let new_group = peer.add_actor("energy", "Group");
    accept_deliveries(&peer, &new_group);
    let ana = app.signed_in_user("ana").await;
    let bob = app.create_user("bob").await;
    let carl = app.create_user("carl").await;
    groups::create_group(&app.ctx, ana.id, group("energy", "discussion")).await.expect("group");
    let energy = allmende::service::federated::get_local_actor(&app.ctx, "energy").await.expect("energy").id;
    let old_url = app.state.uris.absolute("/g/energy");

    // A remote follower (on the sink) and a local one.
    let zoe = remote_actor(&app, &sink, RemoteActorKind::Person, "users", "zoe", "/inbox", None).await;
    remote::accept_remote_follow(&app.ctx, zoe, energy, &format!("{}/follows/1", sink.base_url))
        .await
        .expect("follow");
    follows::follow_group(&app.ctx, &bob, "energy").await.expect("bob follows");
    drain(&app).await;
    let seen = sink.accepted().len();

    // The group's settings lead to the moving page, for moderators only.
    let (_, edit) = app.get_html("/g/energy/edit").await;
    assert!(edit.contains(r#"href="/g/energy/moving""#), "{edit}");
    let (status, page) = app.get_html("/g/energy/moving").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(r#"<label for="target">"#) && page.contains(&old_url), "{page}");
    let refused = allmende::service::group_moves::move_group(&app.ctx, &carl, "energy", energy).await;
    assert!(matches!(refused, Err(allmende::service::ServiceError::Forbidden)), "{refused:?}");

    // Aliases: a group elsewhere by its address; a person is no group.
    let person = peer.add_actor("someone", "Person");
    let not_a_group = app.post_form("/g/energy/moving/aliases", &[("aliases", &person)]).await;
    assert_eq!(not_a_group.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(not_a_group.text().await.expect("body").contains(r#"id="aliases-error""#));
    let saved = app.post_form("/g/energy/moving/aliases", &[("aliases", &new_group)]).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    assert_eq!(group_document(&app, "energy").await["alsoKnownAs"], json!([new_group]));

    // The new group must name this one first.
    let early = app.post_form("/g/energy/moving/move", &[("target", &new_group)]).await;
    assert_eq!(early.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(early.text().await.expect("body").contains(r#"id="target-error""#));
    assert!(allmende::service::group_moves::moved_to(&app.ctx, energy).await.expect("db").is_none());

    let mut claiming = peer.document(&new_group).expect("document");
    claiming["alsoKnownAs"] = json!([old_url]);
    peer.publish(&new_group, claiming);
    let moved = app.post_form("/g/energy/moving/move", &[("target", &new_group)]).await;
    assert_eq!(moved.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&moved), "/g/energy/moving?saved=moved");
    let (_, page) = app.get_html("/g/energy/moving?saved=moved").await;
    assert!(page.contains(r#"id="moved-notice""#), "{page}");

    // The group's document says where it went; its followers get it and the Move.
    assert_eq!(group_document(&app, "energy").await["movedTo"], new_group.as_str());
    drain(&app).await;
    let sent: Vec<Value> = sink.accepted().into_iter().skip(seen).collect();
    let activity = sent.iter().find(|a| a["type"] == "Move").unwrap_or_else(|| panic!("a Move: {sent:?}"));
    assert_eq!(activity["actor"], old_url.as_str());
    assert_eq!(activity["object"], old_url.as_str());
    assert_eq!(activity["target"], new_group.as_str());
    assert_eq!(activity["to"], json!([app.state.uris.absolute("/g/energy/followers")]));
    assert!(
        sent.iter().any(|a| a["type"] == "Update" && a["object"]["movedTo"] == new_group.as_str()),
        "{sent:?}"
    );

    // The modlog says so.
    let modlog: Value = app.get("/g/energy/modlog.json").await.json().await.expect("modlog JSON");
    assert_eq!(modlog["items"][0]["kind"], "group_moved", "{modlog}");
    assert_eq!(modlog["items"][0]["reason"], format!("moved to {new_group}"));

    // bob, following it here, now follows the new group (his Follow waits for its Accept).
    let new_id = actor_id(&app, &new_group).await;
    assert_eq!(follow_state(&app, bob.id, energy).await, None);
    assert_eq!(follow_state(&app, bob.id, new_id).await.as_deref(), Some("pending"));
    let again = app.post_form("/g/energy/moving/move", &[("target", &new_group)]).await;
    assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY, "moved once");
}

/// A group's `Move`, in the shape of the account `Move` Mastodon sends.
fn group_move(origin: &str, target: &str, n: u32) -> Value {
    json!({"@context": AS, "id": format!("{origin}#moves/{n}"), "type": "Move", "actor": origin,
           "object": origin, "target": target, "to": [format!("{origin}/followers")]})
}

pub async fn local_followers_follow_a_remote_group_that_moved(app: TestApp) {
    let mut peer = Peer::start().await;
    let old_group = peer.add_actor("wind", "Group");
    let new_group = peer.add_actor("windpower", "Group");
    let person = peer.add_actor("zed", "Person");
    for actor in [&old_group, &new_group, &person] {
        accept_deliveries(&peer, actor);
    }
    let bob = app.create_user("bob").await;
    let cai = app.create_user("cai").await;
    let old_id = allmende::federation::resolve::actor_by_url(&app.state, &old_group.parse().expect("URL"))
        .await
        .expect("fetched")
        .0;
    let handle = format!("wind@{}", host_of(&peer));
    for member in [&bob, &cai] {
        follows::follow_group(&app.ctx, member, &handle).await.expect("follow");
    }

    // A Move to a group that does not claim the old one changes nothing; nor one to a person
    // who does.
    let refused = peer.deliver(&old_group, &app.url("/inbox"), &group_move(&old_group, &new_group, 1)).await;
    assert_eq!(refused, StatusCode::FORBIDDEN);
    let mut claiming_person = peer.document(&person).expect("zed");
    claiming_person["alsoKnownAs"] = json!([old_group]);
    peer.publish(&person, claiming_person);
    let to_person = peer.deliver(&old_group, &app.url("/inbox"), &group_move(&old_group, &person, 2)).await;
    assert_eq!(to_person, StatusCode::FORBIDDEN, "a group moves to a group");
    assert!(follow_state(&app, bob.id, old_id).await.is_some());

    // The new group lists the old one: bob and cai follow it instead.
    let mut claiming = peer.document(&new_group).expect("windpower");
    claiming["alsoKnownAs"] = json!([old_group]);
    peer.publish(&new_group, claiming);
    let moved = peer.deliver(&old_group, &app.url("/inbox"), &group_move(&old_group, &new_group, 3)).await;
    assert_eq!(moved, StatusCode::ACCEPTED);
    let new_id = actor_id(&app, &new_group).await;
    for member in [&bob, &cai] {
        assert_eq!(follow_state(&app, member.id, old_id).await, None, "unfollowed the old group");
        assert_eq!(follow_state(&app, member.id, new_id).await.as_deref(), Some("pending"));
    }
    // Their instance sends the new group their Follows.
    drain(&app).await;
    let follows_sent = crate::fedcore::queued_activities(&app)
        .await
        .into_iter()
        .filter(|a| a["type"] == "Follow" && a["object"] == new_group.as_str())
        .count();
    assert_eq!(follows_sent, 2);
}

const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";

/// A group that moved (ours, or one elsewhere that says `movedTo`) takes no new threads or
/// replies: the web forms and the client API answer 422 naming the new place, the group page
/// says where it went and offers no composer, and our moved group refuses new posts from the
/// inbox (4xx, nothing stored). What was there before stays readable.
pub async fn a_moved_group_takes_no_new_posts(app: TestApp) {
    let mut peer = Peer::start().await;
    let new_group = peer.add_actor("energy", "Group");
    accept_deliveries(&peer, &new_group);
    let ana = app.signed_in_user("ana").await;
    groups::create_group(&app.ctx, ana.id, group("energy", "discussion")).await.expect("group");
    let started =
        app.post_form("/g/energy/threads", &[("title", "Heat pumps"), ("body", "Experiences?")]).await;
    assert_eq!(started.status(), StatusCode::SEE_OTHER);
    let thread_path = location(&started);
    let thread_id = thread_path.trim_start_matches("/t/").split('#').next().expect("id").to_owned();
    let token = crate::api_support::token_for(&app, "ana", "read write").await;
    let new_id = allmende::federation::resolve::actor_by_url(&app.state, &new_group.parse().expect("URL"))
        .await
        .expect("fetched")
        .0;
    allmende::service::group_moves::move_group(&app.ctx, &ana, "energy", new_id).await.expect("moved");
    let new_handle = format!("@energy@{}", host_of(&peer));

    // The group page says where it went, and offers no new thread.
    let (_, page) = app.get_html("/g/energy").await;
    assert!(page.contains(r#"id="moved-notice""#), "{page}");
    assert!(page.contains(&format!(r#"href="/g/energy@{}""#, host_of(&peer))), "{page}");
    assert!(!page.contains(r#"href="/g/energy/threads/new""#), "{page}");

    // The web forms: 422 with the new place named.
    let thread = app.post_form("/g/energy/threads", &[("title", "Late"), ("body", "Still here?")]).await;
    assert_eq!(thread.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(thread.text().await.expect("body").contains(&new_handle));
    let reply = app.post_form(&format!("/p/{thread_id}/reply"), &[("body", "Me too")]).await;
    assert_eq!(reply.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.text().await.expect("body").contains(&new_handle));

    // The client API: 422 with the error.
    for form in [
        vec![("status", "@energy Late thread\nStill here?")],
        vec![("status", "Me too"), ("in_reply_to_id", thread_id.as_str())],
    ] {
        let answer = app
            .client
            .post(app.url("/api/v1/statuses"))
            .bearer_auth(&token)
            .form(&form)
            .send()
            .await
            .expect("POST");
        assert_eq!(answer.status(), StatusCode::UNPROCESSABLE_ENTITY, "{form:?}");
        let error: Value = answer.json().await.expect("JSON");
        assert!(error["error"].as_str().is_some_and(|e| e.contains(&new_handle)), "{error}");
    }

    // The inbox: a new thread and a reply from elsewhere are refused, nothing stored.
    let zoe = peer.add_actor("zoe", "Person");
    let group_url = app.state.uris.absolute("/g/energy");
    let thread_url = app.state.uris.absolute(&format!("/t/{thread_id}"));
    let posts_before = crate::common::count_rows(&app, "posts").await;
    let new_thread = json!({"@context": AS, "id": peer.url("/create/1"), "type": "Create", "actor": zoe,
        "to": [PUBLIC], "cc": [group_url], "object": {"id": peer.url("/pages/1"), "type": "Page",
        "name": "Late thread", "attributedTo": zoe, "content": "<p>Still here?</p>", "to": [PUBLIC, group_url],
        "audience": group_url, "published": "2026-01-01T00:00:00Z"}});
    let status = peer.deliver(&zoe, &app.url("/g/energy/inbox"), &new_thread).await;
    assert!(status.is_client_error(), "{status}");
    let new_reply = json!({"@context": AS, "id": peer.url("/create/2"), "type": "Create", "actor": zoe,
        "to": [PUBLIC], "cc": [group_url], "object": {"id": peer.url("/notes/1"), "type": "Note",
        "attributedTo": zoe, "content": "<p>Me too</p>", "inReplyTo": thread_url, "to": [PUBLIC],
        "cc": [group_url], "audience": group_url, "published": "2026-01-01T00:00:00Z"}});
    let status = peer.deliver(&zoe, &app.url("/inbox"), &new_reply).await;
    assert!(status.is_client_error(), "{status}");
    assert_eq!(crate::common::count_rows(&app, "posts").await, posts_before, "nothing stored");
    let (status, page) = app.get_html(&thread_path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Experiences?"), "{page}");

    // A group elsewhere that moved (its document says `movedTo`): our members' forms and app
    // posts to it are refused the same way.
    let wind = peer.add_actor("wind", "Group");
    let windpower = peer.add_actor("windpower", "Group");
    let mut moved_document = peer.document(&wind).expect("wind");
    moved_document["movedTo"] = json!(windpower);
    peer.publish(&wind, moved_document);
    allmende::federation::resolve::actor_by_url(&app.state, &windpower.parse().expect("URL"))
        .await
        .expect("fetched");
    allmende::federation::resolve::actor_by_url(&app.state, &wind.parse().expect("URL"))
        .await
        .expect("fetched");
    let wind_path = format!("/g/wind@{}", host_of(&peer));
    let (_, page) = app.get_html(&wind_path).await;
    assert!(page.contains(r#"id="moved-notice""#), "{page}");
    let windpower_handle = format!("@windpower@{}", host_of(&peer));
    let refused =
        app.post_form(&format!("{wind_path}/threads"), &[("title", "Turbines"), ("body", "Where?")]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().await.expect("body").contains(&windpower_handle));
    let answer = app
        .client
        .post(app.url("/api/v1/statuses"))
        .bearer_auth(&token)
        .form(&[("status", format!("@wind@{} Turbines\nWhere?", host_of(&peer)).as_str())])
        .send()
        .await
        .expect("POST");
    assert_eq!(answer.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

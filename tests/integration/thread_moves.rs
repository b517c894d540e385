//! A moderator moves a thread between two of our groups (the thread page's form): the thread
//! and its replies change group, both modlogs say so, and both groups announce the opener's
//! `Update` with its new `audience` to their followers. A remote group moving a thread of its
//! instance to itself moves it here too.

use allmende::service::{groups, posts, remote, threads};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::TestApp;
use crate::fedcore::{known, remote_post};
use crate::groups::{group, thread};
use crate::on_both_backends;
use crate::outbound::{drain, group_with_remote_follower, local, new_bodies, remote_actor};
use crate::peer::Peer;
use crate::sink::Sink;

pub async fn moderators_move_threads_between_their_groups(app: TestApp) {
    let sink = Sink::start().await;
    let (ana, _) = group_with_remote_follower(&app, &sink).await;
    groups::create_group(&app.ctx, ana.id, group("solar", "discussion")).await.expect("group");
    let solar = allmende::service::federated::get_local_actor(&app.ctx, "solar").await.expect("solar").id;
    let yann = remote_actor(
        &app,
        &sink,
        allmende::service::remote::RemoteActorKind::Person,
        "users",
        "yann",
        "/inbox",
        None,
    )
    .await;
    remote::accept_remote_follow(&app.ctx, yann, solar, &format!("{}/follows/2", sink.base_url))
        .await
        .expect("follow");
    let opener =
        threads::create_thread(&app.ctx, &ana, "energy", thread("Panels on the barn")).await.expect("thread");
    let reply = posts::NewReply { body: "South side".into(), ..Default::default() };
    posts::reply(&app.ctx, &ana, opener, reply).await.expect("reply");
    drain(&app).await;
    let seen = sink.accepted().len();

    // Someone who moderates neither group may not; a group that does not exist is a 422.
    let carl = app.create_user("carl").await;
    let refused = allmende::service::thread_moves::move_thread(&app.ctx, &carl, opener, "solar").await;
    assert!(matches!(refused, Err(allmende::service::ServiceError::Forbidden)), "{refused:?}");
    app.sign_in("ana").await;
    let thread_path = format!("/t/{}", opener.0);
    let (_, page) = app.get_html(&thread_path).await;
    assert!(page.contains(&format!(r#"action="/t/{}/move""#, opener.0)), "{page}");
    let missing = app.post_form(&format!("/t/{}/move", opener.0), &[("group", "nowhere")]).await;
    assert_eq!(missing.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let moved = app.post_form(&format!("/t/{}/move", opener.0), &[("group", "solar")]).await;
    assert_eq!(moved.status(), StatusCode::SEE_OTHER);
    let (_, solar_page) = app.get_html("/g/solar").await;
    assert!(solar_page.contains("Panels on the barn"), "{solar_page}");
    let (_, energy_page) = app.get_html("/g/energy").await;
    assert!(!energy_page.contains("Panels on the barn"), "{energy_page}");
    let (_, page) = app.get_html(&thread_path).await;
    assert!(page.contains("South side"), "the replies came along: {page}");

    for modlog in ["/g/energy/modlog.json", "/g/solar/modlog.json"] {
        let json: Value = app.get(modlog).await.json().await.expect("modlog JSON");
        assert_eq!(json["items"][0]["kind"], "thread_moved", "{modlog}: {json}");
        assert_eq!(json["items"][0]["reason"], "moved from energy to solar");
    }

    // Each group announces the opener's Update, now in solar, to its own followers.
    drain(&app).await;
    let got = new_bodies(&sink, seen);
    assert_eq!(got.len(), 2, "{got:?}");
    let mut announcers: Vec<&str> = got.iter().filter_map(|a| a["actor"].as_str()).collect();
    announcers.sort_unstable();
    assert_eq!(announcers, [local(&app, "/g/energy"), local(&app, "/g/solar")]);
    for announce in &got {
        let update = &announce["object"];
        assert_eq!(announce["type"], "Announce", "{announce}");
        assert_eq!(update["type"], "Update");
        assert_eq!(update["actor"], local(&app, "/g/solar"));
        assert_eq!(update["object"]["id"], local(&app, &thread_path));
        assert_eq!(update["object"]["audience"], local(&app, "/g/solar"));
    }
}

on_both_backends!(moderators_move_threads_between_their_groups);

const AS: &str = "https://www.w3.org/ns/activitystreams";
const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";

/// `actor`'s `Update` of the post `object` (by `author`) with `audience` as its group and
/// other words than it has.
fn move_update(peer: &Peer, n: u32, actor: &str, object: &str, author: &str, audience: &str) -> Value {
    json!({"@context": AS, "id": peer.url(&format!("/activities/update/{n}")), "type": "Update",
        "actor": actor, "to": [PUBLIC], "cc": [audience],
        "object": {"id": object, "type": "Page", "attributedTo": author, "name": "Taken over",
            "content": "<p>Rewritten by someone else</p>", "to": [PUBLIC, audience], "audience": audience,
            "published": "2026-01-01T00:00:00Z"}})
}

async fn group_of(app: &TestApp, post: allmende::domain::PostId) -> Option<String> {
    posts::get_post(&app.ctx, post, None).await.expect("post").group.map(|group| group.handle())
}

/// A group on another instance moves a thread (by a person on a third instance) from one of
/// its instance's groups to itself: its signed `Update`, or another group's `Announce` of it,
/// moves the thread and its replies here, and nothing of the opener's text changes. A person, a
/// group of another instance, an `audience` that is not the signer, a reply and a post we do
/// not hold are refused with 403.
pub async fn a_remote_group_moves_a_thread_of_its_instance_to_itself(app: TestApp) {
    let mut forum = Peer::start().await;
    let mut third = Peer::start().await;
    let energy = forum.add_actor("energy", "Group");
    let solar = forum.add_actor("solar", "Group");
    let wind = forum.add_actor("wind", "Group");
    let moderator = forum.add_actor("mod", "Person");
    let zoe = third.add_actor("zoe", "Person");
    let other_group = third.add_actor("heat", "Group");
    let energy_id = known(&app, &forum, &energy, 1).await;
    known(&app, &forum, &solar, 2).await;
    known(&app, &forum, &wind, 3).await;
    known(&app, &forum, &moderator, 4).await;
    let zoe_id = known(&app, &third, &zoe, 5).await;
    known(&app, &third, &other_group, 6).await;
    let opener_url = third.url("/posts/1");
    let opener = remote_post(&app, &opener_url, zoe_id, energy_id, None).await;
    let reply = remote_post(&app, &third.url("/posts/2"), zoe_id, energy_id, Some(opener)).await;
    let forum_host = forum.base_url.trim_start_matches("http://").to_owned();
    let in_group = |name: &str| Some(format!("{name}@{forum_host}"));
    let inbox = app.url("/inbox");

    // Refused: a person of the group's instance, a group of another instance, a group that
    // names another group as the new audience, a reply, and a post we do not hold.
    let by_person = move_update(&forum, 1, &moderator, &opener_url, &zoe, &moderator);
    assert_eq!(forum.deliver(&moderator, &inbox, &by_person).await, StatusCode::FORBIDDEN);
    let by_other_instance = move_update(&third, 2, &other_group, &opener_url, &zoe, &other_group);
    assert_eq!(third.deliver(&other_group, &inbox, &by_other_instance).await, StatusCode::FORBIDDEN);
    let elsewhere = move_update(&forum, 3, &solar, &opener_url, &zoe, &wind);
    assert_eq!(forum.deliver(&solar, &inbox, &elsewhere).await, StatusCode::FORBIDDEN);
    let of_reply = move_update(&forum, 4, &solar, &third.url("/posts/2"), &zoe, &solar);
    assert_eq!(forum.deliver(&solar, &inbox, &of_reply).await, StatusCode::FORBIDDEN);
    let unknown = move_update(&forum, 5, &solar, &third.url("/posts/9"), &zoe, &solar);
    assert_eq!(forum.deliver(&solar, &inbox, &unknown).await, StatusCode::FORBIDDEN);
    assert_eq!(group_of(&app, opener).await, in_group("energy"));

    // The group's own signed Update moves the thread and its replies; the text stays the author's.
    let moved = move_update(&forum, 6, &solar, &opener_url, &zoe, &solar);
    assert_eq!(forum.deliver(&solar, &inbox, &moved).await, StatusCode::ACCEPTED);
    assert_eq!(group_of(&app, opener).await, in_group("solar"));
    assert_eq!(group_of(&app, reply).await, in_group("solar"));
    let post = posts::get_post(&app.ctx, opener, None).await.expect("opener");
    assert_eq!(post.title.as_deref(), Some("Wind"));
    assert!(post.content_html.contains("Wind?"), "{}", post.content_html);
    let (_, page) = app.get_html(&format!("/g/solar@{forum_host}")).await;
    assert!(page.contains(&format!(r#"href="/t/{}"#, opener.0)), "{page}");
    let modlog: Value = app.get("/modlog.json").await.json().await.expect("modlog JSON");
    assert_eq!(modlog["items"][0]["kind"], "thread_moved", "{modlog}");
    assert_eq!(modlog["items"][0]["reason"], "moved from energy to solar");

    // The group it left announces the next move (to wind), as our groups do; again it moves.
    let update = move_update(&forum, 7, &wind, &opener_url, &zoe, &wind);
    let announce = json!({"@context": AS, "id": forum.url("/activities/announce/7"), "type": "Announce",
        "actor": solar, "to": [PUBLIC], "object": update});
    assert_eq!(forum.deliver(&solar, &inbox, &announce).await, StatusCode::ACCEPTED);
    assert_eq!(group_of(&app, opener).await, in_group("wind"));
    // The new group's announcement of the same move changes nothing more.
    let again = json!({"@context": AS, "id": forum.url("/activities/announce/8"), "type": "Announce",
        "actor": wind, "to": [PUBLIC], "object": update});
    assert_eq!(forum.deliver(&wind, &inbox, &again).await, StatusCode::ACCEPTED);
    assert_eq!(group_of(&app, opener).await, in_group("wind"));
    let post = posts::get_post(&app.ctx, opener, None).await.expect("opener");
    assert!(!post.content_html.contains("Rewritten"), "{}", post.content_html);
}

on_both_backends!(a_remote_group_moves_a_thread_of_its_instance_to_itself);

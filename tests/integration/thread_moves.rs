//! A moderator moves a thread between two of our groups (the thread page's form): the thread
//! and its replies change group, both modlogs say so, and both groups announce the opener's
//! `Update` with its new `audience` to their followers.

use allmende::service::{groups, posts, remote, threads};
use reqwest::StatusCode;
use serde_json::Value;

use crate::common::TestApp;
use crate::groups::{group, thread};
use crate::on_both_backends;
use crate::outbound::{drain, group_with_remote_follower, local, new_bodies, remote_actor};
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

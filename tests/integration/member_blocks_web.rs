//! Blocking and muting from the web (profile buttons, the settings page, collapsed replies on
//! thread pages, all through the real router with a session and CSRF), and the `Block` and
//! `Undo(Block)` a member's block of a remote person sends to that person's instance.

use reqwest::StatusCode;
use serde_json::json;

use crate::common::{TestApp, count_rows, location};
use crate::groups::{group, thread};
use crate::member_blocks::stored_remote_person;
use crate::on_both_backends;
use crate::outbound::{drain, remote_actor};
use crate::sink::Sink;
use allmende::service::posts::{self, NewReply};
use allmende::service::remote::{self, RemoteActorKind};
use allmende::service::{blocks, follows, groups, threads};

fn reply(body: &str) -> NewReply {
    NewReply { body: body.into(), language: None, content_warning: None, ..Default::default() }
}

pub async fn profile_buttons_settings_page_and_collapsed_replies(app: TestApp) {
    let ana = app.signed_in_user("ana").await;
    let bob = app.create_user("bob").await;
    groups::create_group(&app.ctx, ana.id, group("energy", "discussion")).await.expect("group");
    let opener = threads::create_thread(&app.ctx, &ana, "energy", thread("Solar")).await.expect("thread");
    posts::reply(&app.ctx, &bob, opener, reply("bob's secret opinion")).await.expect("reply");
    let answer = posts::reply(&app.ctx, &ana, opener, reply("ana answers")).await.expect("reply");
    let wind =
        threads::create_thread(&app.ctx, &bob, "energy", thread("Bob's wind idea")).await.expect("thread");
    follows::follow_group(&app.ctx, &ana, "energy").await.expect("follow");
    for path in ["/", "/feed", "/g/energy"] {
        assert!(app.get_html(path).await.1.contains("wind idea"), "{path} before the block");
    }

    let (status, profile) = app.get_html("/u/bob").await;
    assert_eq!(status, StatusCode::OK);
    assert!(profile.contains("action=\"/settings/blocks/people\""), "{profile}");
    assert!(profile.contains("value=\"block\"") && profile.contains("value=\"mute\""), "{profile}");
    let (_, own) = app.get_html("/u/ana").await;
    assert!(!own.contains("/settings/blocks/people"), "no Block button on one's own profile");

    // Without the CSRF token nothing happens.
    let forged = app
        .client
        .post(app.url("/settings/blocks/people"))
        .form(&[("account_id", bob.id.0.to_string().as_str()), ("action", "block")])
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    assert_eq!(count_rows(&app, "member_blocks").await, 0);

    let id = bob.id.0.to_string();
    let done = app
        .post_form("/settings/blocks/people", &[("account_id", &id), ("action", "block"), ("back", "/u/bob")])
        .await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&done), "/u/bob");
    let (_, profile) = app.get_html("/u/bob").await;
    assert!(
        profile.contains("You blocked this person.") && profile.contains("value=\"unblock\""),
        "{profile}"
    );

    for path in ["/", "/feed", "/g/energy"] {
        let (status, page) = app.get_html(path).await;
        assert_eq!(status, StatusCode::OK);
        assert!(!page.contains("wind idea"), "{path} leaves out the blocked person's thread");
    }
    // Reached by its link, the blocked person's thread shows its opener collapsed.
    let (_, page) = app.get_html(&format!("/t/{}", wind.0)).await;
    assert!(page.contains("hidden: you blocked this person") && !page.contains("Body of Bob"), "{page}");

    // The thread keeps its shape: bob's reply is a collapsed entry, ana's answer stays.
    let (_, page) = app.get_html(&format!("/t/{}", opener.0)).await;
    assert!(page.contains("hidden: you blocked this person"), "{page}");
    assert!(!page.contains("secret opinion"), "{page}");
    assert!(page.contains("ana answers") && page.contains(&format!("id=\"p{}\"", answer.0)));

    let (_, settings) = app.get_html("/settings/profile").await;
    assert!(settings.contains("href=\"/settings/blocks\""));
    let (status, listed) = app.get_html("/settings/blocks").await;
    assert_eq!(status, StatusCode::OK);
    assert!(listed.contains("@bob"), "{listed}");

    // Mute, then undo both from the settings page; a foreign `back` goes to the settings page.
    let muted = app
        .post_form(
            "/settings/blocks/people",
            &[("account_id", &id), ("action", "mute"), ("back", "//evil.example/")],
        )
        .await;
    assert_eq!(location(&muted), "/settings/blocks");
    let (_, page) = app.get_html(&format!("/t/{}", opener.0)).await;
    assert!(page.contains("hidden: you blocked this person"), "a block outranks a mute");
    app.post_form(
        "/settings/blocks/people",
        &[("account_id", &id), ("action", "unblock"), ("back", "/settings/blocks")],
    )
    .await;
    let (_, page) = app.get_html(&format!("/t/{}", opener.0)).await;
    assert!(page.contains("hidden: you muted this person"), "{page}");
    app.post_form("/settings/blocks/people", &[("account_id", &id), ("action", "unmute")]).await;
    let (_, page) = app.get_html(&format!("/t/{}", opener.0)).await;
    assert!(page.contains("secret opinion"));
    assert_eq!(count_rows(&app, "member_mutes").await + count_rows(&app, "member_blocks").await, 0);

    // Domains: a refused one is shown again with the error, a good one is listed and lifted.
    let refused = app.post_form("/settings/blocks/domains", &[("domain", "not a domain")]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = refused.text().await.unwrap();
    assert!(body.contains("This is not a host name.") && body.contains("value=\"not a domain\""), "{body}");
    let blocked = app.post_form("/settings/blocks/domains", &[("domain", "https://Evil.example/@x")]).await;
    assert_eq!(location(&blocked), "/settings/blocks");
    let (_, listed) = app.get_html("/settings/blocks").await;
    assert!(listed.contains("evil.example"), "{listed}");
    app.post_form("/settings/blocks/domains/remove", &[("domain", "evil.example")]).await;
    assert_eq!(count_rows(&app, "member_domain_blocks").await, 0);
}

pub async fn remote_profiles_have_the_buttons_too(app: TestApp) {
    app.signed_in_user("ana").await;
    let zoe = stored_remote_person(&app, "mastodon.example", "zoe").await;
    let (status, page) = app.get_html("/u/zoe@mastodon.example").await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(page.contains(&format!("name=\"account_id\" value=\"{}\"", zoe.0)), "{page}");
    let id = zoe.0.to_string();
    assert!(page.contains("name=\"duration\"") && page.contains("name=\"notifications\""), "{page}");
    let fields = [
        ("account_id", id.as_str()),
        ("action", "mute"),
        ("duration", "3600"),
        ("notifications", "true"),
        ("back", "/u/zoe@mastodon.example"),
    ];
    let done = app.post_form("/settings/blocks/people", &fields).await;
    assert_eq!(location(&done), "/u/zoe@mastodon.example");
    let (_, page) = app.get_html("/u/zoe@mastodon.example").await;
    assert!(page.contains("You muted this person."), "{page}");
    let (_, listed) = app.get_html("/settings/blocks").await;
    assert!(listed.contains("@zoe@mastodon.example"), "{listed}");
    // The hour runs out.
    app.clock.advance_seconds(3601);
    let (_, page) = app.get_html("/u/zoe@mastodon.example").await;
    assert!(!page.contains("You muted this person.") && page.contains("value=\"mute\""), "{page}");
}

pub async fn blocking_a_remote_person_sends_block_and_undo(app: TestApp) {
    let sink = Sink::start().await;
    let ana = app.create_user("ana").await;
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
    // zoe follows ana; the Accept goes out first.
    let follow_id = format!("{}/follows/1", sink.base_url);
    remote::accept_remote_follow(&app.ctx, zoe, ana.id, &follow_id).await.expect("follow");
    drain(&app).await;
    let seen = sink.accepted().len();

    blocks::block_actor(&app.ctx, &ana, zoe).await.expect("block");
    assert_eq!(count_rows(&app, "follows").await, 0, "zoe no longer follows ana");
    drain(&app).await;
    let zoe_url = format!("{}/users/zoe", sink.base_url);
    let ana_url = app.state.uris.absolute("/u/ana");
    let sent = sink.received();
    let block_delivery = sent.last().expect("a delivery");
    assert_eq!(block_delivery.uri.path(), "/users/zoe/inbox", "to zoe's own inbox");
    let got = crate::outbound::new_bodies(&sink, seen);
    assert_eq!(got.len(), 1, "{got:?}");
    let block = &got[0];
    assert!(block["@context"].is_array());
    assert_eq!(block["type"], "Block");
    assert_eq!(block["actor"], ana_url);
    assert_eq!(block["object"], zoe_url);
    assert_eq!(block["to"], json!([zoe_url]));
    assert!(block.get("target").is_none(), "a member's block names no group: {block}");
    assert!(block["id"].as_str().unwrap().starts_with(&app.state.uris.absolute("/activities/block/")));

    // A new Follow from zoe is answered with a Reject and stores nothing.
    let again = format!("{}/follows/2", sink.base_url);
    remote::accept_remote_follow(&app.ctx, zoe, ana.id, &again).await.expect("follow handled");
    assert_eq!(count_rows(&app, "follows").await, 0);
    drain(&app).await;
    let got = crate::outbound::new_bodies(&sink, seen + 1);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0]["type"], "Reject");
    assert_eq!(got[0]["object"]["id"], again);

    blocks::unblock_actor(&app.ctx, &ana, zoe).await.expect("unblock");
    drain(&app).await;
    let got = crate::outbound::new_bodies(&sink, seen + 2);
    assert_eq!(got.len(), 1, "{got:?}");
    let undo = &got[0];
    assert_eq!(undo["type"], "Undo");
    assert_eq!(undo["actor"], ana_url);
    assert_eq!(undo["to"], json!([zoe_url]));
    assert_eq!(undo["object"]["type"], "Block");
    assert_eq!(undo["object"]["id"], block["id"], "the Undo names the same Block");

    // Mutes and domain blocks stay here.
    blocks::mute_actor(&app.ctx, &ana, zoe, blocks::MuteOptions::default()).await.expect("mute");
    blocks::block_domain(&app.ctx, &ana, "elsewhere.example").await.expect("domain block");
    drain(&app).await;
    assert_eq!(crate::outbound::new_bodies(&sink, seen + 3).len(), 0);
}

on_both_backends!(
    profile_buttons_settings_page_and_collapsed_replies,
    remote_profiles_have_the_buttons_too,
    blocking_a_remote_person_sends_block_and_undo,
);

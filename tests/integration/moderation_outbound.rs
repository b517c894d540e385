//! What our groups send when their moderators act (Lemmy's shapes): a removal is the
//! moderator's `Delete` with the reason in `summary`, a restore its `Undo`, a ban a `Block`
//! with the group as `target` (reason, end, `removeData`) and an unban `Undo` of that same
//! `Block`; the group announces each to its followers, and a banned remote person's instance
//! gets the `Block` too.

use allmende::service::group_bans::{self, BanInput};
use allmende::service::remote::RemoteActorKind;
use allmende::service::{removals, threads};
use serde_json::Value;

use crate::common::TestApp;
use crate::groups::thread;
use crate::on_both_backends;
use crate::outbound::{announced, drain, group_with_remote_follower, local, new_bodies, remote_actor};
use crate::sink::Sink;

const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";

pub async fn removals_and_restores_are_the_moderators_delete_and_undo(app: TestApp) {
    let sink = Sink::start().await;
    let (ana, _) = group_with_remote_follower(&app, &sink).await;
    let carl = app.create_user("carl").await;
    let spam = threads::create_thread(&app.ctx, &carl, "energy", thread("Spam")).await.expect("thread");
    drain(&app).await;
    let seen = sink.accepted().len();

    removals::remove_post(&app.ctx, &ana, spam, "Advertising").await.expect("the owner removes");
    drain(&app).await;
    let got = new_bodies(&sink, seen);
    assert_eq!(got.len(), 1, "{got:?}");
    let delete = announced(&app, &got[0]);
    assert_eq!(delete["type"], "Delete");
    assert_eq!(delete["actor"], local(&app, "/u/ana"));
    assert_eq!(delete["summary"], "Advertising", "the reason, as Lemmy reads it");
    assert_eq!(delete["object"]["id"], local(&app, &format!("/t/{}", spam.0)));
    assert_eq!(delete["object"]["type"], "Tombstone");
    assert_eq!(delete["to"][0], PUBLIC);
    assert_eq!(delete["cc"][0], local(&app, "/g/energy"));
    assert_eq!(delete["audience"], local(&app, "/g/energy"));

    removals::restore_post(&app.ctx, &ana, spam).await.expect("restored");
    drain(&app).await;
    let got = new_bodies(&sink, seen + 1);
    assert_eq!(got.len(), 1, "{got:?}");
    let undo = announced(&app, &got[0]);
    assert_eq!(undo["type"], "Undo");
    assert_eq!(undo["actor"], local(&app, "/u/ana"));
    assert_eq!(undo["audience"], local(&app, "/g/energy"));
    assert_eq!(undo["object"]["type"], "Delete");
    assert_eq!(undo["object"]["actor"], local(&app, "/u/ana"), "Lemmy wants the same actor inside");
    assert_eq!(undo["object"]["object"]["id"], local(&app, &format!("/t/{}", spam.0)));
}

pub async fn bans_are_a_block_with_the_group_as_target_and_its_undo(app: TestApp) {
    let sink = Sink::start().await;
    let peer = Sink::start().await;
    let (ana, _) = group_with_remote_follower(&app, &sink).await;
    remote_actor(&app, &peer, RemoteActorKind::Person, "users", "bea", "/users/bea/inbox", None).await;
    let bea_url = format!("{}/users/bea", peer.base_url);
    let seen = sink.accepted().len();

    let input = BanInput {
        handle: format!("bea@{}", peer.host()),
        reason: "Spam".into(),
        days: "3".into(),
        remove_data: false,
    };
    group_bans::ban_person(&app.ctx, &ana, "energy", input).await.expect("banned");
    drain(&app).await;
    let got = new_bodies(&sink, seen);
    assert_eq!(got.len(), 1, "{got:?}");
    let block = announced(&app, &got[0]).clone();
    assert_eq!(block["type"], "Block");
    assert_eq!(block["actor"], local(&app, "/u/ana"));
    assert_eq!(block["object"], bea_url);
    assert_eq!(block["target"], local(&app, "/g/energy"));
    assert_eq!(block["summary"], "Spam");
    assert_eq!(block["removeData"], false);
    let end = block["endTime"].as_str().expect("endTime");
    assert_eq!(block["expires"], end, "older Lemmy versions read `expires`");
    let end = chrono::DateTime::parse_from_rfc3339(end).expect("a time");
    let in_three_days = app.ctx.now().millis() + 3 * 24 * 3600 * 1000;
    assert!((end.timestamp_millis() - in_three_days).abs() < 2000, "{end}");
    let to_bea = peer.accepted();
    assert_eq!(to_bea.len(), 1, "bea's instance hears of the ban: {to_bea:?}");
    assert_eq!(to_bea[0]["type"], "Block");
    assert_eq!(to_bea[0]["id"], block["id"]);

    group_bans::unban_person(&app.ctx, &ana, "energy", &format!("bea@{}", peer.host()))
        .await
        .expect("unbanned");
    drain(&app).await;
    let got = new_bodies(&sink, seen + 1);
    assert_eq!(got.len(), 1, "{got:?}");
    let undo: &Value = announced(&app, &got[0]);
    assert_eq!(undo["type"], "Undo");
    assert_eq!(undo["actor"], local(&app, "/u/ana"));
    assert_eq!(undo["object"]["type"], "Block");
    assert_eq!(undo["object"]["id"], block["id"], "the Undo names the Block that was sent");
    assert_eq!(undo["object"]["target"], local(&app, "/g/energy"));
    assert_eq!(peer.accepted().len(), 2, "and bea's instance hears of the unban");
}

on_both_backends!(
    removals_and_restores_are_the_moderators_delete_and_undo,
    bans_are_a_block_with_the_group_as_target_and_its_undo,
);

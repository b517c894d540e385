//! A person of another server on one of our groups' teams acts from their own instance: their
//! `Delete` of a post of ours in the group (reason in `summary`) removes it, their `Undo` brings
//! it back, and the group tells its followers. Anyone else's, or theirs once dismissed, is
//! refused and changes nothing.

use allmende::domain::PostId;
use allmende::service::posts::{self, NewReply};
use allmende::service::{moderator_teams, remote, threads};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::TestApp;
use crate::groups::thread;
use crate::on_both_backends;
use crate::outbound::{drain, group_with_remote_follower, new_bodies};
use crate::peer::Peer;
use crate::sink::Sink;

const AS: &str = "https://www.w3.org/ns/activitystreams";
const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";
const SPAM: &str = "Cheap watches, ask me";

fn delete(actor: &str, n: u32, object: &str) -> Value {
    json!({"@context": AS, "id": format!("{actor}/delete/{n}"), "type": "Delete", "actor": actor,
           "object": object, "summary": "Advertising", "to": [PUBLIC]})
}

async fn thread_page(app: &TestApp, thread: PostId) -> String {
    let (status, page) = app.get_html(&format!("/t/{}", thread.0)).await;
    assert_eq!(status, StatusCode::OK);
    page
}

pub async fn a_visiting_moderator_removes_and_restores_our_posts(app: TestApp) {
    let sink = Sink::start().await;
    let (ana, _) = group_with_remote_follower(&app, &sink).await;
    let bo = app.create_user("bo").await;
    let heat = threads::create_thread(&app.ctx, &ana, "energy", thread("Heat pumps")).await.expect("thread");
    let body = NewReply { body: SPAM.into(), language: None, content_warning: None, ..Default::default() };
    let spam = posts::reply(&app.ctx, &bo, heat, body).await.expect("reply");
    let spam_url = app.state.uris.post(spam, false);
    let mut peer = Peer::start().await;
    let mallory = peer.add_actor("mallory", "Person");
    let vera = peer.add_actor("vera", "Person");
    for who in [&mallory, &vera] {
        let hello = json!({"@context": AS, "id": format!("{who}/hello"), "type": "View", "actor": who, "object": who});
        assert_eq!(peer.deliver(who, &app.url("/inbox"), &hello).await, StatusCode::ACCEPTED);
    }
    let vera_id = remote::known_actor(&app.ctx, &vera).await.expect("lookup").expect("vera stored").0;
    moderator_teams::appoint(&app.ctx, &ana, "energy", vera_id).await.expect("vera appointed");
    drain(&app).await;

    let group_inbox = app.url("/g/energy/inbox");
    let refused = peer.deliver(&mallory, &group_inbox, &delete(&mallory, 1, &spam_url)).await;
    assert_eq!(refused, StatusCode::FORBIDDEN, "mallory is not on the team");
    assert!(thread_page(&app, heat).await.contains(SPAM), "nothing changed");

    let seen = sink.accepted().len();
    let removal = delete(&vera, 2, &spam_url);
    assert_eq!(peer.deliver(&vera, &group_inbox, &removal).await, StatusCode::ACCEPTED);
    let page = thread_page(&app, heat).await;
    assert!(page.contains("Removed by the moderators: Advertising") && !page.contains(SPAM), "{page}");
    let (_, modlog) = app.get_html("/g/energy/modlog").await;
    assert!(modlog.contains("Advertising"), "{modlog}");
    drain(&app).await;
    let told = new_bodies(&sink, seen);
    assert!(
        told.iter().any(|body| body["type"] == "Announce"
            && body["object"]["type"] == "Delete"
            && body["object"]["object"]["id"].as_str().or(body["object"]["object"].as_str())
                == Some(&spam_url)),
        "the group tells its followers: {told:?}"
    );

    let undo = json!({"@context": AS, "id": format!("{vera}/undo/2"), "type": "Undo", "actor": vera,
                      "object": removal, "to": [PUBLIC]});
    assert_eq!(peer.deliver(&vera, &group_inbox, &undo).await, StatusCode::ACCEPTED);
    assert!(thread_page(&app, heat).await.contains(SPAM), "restored");

    moderator_teams::dismiss(&app.ctx, &ana, "energy", vera_id).await.expect("vera dismissed");
    let refused = peer.deliver(&vera, &app.url("/inbox"), &delete(&vera, 3, &spam_url)).await;
    assert_eq!(refused, StatusCode::FORBIDDEN, "dismissed");
    assert!(thread_page(&app, heat).await.contains(SPAM));
    // Nobody elsewhere deletes the group's opener or our group itself either.
    let opener = app.state.uris.post(heat, true);
    let refused = peer.deliver(&mallory, &app.url("/inbox"), &delete(&mallory, 4, &opener)).await;
    assert_eq!(refused, StatusCode::FORBIDDEN);
    let group = app.state.uris.group("energy");
    let refused = peer.deliver(&vera, &app.url("/inbox"), &delete(&vera, 5, &group)).await;
    assert_eq!(refused, StatusCode::FORBIDDEN);
}

on_both_backends!(a_visiting_moderator_removes_and_restores_our_posts);

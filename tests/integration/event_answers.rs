//! Remote organisers answer our members' participation: a member's `Join` of a remote event is
//! confirmed by `Accept(Join)` or declined by `Reject(Join)` (the `Join` embedded, as Mobilizon
//! sends it, or named by its id), only from the event's own server. Events whose organiser
//! approves participants (`joinMode: restricted`) keep the member waiting until then;
//! invite-only and external events cannot be joined from here. The events are Mobilizon's own
//! JSON (`tests/fixtures/mobilizon`), moved to a fake peer.

use allmende::domain::EventId;
use allmende::service::{CurrentUser, events, follows};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::{TestApp, count_rows};
use crate::on_both_backends;
use crate::peer::Peer;

const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";

/// Mobilizon's event fixture, as the peer's group `cykel` organised by `orga` would send it.
fn mobilizon_event(peer: &Peer, n: u32, join_mode: &str) -> Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/mobilizon/objects/event.json"
    ))
    .expect("fixture");
    let mut event: Value = serde_json::from_str(&text).expect("JSON");
    let id = peer.url(&format!("/events/{n}"));
    event["id"] = json!(id);
    event["url"] = json!(id);
    event["name"] = json!(format!("Bike repair café {n}"));
    event["actor"] = json!(peer.url("/users/orga"));
    event["attributedTo"] = json!(peer.url("/users/cykel"));
    event["cc"] = json!([peer.url("/users/cykel/followers")]);
    event["startTime"] = json!("2031-03-14T17:00:00+00:00");
    event["endTime"] = json!("2031-03-14T19:00:00+00:00");
    event["joinMode"] = json!(join_mode);
    event
}

struct Scene {
    peer: Peer,
    group: String,
    orga: String,
    ana: CurrentUser,
}

/// ana follows the peer's group `cykel`; `orga` (a person on the same server) organises its events.
async fn scene(app: &TestApp) -> Scene {
    let mut peer = Peer::start().await;
    let group = peer.add_actor("cykel", "Group");
    let orga = peer.add_actor("orga", "Person");
    let ana = app.signed_in_user("ana").await;
    let url = url::Url::parse(&group).expect("url");
    allmende::federation::resolve::actor_by_url(&app.state, &url).await.expect("group stored");
    let host = peer.base_url.trim_start_matches("http://").to_owned();
    follows::follow_group(&app.ctx, &ana, &format!("cykel@{host}")).await.expect("follow");
    Scene { peer, group, orga, ana }
}

/// The peer's organiser announces an event; returns its page here.
async fn receive_event(app: &TestApp, scene: &Scene, n: u32, join_mode: &str) -> (EventId, String) {
    let event = mobilizon_event(&scene.peer, n, join_mode);
    let create = json!({"@context": event["@context"].clone(), "id": scene.peer.url(&format!("/create/{n}")),
        "type": "Create", "actor": scene.orga, "to": [PUBLIC], "object": event});
    assert_eq!(scene.peer.deliver(&scene.orga, &app.url("/inbox"), &create).await, StatusCode::ACCEPTED);
    let id = events::remote_event_by_ap_id(&app.ctx, &scene.peer.url(&format!("/events/{n}")))
        .await
        .expect("lookup")
        .expect("the event is stored");
    (id, format!("/e/{}", id.0))
}

async fn answer_going(app: &TestApp, page: &str) -> StatusCode {
    app.post_form(&format!("{page}/rsvp"), &[("rsvp", "going")]).await.status()
}

/// An organiser's answer in Mobilizon's shape: the participant's `Join` embedded.
fn answer(scene: &Scene, app: &TestApp, kind: &str, n: u32, event: &str, signer: &str) -> Value {
    json!({"@context": ["https://www.w3.org/ns/activitystreams"],
        "id": scene.peer.url(&format!("/{}/join/{n}", kind.to_lowercase())), "type": kind, "actor": signer,
        "to": [app.state.uris.user("ana")], "cc": [],
        "object": {"type": "Join", "id": app.state.uris.absolute(&format!("/activities/join/{}-0-1", scene.ana.id.0)),
                   "actor": app.state.uris.user("ana"), "object": event}})
}

pub async fn a_restricted_event_waits_for_the_organiser(app: TestApp) {
    let scene = scene(&app).await;
    let (_, page) = receive_event(&app, &scene, 1, "restricted").await;
    let (_, html) = app.get_html(&page).await;
    assert!(html.contains("The organiser approves each participant."), "{html}");

    assert_eq!(answer_going(&app, &page).await, StatusCode::SEE_OTHER);
    let (_, html) = app.get_html(&page).await;
    assert!(html.contains("id=\"rsvp-waiting\""), "waiting for the organiser: {html}");
    assert!(!html.contains("You are going."));

    // Someone on another server cannot answer for the organiser.
    let mut elsewhere = Peer::start().await;
    let mallory = elsewhere.add_actor("mallory", "Person");
    let event_url = scene.peer.url("/events/1");
    let mut forged = answer(&scene, &app, "Accept", 9, &event_url, &mallory);
    forged["id"] = json!(elsewhere.url("/accept/1"));
    assert_eq!(elsewhere.deliver(&mallory, &app.url("/inbox"), &forged).await, StatusCode::FORBIDDEN);
    let (_, html) = app.get_html(&page).await;
    assert!(html.contains("id=\"rsvp-waiting\""), "still waiting");

    // The organiser accepts (Mobilizon signs as the organising person): the place is confirmed.
    let accept = answer(&scene, &app, "Accept", 1, &event_url, &scene.orga);
    assert_eq!(scene.peer.deliver(&scene.orga, &app.url("/inbox"), &accept).await, StatusCode::ACCEPTED);
    let (_, html) = app.get_html(&page).await;
    assert!(html.contains("You are going.") && html.contains("Your place is confirmed."), "{html}");
    assert!(!html.contains("id=\"rsvp-waiting\""));
}

pub async fn an_organiser_declines_by_naming_the_join(app: TestApp) {
    let scene = scene(&app).await;
    let (event, page) = receive_event(&app, &scene, 2, "free").await;
    assert_eq!(answer_going(&app, &page).await, StatusCode::SEE_OTHER);
    let (_, html) = app.get_html(&page).await;
    assert!(html.contains("You are going.") && !html.contains("Your place is confirmed."), "{html}");

    // The group answers with a Reject naming our Join only by its id; from another server,
    // such a Reject is refused.
    let join_id = app.state.uris.join_activity(scene.ana.id.0, event.0, 1_700_000_000_000);
    let mut elsewhere = Peer::start().await;
    let mallory = elsewhere.add_actor("mallory", "Person");
    let forged = json!({"@context": "https://www.w3.org/ns/activitystreams", "id": elsewhere.url("/reject/1"),
        "type": "Reject", "actor": mallory, "object": join_id});
    assert_eq!(elsewhere.deliver(&mallory, &app.url("/inbox"), &forged).await, StatusCode::FORBIDDEN);
    let (_, html) = app.get_html(&page).await;
    assert!(html.contains("You are going."), "unchanged");

    let reject = json!({"@context": "https://www.w3.org/ns/activitystreams", "id": scene.peer.url("/reject/2"),
        "type": "Reject", "actor": scene.group, "object": join_id});
    assert_eq!(scene.peer.deliver(&scene.group, &app.url("/inbox"), &reject).await, StatusCode::ACCEPTED);
    let (_, html) = app.get_html(&page).await;
    assert!(html.contains("The organiser declined your request to take part."), "{html}");
    assert!(!html.contains("You are going."));
    let token = events::reset_calendar_token(&app.ctx, &scene.ana).await.expect("token");
    let mine = events::list_events_by_calendar_token(&app.ctx, &token).await.expect("feed");
    assert!(mine.is_empty(), "a declined event is not in the member's calendar");

    // A late Accept does not bring back someone who is not going.
    let accept = json!({"@context": "https://www.w3.org/ns/activitystreams", "id": scene.peer.url("/accept/2"),
        "type": "Accept", "actor": scene.group, "object": join_id});
    assert_eq!(scene.peer.deliver(&scene.group, &app.url("/inbox"), &accept).await, StatusCode::ACCEPTED);
    let (_, html) = app.get_html(&page).await;
    assert!(html.contains("The organiser declined") && !html.contains("Your place is confirmed."));

    // Asking again is possible, and waits for a new answer.
    assert_eq!(answer_going(&app, &page).await, StatusCode::SEE_OTHER);
    let (_, html) = app.get_html(&page).await;
    assert!(html.contains("You are going.") && !html.contains("The organiser declined"), "{html}");
}

pub async fn invite_only_and_external_events_cannot_be_joined_here(app: TestApp) {
    let scene = scene(&app).await;
    for (n, mode, reason) in [
        (3, "invite", "Only people the organisers invite can take part"),
        (4, "external", "Registration for this event happens on another website"),
    ] {
        let (_, page) = receive_event(&app, &scene, n, mode).await;
        let (_, html) = app.get_html(&page).await;
        assert!(html.contains(reason), "{mode}: {html}");
        let original = scene.peer.url(&format!("/events/{n}"));
        assert!(
            html.contains(&format!(r#"<a href="{original}">Open the event on its own site</a>"#)),
            "{html}"
        );
        assert!(!html.contains(r#"name="rsvp" value="going""#), "no going button");
        let before = count_rows(&app, "event_participants").await;
        let response = app.post_form(&format!("{page}/rsvp"), &[("rsvp", "going")]).await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        let refused = response.text().await.expect("body");
        assert!(refused.contains("This event cannot be joined from here."), "{refused}");
        assert_eq!(count_rows(&app, "event_participants").await, before, "nothing stored");
    }
}

on_both_backends!(
    a_restricted_event_waits_for_the_organiser,
    an_organiser_declines_by_naming_the_join,
    invite_only_and_external_events_cannot_be_joined_here
);

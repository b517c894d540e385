//! Organisers' answers to a `Join`: Mobilizon's `Accept` embeds the participant's `Join` (its
//! `id` is the id of the `Join` it received, `actor` the organising person); a `Reject` may also
//! name the `Join` only by its id, which then reads as any `Accept`/`Reject` by id does. Our own
//! `Join` ids read back as the person and the event.

use serde_json::json;

use crate::federation::protocol::{FollowOrUrl, Inbound, parse_inbound};
use crate::federation::uris::{LocalObject, Uris};

fn mobilizon_accept(object: serde_json::Value) -> serde_json::Value {
    json!({"id": "https://mobilizon.example/accept/join/41", "type": "Accept",
        "actor": "https://mobilizon.example/@orga", "to": ["https://allmende.example/u/ana"], "cc": [],
        "object": object})
}

#[test]
fn an_accept_with_the_join_embedded_is_an_answer() {
    let join = json!({"type": "Join", "id": "https://allmende.example/activities/join/7-9-1700000000000",
        "actor": "https://allmende.example/u/ana", "object": "https://mobilizon.example/events/b81c"});
    let Ok(Inbound::JoinAnswer(answer)) = parse_inbound(mobilizon_accept(join)) else {
        panic!("not an answer to a Join")
    };
    assert_eq!(answer.kind, "Accept");
    assert_eq!(answer.object.actor.as_str(), "https://allmende.example/u/ana");
    assert_eq!(answer.object.object.as_str(), "https://mobilizon.example/events/b81c");
    let mut reject = mobilizon_accept(
        json!({"type": "Join", "id": "https://allmende.example/activities/join/7-9-1",
        "actor": "https://allmende.example/u/ana", "object": {"id": "https://mobilizon.example/events/b81c", "type": "Event"}}),
    );
    reject["type"] = json!("Reject");
    let Ok(Inbound::JoinAnswer(answer)) = parse_inbound(reject) else { panic!("not an answer") };
    assert_eq!(answer.kind, "Reject");
    assert_eq!(answer.object.object.as_str(), "https://mobilizon.example/events/b81c", "an embedded event");
}

#[test]
fn a_broken_embedded_join_is_refused_and_a_join_by_id_reads_as_an_accept() {
    for broken in [
        json!({"type": "Join", "id": "https://allmende.example/activities/join/7-9-1"}),
        json!({"type": "Join", "id": "not a url", "actor": "https://allmende.example/u/ana", "object": "https://m.example/e/1"}),
        json!({"type": "Join", "actor": "https://allmende.example/u/ana", "object": "https://m.example/e/1"}),
    ] {
        assert!(parse_inbound(mobilizon_accept(broken.clone())).is_err(), "{broken}");
    }
    let by_id = mobilizon_accept(json!("https://allmende.example/activities/join/7-9-1700000000000"));
    let Ok(Inbound::Accept(accept)) = parse_inbound(by_id) else { panic!("not an Accept") };
    assert!(matches!(accept.object, FollowOrUrl::Url(_)));
}

#[test]
fn our_join_ids_name_the_person_and_the_event() {
    let uris = Uris::from_base("https://allmende.example");
    let id = url::Url::parse(&uris.join_activity(7, 9, 1_700_000_000_000)).expect("URL");
    assert_eq!(uris.parse_local(&id), Some(LocalObject::Join { person: 7, event: 9 }));
    for other in ["/activities/join/7-9", "/activities/join/a-9-1", "/activities/join/7-9-1-2"] {
        let url = url::Url::parse(&uris.absolute(other)).expect("URL");
        assert_eq!(uris.parse_local(&url), None, "{other}");
    }
}

//! What we send, pinned field by field: the shapes Lemmy and Mastodon require (`type`, camelCase
//! names, `mediaType`, `source`, `audience`, public addressing), no `null`s, RFC 3339 dates. Each
//! value must also read back as itself, so we accept what we send.

use chrono::{DateTime, TimeZone, Utc};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use url::Url;

use crate::federation::protocol::{
    AcceptJson, ActorJson, ActorKind, AnnounceJson, CreateJson, DeleteJson, Endpoints, FollowJson, Inbound,
    LanguageJson, NewNote, NewPage, OrderedCollectionJson, PUBLIC, PostJson, SourceJson, UndoJson,
    UndoObject, context, main_key, parse_inbound, with_context,
};

fn url(text: &str) -> Url {
    Url::parse(&format!("https://forum.example{text}")).expect("test URL")
}

fn published() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 5, 1, 10, 0, 0).single().expect("valid date")
}

/// Serializes `value`, checks it has no `null` anywhere and reads back as itself.
fn sent<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(value: &T) -> Value {
    let json = serde_json::to_value(value).expect("serializes");
    assert_no_nulls(&json, "$");
    let back: T = serde_json::from_value(json.clone()).expect("reads back");
    assert_eq!(&back, value, "does not read back as itself");
    json
}

fn assert_no_nulls(value: &Value, path: &str) {
    match value {
        Value::Null => panic!("null at {path}"),
        Value::Array(values) => {
            values.iter().enumerate().for_each(|(i, v)| assert_no_nulls(v, &format!("{path}[{i}]")))
        }
        Value::Object(map) => map.iter().for_each(|(k, v)| assert_no_nulls(v, &format!("{path}.{k}"))),
        _ => {}
    }
}

fn page() -> PostJson {
    PostJson::page(NewPage {
        id: url("/t/1"),
        author: url("/u/alice"),
        group: url("/g/climate"),
        context: url("/t/1/context"),
        title: "Solar on the school roof".into(),
        html: "<p>Who is <em>in</em>?</p>".into(),
        markdown: "Who is *in*?".into(),
        published: published(),
        language: Some(LanguageJson::new("de", "Deutsch")),
    })
}

fn page_json() -> Value {
    json!({
        "id": "https://forum.example/t/1",
        "type": "Page",
        "attributedTo": "https://forum.example/u/alice",
        "to": [PUBLIC],
        "cc": ["https://forum.example/g/climate"],
        "audience": "https://forum.example/g/climate",
        "context": "https://forum.example/t/1/context",
        "name": "Solar on the school roof",
        "content": "<p>Who is <em>in</em>?</p>",
        "contentMap": { "de": "<p>Who is <em>in</em>?</p>" },
        "mediaType": "text/html",
        "source": { "content": "Who is *in*?", "mediaType": "text/markdown" },
        "sensitive": false,
        "published": "2026-05-01T10:00:00Z",
        "language": { "identifier": "de", "name": "Deutsch" }
    })
}

#[test]
fn page_has_what_lemmy_and_mastodon_need() {
    assert_eq!(sent(&page()), page_json());
}

#[test]
fn note_mentions_and_addresses_the_parent_author() {
    let note = PostJson::note(NewNote {
        id: url("/p/2"),
        author: url("/u/bob"),
        group: Some(url("/g/climate")),
        author_followers: url("/u/bob/followers"),
        context: url("/t/1/context"),
        in_reply_to: url("/t/1"),
        parent_author: url("/u/alice"),
        parent_handle: "@alice@forum.example".into(),
        html: "<p>Me!</p>".into(),
        markdown: "Me!".into(),
        published: published(),
        language: None,
    });
    assert_eq!(
        sent(&note),
        json!({
            "id": "https://forum.example/p/2",
            "type": "Note",
            "attributedTo": "https://forum.example/u/bob",
            "to": [PUBLIC],
            "cc": ["https://forum.example/g/climate", "https://forum.example/u/alice"],
            "audience": "https://forum.example/g/climate",
            "context": "https://forum.example/t/1/context",
            "inReplyTo": "https://forum.example/t/1",
            "content": "<p>Me!</p>",
            "mediaType": "text/html",
            "source": { "content": "Me!", "mediaType": "text/markdown" },
            "sensitive": false,
            "published": "2026-05-01T10:00:00Z",
            "tag": [{ "type": "Mention", "href": "https://forum.example/u/alice", "name": "@alice@forum.example" }]
        })
    );
    assert_eq!(note.language(), None);
}

#[test]
fn group_actor_is_a_fep_1b12_group() {
    let id = url("/g/climate");
    let mut group = ActorJson::new(
        ActorKind::Group,
        id.clone(),
        "climate",
        url("/g/climate/inbox"),
        main_key(&id, "PEM"),
    );
    group.name = Some("Climate partnership".into());
    group.summary = Some("<p>Energy projects</p>".into());
    group.source = Some(SourceJson::markdown("Energy projects"));
    group.outbox = Some(url("/g/climate/outbox"));
    group.followers = Some(url("/g/climate/followers"));
    group.endpoints = Some(Endpoints { shared_inbox: url("/inbox") });
    group.attributed_to = Some(url("/g/climate/moderators"));
    group.posting_restricted_to_mods = Some(false);
    group.manually_approves_followers = Some(false);
    group.discoverable = Some(true);
    group.published = Some(published());
    assert_eq!(
        sent(&group),
        json!({
            "id": "https://forum.example/g/climate",
            "type": "Group",
            "preferredUsername": "climate",
            "name": "Climate partnership",
            "summary": "<p>Energy projects</p>",
            "source": { "content": "Energy projects", "mediaType": "text/markdown" },
            "inbox": "https://forum.example/g/climate/inbox",
            "outbox": "https://forum.example/g/climate/outbox",
            "followers": "https://forum.example/g/climate/followers",
            "endpoints": { "sharedInbox": "https://forum.example/inbox" },
            "publicKey": {
                "id": "https://forum.example/g/climate#main-key",
                "owner": "https://forum.example/g/climate",
                "publicKeyPem": "PEM"
            },
            "attributedTo": "https://forum.example/g/climate/moderators",
            "postingRestrictedToMods": false,
            "manuallyApprovesFollowers": false,
            "discoverable": true,
            "published": "2026-05-01T10:00:00Z"
        })
    );
}

fn follow() -> FollowJson {
    FollowJson::new(url("/activities/follow/1"), url("/u/alice"), url("/g/climate"))
}

fn follow_json() -> Value {
    json!({
        "id": "https://forum.example/activities/follow/1",
        "type": "Follow",
        "actor": "https://forum.example/u/alice",
        "object": "https://forum.example/g/climate",
        "to": ["https://forum.example/g/climate"]
    })
}

#[test]
fn follow_and_accept() {
    assert_eq!(sent(&follow()), follow_json());
    let accept = AcceptJson::new(url("/activities/accept/1"), url("/g/climate"), follow());
    assert_eq!(
        sent(&accept),
        json!({
            "id": "https://forum.example/activities/accept/1",
            "type": "Accept",
            "actor": "https://forum.example/g/climate",
            "object": follow_json(),
            "to": ["https://forum.example/u/alice"]
        })
    );
}

#[test]
fn create_is_addressed_like_its_post() {
    let create = CreateJson::new(url("/activities/create/1"), page());
    assert_eq!(
        sent(&create),
        json!({
            "id": "https://forum.example/activities/create/1",
            "type": "Create",
            "actor": "https://forum.example/u/alice",
            "object": page_json(),
            "to": [PUBLIC],
            "cc": ["https://forum.example/g/climate"],
            "audience": "https://forum.example/g/climate",
            "published": "2026-05-01T10:00:00Z"
        })
    );
}

#[test]
fn announce_wraps_an_activity_or_boosts_a_url() {
    let create =
        serde_json::to_value(CreateJson::new(url("/activities/create/1"), page())).expect("serializes");
    let wrapped = AnnounceJson::wrap(
        url("/activities/announce/1"),
        url("/g/climate"),
        create.clone(),
        url("/g/climate/followers"),
    );
    let expected = |object: Value, id: &str| {
        json!({
            "id": id,
            "type": "Announce",
            "actor": "https://forum.example/g/climate",
            "object": object,
            "to": [PUBLIC],
            "cc": ["https://forum.example/g/climate/followers"]
        })
    };
    assert_eq!(sent(&wrapped), expected(create, "https://forum.example/activities/announce/1"));
    let boost = AnnounceJson::boost(
        url("/activities/announce/2"),
        url("/g/climate"),
        url("/t/1"),
        url("/g/climate/followers"),
    );
    assert_eq!(
        sent(&boost),
        expected(json!("https://forum.example/t/1"), "https://forum.example/activities/announce/2")
    );
}

#[test]
fn delete_embeds_a_tombstone_and_undo_embeds_the_activity() {
    let mut delete = DeleteJson::new(url("/activities/delete/1"), url("/u/alice"), url("/p/2"));
    delete.to = vec![PUBLIC.parse().expect("URL")];
    let json = sent(&delete);
    assert_eq!(json["object"], json!({ "id": "https://forum.example/p/2", "type": "Tombstone" }));

    let undo = UndoJson::new(url("/activities/undo/1"), url("/u/alice"), UndoObject::Follow(follow()));
    let json = sent(&undo);
    assert_eq!(json["type"], "Undo");
    assert_eq!(json["object"], follow_json());
    assert!(matches!(parse_inbound(json), Ok(Inbound::Undo(_))));
}

#[test]
fn collections_always_say_what_they_hold() {
    let whole = OrderedCollectionJson::new(url("/t/1/context"), vec![json!("https://forum.example/t/1")]);
    assert_eq!(
        sent(&whole),
        json!({
            "id": "https://forum.example/t/1/context",
            "type": "OrderedCollection",
            "totalItems": 1,
            "orderedItems": ["https://forum.example/t/1"]
        })
    );
    let empty = OrderedCollectionJson::new(url("/g/climate/outbox"), Vec::new());
    assert_eq!(sent(&empty)["orderedItems"], json!([]));
    let paged = OrderedCollectionJson::paged(url("/g/climate/outbox"), 40, url("/g/climate/outbox?page=1"));
    assert!(sent(&paged).get("orderedItems").is_none(), "a paged collection must point readers to `first`");
}

#[test]
fn context_is_sent_first() {
    let json = serde_json::to_value(with_context(follow())).expect("serializes");
    assert_eq!(json["@context"], context());
    assert_eq!(json["@context"][0], "https://www.w3.org/ns/activitystreams");
    assert_eq!(json["@context"][2]["postingRestrictedToMods"], "lemmy:postingRestrictedToMods");
    let text = serde_json::to_string(&with_context(follow())).expect("serializes");
    assert!(text.starts_with(r#"{"@context":["#), "{text}");
}

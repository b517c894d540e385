//! Hostile and malformed input: a clear error or a tolerant reading, never a panic, and no work
//! that grows faster than the input.

use serde_json::{Value, json};

use crate::federation::protocol::{ActorJson, Inbound, ParseError, PostJson, is_public, parse_inbound};

fn note(extra: Value) -> Value {
    let mut note = json!({
        "id": "https://remote.example/notes/1",
        "type": "Note",
        "attributedTo": "https://remote.example/users/mallory",
        "content": "<p>hi</p>"
    });
    if let (Some(note), Value::Object(extra)) = (note.as_object_mut(), extra) {
        note.extend(extra);
    }
    note
}

fn actor(extra: Value) -> Value {
    let mut actor = json!({
        "id": "https://remote.example/c/group",
        "type": "Group",
        "preferredUsername": "group",
        "inbox": "https://remote.example/c/group/inbox",
        "publicKey": {
            "id": "https://remote.example/c/group#main-key",
            "owner": "https://remote.example/c/group",
            "publicKeyPem": "PEM"
        }
    });
    if let (Some(actor), Value::Object(extra)) = (actor.as_object_mut(), extra) {
        actor.extend(extra);
    }
    actor
}

#[test]
fn top_level_must_be_an_object() {
    for (value, found) in [
        (json!([]), "an array"),
        (json!(42), "a number"),
        (json!("Create"), "a string"),
        (Value::Null, "null"),
    ] {
        let error = parse_inbound(value).expect_err("not an activity");
        assert!(matches!(error, ParseError::NotAnObject(kind) if kind == found), "{error}");
        assert_eq!(error.to_string(), format!("an activity must be a JSON object, not {found}"));
    }
}

#[test]
fn id_type_and_actor_are_required_strings() {
    let complete = json!({ "id": "https://remote.example/a/1", "type": "Like", "actor": "https://remote.example/u/m", "object": "https://forum.example/t/1" });
    assert!(matches!(parse_inbound(complete.clone()), Ok(Inbound::Like(_))));
    for field in ["id", "type", "actor"] {
        let mut missing = complete.clone();
        missing.as_object_mut().map(|object| object.remove(field));
        let error = parse_inbound(missing).expect_err("incomplete");
        assert_eq!(error.to_string(), format!("the activity has no string `{field}`"));

        let mut wrong = complete.clone();
        wrong[field] = json!(["https://remote.example/a/1"]);
        assert!(matches!(parse_inbound(wrong), Err(ParseError::MissingField(name)) if name == field));
    }
}

#[test]
fn unknown_types_are_unknown_not_errors() {
    let value =
        json!({ "id": "https://remote.example/a/1", "type": "Wave", "actor": "https://remote.example/u/m" });
    assert_eq!(parse_inbound(value).expect("well-formed"), Inbound::Unknown("Wave".into()));
}

#[test]
fn known_types_with_bad_content_say_what_is_wrong() {
    let like = json!({ "id": "https://remote.example/a/1", "type": "Like", "actor": "https://remote.example/u/m", "object": 7 });
    let error = parse_inbound(like).expect_err("object is no URL");
    assert!(matches!(&error, ParseError::Invalid { kind, .. } if kind == "Like"));
    assert!(error.to_string().starts_with("invalid Like activity: expected a URL"), "{error}");

    let create = json!({ "id": "https://remote.example/a/2", "type": "Create", "actor": "https://remote.example/u/m", "object": note(json!({ "attributedTo": 5 })) });
    let error = parse_inbound(create).expect_err("no author");
    assert!(error.to_string().contains("`attributedTo` names no actor URL"), "{error}");
}

/// A `Question` without options (an open question) is read as a post without a poll; its
/// options, when it has some, are read by `poll_fields`.
#[test]
fn questions_without_options_have_no_poll() {
    let question = note(json!({ "type": "Question" }));
    let post = serde_json::from_value::<PostJson>(question).expect("a post");
    assert!(post.poll().is_none());
    let question = note(json!({ "type": "Question", "oneOf": [{ "type": "Note", "name": "yes" }] }));
    let post = serde_json::from_value::<PostJson>(question).expect("a post");
    assert_eq!(post.poll().map(|poll| poll.options.len()), Some(1));
}

#[test]
fn actor_with_attributed_to_objects_still_parses() {
    let value = actor(
        json!({ "attributedTo": [{ "type": "Person", "id": "https://remote.example/u/owner" }, 7, null] }),
    );
    let group: ActorJson = serde_json::from_value(value).expect("tolerated");
    assert_eq!(group.attributed_to, None, "owner objects are not a moderators collection");
}

#[test]
fn post_author_is_the_first_person_of_an_attributed_to_array() {
    let value = note(json!({ "attributedTo": [
        { "type": "Group", "id": "https://remote.example/c/channel" },
        "not a url",
        { "type": "Person", "id": "https://remote.example/u/author" }
    ] }));
    let post: PostJson = serde_json::from_value(value).expect("tolerated");
    assert_eq!(post.attributed_to.as_str(), "https://remote.example/u/author");
}

#[test]
fn fields_in_the_wrong_shape_are_read_as_absent() {
    let value = note(json!({
        "published": "yesterday",
        "sensitive": "very",
        "source": ["markdown"],
        "context": { "no": "id" },
        "inReplyTo": 12,
        "url": [{ "type": "Link" }, { "type": "Link", "href": "https://remote.example/notes/1.html" }],
        "tag": { "type": "Hashtag", "name": "#solo" },
        "attachment": [{ "type": "PropertyValue", "name": "a", "value": "b" }, "junk"],
        "contentMap": { "en": "<p>hi</p>", "de": 3 },
        "language": "en"
    }));
    let post: PostJson = serde_json::from_value(value).expect("tolerated");
    assert_eq!((post.published, post.sensitive, &post.source), (None, None, &None));
    assert_eq!((&post.context, &post.in_reply_to), (&None, &None));
    assert_eq!(post.url.as_ref().map(url::Url::as_str), Some("https://remote.example/notes/1.html"));
    assert_eq!(post.tag.len(), 1, "a single tag object counts as a list of one");
    assert!(post.attachment.is_empty());
    assert_eq!(post.language().as_deref(), Some("en"));
}

/// Ten thousand tags, recipients and attachments: every list is read in one pass, and duplicate
/// recipients are removed with a hash set. Time is not asserted (DESIGN.md section 6); a
/// quadratic reading would show up as a test that takes minutes.
#[test]
fn ten_thousand_tags_are_read() {
    let tags: Vec<Value> = (0..10_000)
        .map(|i| json!({ "type": "Mention", "href": format!("https://remote.example/u/{i}"), "name": format!("@{i}@remote.example") }))
        .collect();
    let recipients: Vec<Value> =
        (0..10_000).map(|i| json!(format!("https://remote.example/u/{}", i % 5_000))).collect();
    let junk: Vec<Value> =
        (0..10_000).map(|i| json!({ "type": "Emoji", "name": format!(":{i}:") })).collect();
    let value = note(json!({ "tag": tags, "cc": recipients, "attachment": junk, "to": "as:Public" }));
    let create = json!({ "id": "https://remote.example/a/4", "type": "Create", "actor": "https://remote.example/users/mallory", "object": value });

    let Ok(Inbound::Create(create)) = parse_inbound(create) else { panic!("not a Create") };
    let post = create.object.post().expect("a post");
    assert_eq!(post.tag.len(), 10_000);
    assert_eq!(post.cc.len(), 5_000, "duplicates removed");
    assert!(post.attachment.is_empty());
    assert!(post.is_public());
}

#[test]
fn public_has_three_spellings() {
    let none: [&str; 0] = [];
    assert!(is_public(&["https://www.w3.org/ns/activitystreams#Public"], &none));
    assert!(is_public(&none, &["as:Public"]));
    assert!(is_public(&["https://remote.example/u/m"], &["Public"]));
    assert!(!is_public(&["https://remote.example/u/m"], &["https://www.w3.org/ns/activitystreams"]));
}

#[test]
fn deeply_nested_announces_are_refused_by_the_json_parser_not_the_stack() {
    let mut text = String::new();
    for i in 0..1_000 {
        text.push_str(&format!(r#"{{"id":"https://remote.example/a/{i}","type":"Announce","actor":"https://remote.example/u/m","object":"#));
    }
    text.push_str(r#""https://remote.example/t/1""#);
    text.push_str(&"}".repeat(1_000));
    let error = serde_json::from_str::<Value>(&text).expect_err("serde_json limits nesting to 128");
    assert!(error.to_string().contains("recursion limit"), "{error}");
}

#[test]
fn actors_without_a_preferred_username_get_a_name_from_their_id() {
    let actor = |id: &str, name: Option<&str>| {
        let mut json = json!({"id": id, "type": "Person", "inbox": format!("{id}/inbox"),
            "publicKey": {"id": format!("{id}#main-key"), "owner": id, "publicKeyPem": "pem"}});
        if let Some(name) = name {
            json["preferredUsername"] = json!(name);
        }
        serde_json::from_value::<ActorJson>(json).expect("an actor")
    };
    assert_eq!(actor("https://a.example/users/zoe", Some("zoe")).handle_name(), "zoe");
    assert_eq!(actor("https://a.example/actors/emily/", None).handle_name(), "emily");
    assert_eq!(actor("https://a.example/a/b%20c", None).handle_name(), "b20c");
    assert_eq!(actor("https://a.example/", None).handle_name(), "actor");
    assert_eq!(actor("https://a.example/x", Some("  ")).handle_name(), "x");
}

/// JSON-LD lets an object have several types; the first one read as a post or actor counts, and
/// a list of none is refused with the usual error.
#[test]
fn several_types_read_as_the_first_known_one() {
    let create = |object: Value| json!({ "id": "https://remote.example/a/4", "type": "Create", "actor": "https://remote.example/users/mallory", "object": object });
    let Inbound::Create(parsed) = parse_inbound(create(note(json!({ "type": ["Wave", "Article", "Note"] }))))
        .expect("a known type in the list")
    else {
        panic!("a Create")
    };
    let post = parsed.object.post().expect("a post");
    assert_eq!(post.kind, crate::federation::protocol::PostKind::Article);

    let error = parse_inbound(create(note(json!({ "type": ["Wave", 7] })))).expect_err("no known type");
    assert!(error.to_string().contains("object must be embedded, with a string `type`"), "{error}");
}

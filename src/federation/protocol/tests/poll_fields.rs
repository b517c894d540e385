//! Polls as Mastodon documents them (`Question`, votes) and as GoToSocial documents them (the
//! poll fields, several votes in one `Create`), and the `Question` we build.

use serde_json::{Value, json};

use super::fixtures::load;
use crate::federation::protocol::{Inbound, PollOptionJson, PostJson, PostKind, parse_inbound};

/// Mastodon's documented `Question`, with the author its example leaves out.
fn mastodon_question() -> PostJson {
    let mut question = load("polls/mastodon_question.json");
    question["attributedTo"] = json!("https://mastodon.example/users/alice");
    serde_json::from_value(question).expect("a Question with an author is a post")
}

#[test]
fn mastodons_question_is_a_post_with_a_poll() {
    let post = mastodon_question();
    assert_eq!(post.kind, PostKind::Question);
    assert_eq!(post.content.as_deref(), Some("What should I eat for breakfast today?"));
    let poll = post.poll().expect("a poll");
    assert!(poll.multiple, "anyOf: several choices");
    let options: Vec<(&str, i64)> = poll.options.iter().map(|o| (o.name.as_str(), o.votes())).collect();
    assert_eq!(options, [("apple", 3), ("orange", 7), ("banana", 6)]);
    assert_eq!(poll.voters_count, Some(7));
    assert_eq!(poll.end_time.map(|t| t.to_rfc3339()).as_deref(), Some("2023-03-06T07:40:13+00:00"));
    assert_eq!(poll.closed, None);
}

#[test]
fn gotosocials_poll_fields_read_as_documented() {
    let mut question = json!({"id": "https://gts.example/users/bobby/statuses/1", "type": "Question",
        "attributedTo": "https://gts.example/users/bobby", "content": "<p>Which?</p>"});
    let Value::Object(fields) = load("polls/gotosocial_question_fields.json") else { panic!("an object") };
    for (key, value) in fields {
        question[key] = value;
    }
    let post: PostJson = serde_json::from_value(question).expect("a Question");
    let poll = post.poll().expect("a poll");
    assert!(!poll.multiple, "oneOf: one choice");
    assert_eq!(poll.options.len(), 2);
    assert_eq!(poll.options[1].name, "option 2");
    assert_eq!(poll.voters_count, Some(10));
    let closed = poll.closed.flatten().expect("closed at a time");
    assert_eq!(closed.to_rfc3339(), "2023-01-01T20:04:45+00:00");
}

#[test]
fn votes_are_read_one_or_several_to_a_create() {
    let Ok(Inbound::Vote(vote)) = parse_inbound(load("polls/mastodon_vote.json")) else {
        panic!("Mastodon's vote is a vote")
    };
    assert_eq!(vote.object.len(), 1);
    assert_eq!(vote.object[0].name, "orange");
    assert_eq!(
        vote.object[0].in_reply_to.as_ref().map(url::Url::as_str),
        Some("https://mastodon.example/users/alice/statuses/1009947848598745")
    );
    let Ok(Inbound::Vote(votes)) = parse_inbound(load("polls/gotosocial_vote_multiple.json")) else {
        panic!("GoToSocial's votes are votes")
    };
    let names: Vec<&str> = votes.object.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(names, ["tissues", "financial times"]);

    // A reply with text is a post, not a vote, even when it has a `name`.
    let mut reply = load("polls/mastodon_vote.json");
    reply["object"]["content"] = json!("<p>orange, obviously</p>");
    assert!(matches!(parse_inbound(reply), Ok(Inbound::Create(_))));
}

#[test]
fn our_question_has_options_counts_and_an_end() {
    let mut post = mastodon_question();
    post.one_of.clear();
    post.any_of.clear();
    let end = chrono::DateTime::parse_from_rfc3339("2026-01-02T03:04:05Z").expect("time").to_utc();
    post.set_poll(
        vec![PollOptionJson::new("Soup".into(), 2), PollOptionJson::new("Salad".into(), 1)],
        false,
        Some(end),
        None,
        3,
    );
    let json = serde_json::to_value(&post).expect("JSON");
    assert_eq!(json["type"], "Question");
    assert_eq!(
        json["oneOf"][0],
        json!({"type": "Note", "name": "Soup", "replies": {"type": "Collection", "totalItems": 2}})
    );
    assert!(json.get("anyOf").is_none());
    assert_eq!(json["endTime"], "2026-01-02T03:04:05Z");
    assert_eq!(json["votersCount"], 3);
    assert!(json.get("closed").is_none());
}

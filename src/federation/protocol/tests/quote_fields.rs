//! What we read from the interaction-policy fixtures of GoToSocial's docs and the quote
//! fixtures in FEP-044f's (Mastodon 4.5's) shapes, and the policy we publish.

use serde_json::json;
use url::Url;

use super::fixtures::{load, parse};
use crate::domain::interaction::{InteractionPolicy, Permission};
use crate::federation::protocol::{
    Inbound, InteractionPolicyJson, PostJson, QuoteAuthorizationJson, parse_inbound,
};

fn policy_of(relative: &str) -> InteractionPolicy {
    let post: PostJson = parse(relative);
    InteractionPolicyJson::policy(post.interaction_policy.as_ref(), None)
}

#[test]
fn gotosocial_policies_read_as_the_docs_mean_them() {
    let example = policy_of("gotosocial/objects/note_interaction_policy.json");
    assert_eq!(example.can_like, Permission::Anyone);
    assert_eq!(example.can_reply, Permission::Approval, "everyone else needs approval to reply");
    assert_eq!(example.can_announce, Permission::Followers, "the author's followers may boost");
    assert_eq!(example.can_quote, Permission::Nobody, "no canQuote: nobody but the author");
    let solo = policy_of("gotosocial/objects/note_nobody_replies.json");
    assert_eq!(solo.can_like, Permission::Anyone);
    assert_eq!(solo.can_reply, Permission::Nobody, "only the author is listed");
    assert_eq!(solo.can_announce, Permission::Nobody);
}

#[test]
fn a_post_without_a_policy_is_open_except_for_quotes() {
    let post: PostJson = parse("mastodon/objects/note_1.json");
    assert!(post.interaction_policy.is_none());
    assert_eq!(policy_of("mastodon/objects/note_1.json"), InteractionPolicy::UNSTATED);
    assert_eq!(InteractionPolicy::UNSTATED.can_reply, Permission::Anyone);
    assert_eq!(InteractionPolicy::UNSTATED.can_quote, Permission::Nobody);
}

#[test]
fn fep_044f_quotes_are_read() {
    assert_eq!(policy_of("fep044f/note_quotable.json").can_quote, Permission::Anyone);
    let quoting: PostJson = parse("fep044f/note_quoting.json");
    let alice = Url::parse("https://example.com/users/alice/statuses/1").unwrap();
    assert_eq!(quoting.quoted(), Some(&alice));
    assert_eq!(
        quoting.quote_authorization.as_ref().map(Url::as_str),
        Some("https://example.com/users/alice/stamps/1")
    );
    // The older spellings alone name the quoted post too.
    for field in ["quoteUrl", "_misskey_quote", "quoteUri"] {
        let post: PostJson = serde_json::from_value(json!({
            "id": "https://misskey.example/notes/1", "type": "Note",
            "attributedTo": "https://misskey.example/users/1", field: alice.as_str()
        }))
        .unwrap();
        assert_eq!(post.quoted(), Some(&alice), "{field}");
    }
    let Inbound::QuoteRequest(request) = parse_inbound(load("fep044f/quote_request.json")).unwrap() else {
        panic!("a QuoteRequest");
    };
    assert_eq!(request.object, alice);
    assert_eq!(
        request.instrument_id().map(|u| u.to_string()).as_deref(),
        Some("https://example.com/users/bob/statuses/1")
    );
    assert_eq!(
        request.instrument_author().map(|u| u.to_string()).as_deref(),
        Some("https://example.com/users/bob")
    );
    let Inbound::QuoteAnswer(accept) = parse_inbound(load("fep044f/accept_quote_request.json")).unwrap()
    else {
        panic!("an answer");
    };
    assert!(accept.accepted());
    assert_eq!(
        accept.request_id().map(|u| u.to_string()).as_deref(),
        Some("https://example.com/users/bob/statuses/1/quote")
    );
    assert_eq!(accept.result.as_ref().map(Url::as_str), Some("https://example.com/users/alice/stamps/1"));
    let Inbound::QuoteAnswer(reject) = parse_inbound(load("fep044f/reject_quote_request.json")).unwrap()
    else {
        panic!("an answer");
    };
    assert!(!reject.accepted());
    let stamp: QuoteAuthorizationJson = parse("fep044f/quote_authorization.json");
    assert_eq!(stamp.interaction_target, alice);
    assert_eq!(stamp.interacting_object.as_str(), "https://example.com/users/bob/statuses/1");
}

/// Mastodon 4.5's own JSON (its specs, `mastodon/quotes/`): the quoting post by URL or
/// inlined, no `to` on the request or its `Accept`, the stamp with GoToSocial's terms.
#[test]
fn mastodon_quote_json_is_read() {
    let quoted = "https://quoted.example.com/users/quoted/statuses/1";
    let Inbound::Create(create) = parse_inbound(load("mastodon/quotes/create_note_quote.json")).unwrap()
    else {
        panic!("a Create");
    };
    let note = create.object.post().expect("a Note");
    assert_eq!(note.quoted().map(Url::as_str), Some(quoted));
    assert_eq!(
        note.quote_authorization.as_ref().map(Url::as_str),
        Some("https://quoted.example.com/quote-approval")
    );
    let stamp: QuoteAuthorizationJson = parse("mastodon/quotes/quote_authorization.json");
    assert_eq!(stamp.interaction_target.as_str(), quoted);
    assert_eq!(stamp.interacting_object, note.id);
    assert_eq!(
        stamp.attributed_to.as_ref().map(Url::as_str),
        Some("https://quoted.example.com/users/quoted")
    );
    for file in ["quote_request.json", "quote_request_inlined.json"] {
        let Inbound::QuoteRequest(request) = parse_inbound(load(&format!("mastodon/quotes/{file}"))).unwrap()
        else {
            panic!("{file}: a QuoteRequest");
        };
        assert!(request.to.is_empty(), "{file}");
        assert_eq!(request.object.as_str(), "https://local.example/users/recipient/statuses/1");
        assert_eq!(
            request.instrument_id().map(|u| u.to_string()).as_deref(),
            Some("https://example.com/unknown-status"),
            "{file}"
        );
    }
    let Inbound::QuoteAnswer(accept) =
        parse_inbound(load("mastodon/quotes/accept_quote_request.json")).unwrap()
    else {
        panic!("an answer");
    };
    assert!(accept.accepted() && accept.to.is_empty());
    assert_eq!(
        accept.request_id().map(|u| u.to_string()).as_deref(),
        Some("https://local.example/users/recipient/quote_requests/1")
    );
    assert_eq!(accept.result.as_ref().map(Url::as_str), Some("https://example.com/approvals/1"));
}

#[test]
fn the_policy_we_publish_reads_back_the_same() {
    let followers = Url::parse("https://forum.example/u/ana/followers").unwrap();
    let author = Url::parse("https://forum.example/u/ana").unwrap();
    for policy in [
        crate::service::quotes::local_policy(false, false, Permission::Anyone),
        crate::service::quotes::local_policy(true, false, Permission::Followers),
        crate::service::quotes::local_policy(false, true, Permission::Nobody),
    ] {
        let json = InteractionPolicyJson::publish(&policy, &followers, &author);
        let value = serde_json::to_value(&json).unwrap();
        for kind in ["canReply", "canLike", "canAnnounce", "canQuote"] {
            assert!(value[kind]["automaticApproval"].is_array(), "{kind} is stated: {value}");
        }
        let back: InteractionPolicyJson = serde_json::from_value(value).unwrap();
        assert_eq!(InteractionPolicyJson::policy(Some(&back), Some(&followers)), policy);
    }
    let locked = crate::service::quotes::local_policy(true, false, Permission::Anyone);
    let value = serde_json::to_value(InteractionPolicyJson::publish(&locked, &followers, &author)).unwrap();
    assert_eq!(
        value["canReply"]["automaticApproval"],
        json!([author.as_str()]),
        "a locked thread: its author only"
    );
    assert_eq!(
        value["canQuote"]["automaticApproval"],
        json!(["https://www.w3.org/ns/activitystreams#Public"])
    );
}

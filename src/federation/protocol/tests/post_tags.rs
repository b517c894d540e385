//! The `tag` array and addressing of the posts we send: a `Hashtag` per hashtag (linking our tag
//! page) and a `Mention` per mentioned actor, with mentioned people in `cc`, as Mastodon needs
//! to show the links and notify the people.

use serde_json::{Value, json};

use crate::domain::{PostId, Timestamp};
use crate::federation::objects::{PostDocument, post_json};
use crate::federation::uris::Uris;
use crate::service::federated::{ActorIdentity, FederatedPost};

fn local(kind: &str, name: &str) -> ActorIdentity {
    ActorIdentity {
        local: true,
        kind: kind.into(),
        name: name.into(),
        ap_id: None,
        inbox: None,
        shared_inbox: None,
        host: None,
    }
}

fn remote_person() -> ActorIdentity {
    ActorIdentity {
        local: false,
        kind: "person".into(),
        name: "zoe".into(),
        ap_id: Some("https://social.example/users/zoe".into()),
        inbox: Some("https://social.example/users/zoe/inbox".into()),
        shared_inbox: Some("https://social.example/inbox".into()),
        host: Some("social.example".into()),
    }
}

fn thread_opener() -> FederatedPost {
    FederatedPost {
        visibility: crate::domain::Visibility::Public,
        group_followers: None,
        id: PostId(7),
        ap_id: None,
        local: true,
        root_id: PostId(7),
        root_local: true,
        title: Some("Heat pumps".into()),
        source: Some("#Energy with @bob and @zoe@social.example".into()),
        content_html: "<p>#Energy</p>".into(),
        language: "en".into(),
        sensitive: false,
        content_warning: None,
        published: Timestamp::from_millis(1_700_000_000_000),
        updated: None,
        deleted: false,
        author: local("person", "ana"),
        group: Some(local("group", "energy")),
        parent: None,
        media: Vec::new(),
        hashtags: vec!["energy".into(), "ærø".into()],
        mentions: vec![local("person", "bob"), remote_person(), local("group", "energy")],
        policy: crate::service::quotes::local_policy(
            false,
            false,
            crate::domain::interaction::Permission::Anyone,
        ),
        closed_group: false,
        quote: None,
        poll: None,
    }
}

fn sent(post: &FederatedPost) -> Value {
    let uris = Uris::new("https", "forum.example");
    match post_json(&uris, post).expect("describable") {
        PostDocument::Post(json) => serde_json::to_value(*json).expect("serializes"),
        PostDocument::Tombstone(_) => panic!("not deleted"),
    }
}

#[test]
fn hashtags_and_mentions_are_tagged() {
    let json = sent(&thread_opener());
    assert_eq!(
        json["tag"],
        json!([
            {"type": "Hashtag", "href": "https://forum.example/tags/energy", "name": "#energy"},
            {"type": "Hashtag", "href": "https://forum.example/tags/%C3%A6r%C3%B8", "name": "#ærø"},
            {"type": "Mention", "href": "https://forum.example/u/bob", "name": "@bob@forum.example"},
            {"type": "Mention", "href": "https://social.example/users/zoe", "name": "@zoe@social.example"},
            {"type": "Mention", "href": "https://forum.example/g/energy", "name": "@energy@forum.example"},
        ])
    );
}

#[test]
fn mentioned_people_are_copied_but_the_public_stays_the_addressee() {
    let json = sent(&thread_opener());
    assert_eq!(json["to"], json!(["https://www.w3.org/ns/activitystreams#Public"]));
    assert_eq!(
        json["cc"],
        json!([
            "https://forum.example/g/energy",
            "https://forum.example/u/bob",
            "https://social.example/users/zoe"
        ]),
        "the group once, then each mentioned person"
    );
}

#[test]
fn a_post_without_hashtags_or_mentions_has_no_tag_array() {
    let mut post = thread_opener();
    post.hashtags.clear();
    post.mentions.clear();
    let json = sent(&post);
    assert!(json.get("tag").is_none(), "{json}");
    assert_eq!(json["cc"], json!(["https://forum.example/g/energy"]));
}

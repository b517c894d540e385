//! Who may read a received post, from its addressing (issue 15), on real JSON: Mastodon's
//! unlisted status (`note_1.json`: `to` the followers, the public collection in `cc`), a direct
//! message (`activities/private_message.json`), and Lemmy's community post (`page.json`).
//! Mastodon's followers-only status and Lemmy 1.0's private-community post differ from these
//! only in their addressing, which the tests change as those servers write it: Mastodon sends a
//! followers-only status `to` the author's followers collection with mentioned people in `cc`;
//! Lemmy 1.0 sends a private community's post `to` the community without the public collection
//! (and marks the community `manuallyApprovesFollowers`).

use url::Url;

use super::fixtures::parse;
use crate::domain::Visibility;
use crate::federation::protocol::{PUBLIC, PostJson};

fn url(text: &str) -> Url {
    Url::parse(text).expect("test URL")
}

#[test]
fn mastodon_unlisted_status_is_unlisted() {
    let note: PostJson = parse("mastodon/objects/note_1.json");
    assert_eq!(note.visibility(false), Some(Visibility::Unlisted));
    // In a group it is public: Lemmy puts the public collection in `cc` too.
    assert_eq!(note.visibility(true), Some(Visibility::Public));
}

#[test]
fn mastodon_followers_only_status_is_private() {
    let mut note: PostJson = parse("mastodon/objects/note_1.json");
    note.cc.retain(|address| address.as_str() != PUBLIC);
    assert_eq!(note.to, vec![url("https://mastodon.madrid/users/felix/followers")]);
    assert_eq!(note.visibility(false), Some(Visibility::Private));
}

#[test]
fn mastodon_direct_message_is_not_kept() {
    let note: PostJson = parse("mastodon/activities/private_message.json");
    assert_eq!(note.visibility(false), None, "only to the people it mentions");
}

#[test]
fn lemmy_private_community_post_is_for_members() {
    let mut page: PostJson = parse("lemmy/objects/page.json");
    assert_eq!(page.visibility(true), Some(Visibility::Public));
    page.to.retain(|address| address.as_str() != PUBLIC);
    page.cc.retain(|address| address.as_str() != PUBLIC);
    assert_eq!(page.to, vec![url("https://enterprise.lemmy.ml/c/tenforward")]);
    assert_eq!(page.visibility(true), Some(Visibility::Members));
}

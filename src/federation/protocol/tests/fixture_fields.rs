//! Selected fields of important fixtures: that they parse is not enough, the values we rely on
//! must come out where we look for them.

use url::Url;

use super::fixtures::{load, parse};
use crate::federation::protocol::{
    ActorJson, ActorKind, AnnounceObject, AttachmentJson, AttachmentKind, DeleteObject, FollowOrUrl, Inbound,
    PUBLIC, PostJson, PostKind, TagJson, TombstoneJson, UndoObject, parse_inbound,
};

fn url(text: &str) -> Url {
    Url::parse(text).expect("test URL")
}

fn inbound(relative: &str) -> Inbound {
    parse_inbound(load(relative)).unwrap_or_else(|error| panic!("{relative}: {error}"))
}

#[test]
fn mastodon_create_note() {
    let Inbound::Create(create) = inbound("mastodon/activities/create_note.json") else {
        panic!("not a Create");
    };
    let post = create.object.post().expect("a post");
    assert_eq!(post.kind, PostKind::Note);
    assert!(
        post.content
            .as_deref()
            .is_some_and(|html| html.contains("i have never been disappointed by a thinkpad"))
    );
    assert!(create.cc.iter().any(|address| address.as_str() == PUBLIC));
    assert!(post.is_public());
    assert_eq!(post.language().as_deref(), Some("en"));
    assert_eq!(post.in_reply_to, Some(url("https://mamot.fr/users/retiolus/statuses/107224244380204526")));
    assert_eq!(
        post.tag,
        vec![TagJson::mention(url("https://mamot.fr/users/retiolus"), "@retiolus@mamot.fr")]
    );
    assert_eq!(post.url, Some(url("https://mastodon.madrid/@felix/107224289116410645")));
    assert_eq!(post.summary, None);
}

#[test]
fn lemmy_page() {
    let page: PostJson = parse("lemmy/objects/page.json");
    assert_eq!(page.kind, PostKind::Page);
    assert_eq!(page.name.as_deref(), Some("Post title"));
    assert_eq!(page.audience, Some(url("https://enterprise.lemmy.ml/c/tenforward")));
    assert_eq!(page.attributed_to, url("https://enterprise.lemmy.ml/u/picard"));
    assert_eq!(page.context, Some(url("https://enterprise.lemmy.ml/post/55143/context")));
    assert_eq!(page.language().as_deref(), Some("fr"));
    let source = page.source.as_ref().expect("source");
    assert!(source.is_markdown());
    assert_eq!(source.content, "This is a post in the /c/tenforward community");
    // Lemmy's link attachment uses `href`; the CommunityPostTag is not a tag we read.
    assert_eq!(page.attachment.len(), 1);
    assert_eq!(page.attachment[0].kind, AttachmentKind::Link);
    assert_eq!(page.attachment[0].url, url("https://enterprise.lemmy.ml/pictrs/image/eOtYb9iEiB.png"));
    assert_eq!(page.mentions().collect::<Vec<_>>(), vec![&url("https://enterprise.lemmy.ml/c/tenforward")]);
    assert_eq!(page.sensitive, Some(false));
    assert!(page.is_public());
}

#[test]
fn lemmy_announce_keeps_the_inner_create_raw() {
    let original = load("lemmy/activities/community/announce_create_page.json");
    let Inbound::Announce(announce) = inbound("lemmy/activities/community/announce_create_page.json") else {
        panic!("not an Announce");
    };
    assert_eq!(announce.actor, url("http://enterprise.lemmy.ml/c/main"));
    assert_eq!(announce.object.inner_kind(), Some("Create"));
    let AnnounceObject::Activity(inner) = &announce.object else { panic!("not embedded") };
    assert_eq!(inner, &original["object"], "the inner activity must stay exactly as sent");
    let Ok(Inbound::Create(create)) = parse_inbound(inner.clone()) else { panic!("inner is not a Create") };
    assert_eq!(create.object.post().and_then(|post| post.name.as_deref()), Some("post 4"));
}

#[test]
fn lemmy_group() {
    let group: ActorJson = parse("lemmy/objects/group.json");
    assert_eq!(group.kind, ActorKind::Group);
    assert_eq!(group.preferred_username, "tenforward");
    assert_eq!(group.name.as_deref(), Some("Ten Forward"));
    assert_eq!(group.shared_inbox(), Some(&url("https://enterprise.lemmy.ml/inbox")));
    assert_eq!(group.attributed_to, Some(url("https://enterprise.lemmy.ml/c/tenforward/moderators")));
    assert_eq!(group.posting_restricted_to_mods, Some(false));
    assert_eq!(group.featured, Some(url("https://enterprise.lemmy.ml/c/tenforward//featured")));
    assert_eq!(group.followers, Some(url("https://enterprise.lemmy.ml/c/tenforward/followers")));
    assert_eq!(group.public_key.owner, group.id);
    assert_eq!(
        group.icon.map(|icon| icon.url),
        Some(url("https://enterprise.lemmy.ml/pictrs/image/waqyZwLAy4.webp"))
    );
    assert!(group.source.is_some_and(|source| source.is_markdown()));
}

#[test]
fn lemmy_featured_pins() {
    let Inbound::Add(add) = inbound("lemmy/activities/community/add_featured_post.json") else {
        panic!("not an Add");
    };
    assert_eq!(add.object, url("https://ds9.lemmy.ml/post/2"));
    assert_eq!(add.target, url("https://ds9.lemmy.ml/c/main/featured"));
    assert_eq!(add.actor, url("https://ds9.lemmy.ml/u/lemmy_alpha"));
    let Inbound::Remove(remove) = inbound("lemmy/activities/community/remove_featured_post.json") else {
        panic!("not a Remove");
    };
    assert_eq!(remove.target, add.target);
    assert_eq!(remove.audience, Some(url("https://ds9.lemmy.ml/c/main")));
}

#[test]
fn nodebb_article_and_group() {
    let article: PostJson = parse("nodebb/objects/page.json");
    assert_eq!(article.kind, PostKind::Article);
    assert_eq!(article.name.as_deref(), Some("Welcome to your NodeBB!"));
    assert_eq!(article.audience, Some(url("https://bb.devnull.land/category/2")));
    assert_eq!(article.context, Some(url("https://bb.devnull.land/topic/1")));
    assert_eq!(article.in_reply_to, None);
    assert_eq!(article.updated, None);
    assert!(article.html().is_some_and(|html| html.starts_with("<h3>Welcome")));

    let group: ActorJson = parse("nodebb/objects/group.json");
    assert_eq!(group.kind, ActorKind::Group);
    assert_eq!(group.shared_inbox(), Some(&url("https://bb.devnull.land/inbox")));
    let person: ActorJson = parse("nodebb/objects/person.json");
    assert_eq!((person.icon, person.image), (None, None), "NodeBB sends null images");
}

#[test]
fn discourse_note_and_person() {
    let note: PostJson = parse("discourse/objects/page.json");
    assert_eq!(note.kind, PostKind::Note);
    assert_eq!(note.name.as_deref(), Some("Our next meeting"));
    assert_eq!(
        note.audience,
        Some(url("https://socialhub.activitypub.rocks/ap/actor/797217cf18c0e819dfafc52425590146"))
    );
    assert!(note.context.is_some());
    assert!(note.to.is_empty() && !note.is_public(), "Discourse sends no addressing here");

    let person: ActorJson = parse("discourse/objects/person.json");
    assert_eq!(person.endpoints, None);
    assert_eq!(person.shared_inbox(), Some(&url("https://socialhub.activitypub.rocks/ap/users/inbox")));
}

#[test]
fn mobilizon_person() {
    let person: ActorJson = parse("mobilizon/objects/person.json");
    assert_eq!(person.kind, ActorKind::Person);
    assert_eq!(person.preferred_username, "sanof44");
    assert_eq!(person.name.as_deref(), Some("Sanof44"));
    assert_eq!(person.summary.as_deref(), Some(""));
    assert_eq!(person.shared_inbox(), Some(&url("https://mobilizon.fr/inbox")));
    assert_eq!(person.discoverable, Some(false));
    assert_eq!(person.manually_approves_followers, Some(false));
    assert_eq!(person.url, Some(url("https://mobilizon.fr/@sanof44")));
}

#[test]
fn peertube_channel_owner_is_not_read_as_moderators() {
    let channel: ActorJson = parse("peertube/objects/group.json");
    assert_eq!(channel.attributed_to, None);
    assert_eq!(channel.posting_restricted_to_mods, Some(true));
    let icon = channel.icon.expect("icon");
    assert!(
        icon.url.as_str().ends_with("13b0214b-edc0-4c5b-a04d-be648a3a370a.jpg"),
        "largest icon: {}",
        icon.url
    );
    assert_eq!(icon.media_type.as_deref(), Some("image/jpeg"));
}

#[test]
fn activities_that_name_their_object_in_either_shape() {
    let Inbound::Accept(accept) = inbound("mitra/activities/accept.json") else { panic!("not an Accept") };
    assert!(matches!(accept.object, FollowOrUrl::Url(_)));
    let Inbound::Accept(accept) = inbound("mbin/activities/accept.json") else { panic!("not an Accept") };
    assert_eq!(
        accept.object.follow().map(|follow| &follow.object),
        Some(&url("https://some-mbin.instance/m/someMag"))
    );

    let Inbound::Delete(delete) = inbound("mastodon/activities/delete.json") else { panic!("not a Delete") };
    assert!(matches!(delete.object, DeleteObject::Tombstone(_)));
    assert_eq!(delete.object_id(), &url("https://mastodon.madrid/users/felix/statuses/107773559874184870"));
    let Inbound::Delete(delete) = inbound("lemmy/activities/deletion/remove_note.json") else {
        panic!("not a Delete")
    };
    assert_eq!(delete.object_id(), &url("http://ds9.lemmy.ml/comment/1"));
    assert_eq!(delete.summary.as_deref(), Some("bad comment"));

    let Inbound::Undo(undo) = inbound("mastodon/activities/undo_follow.json") else { panic!("not an Undo") };
    assert!(matches!(undo.object, UndoObject::Follow(_)));
    let Inbound::Undo(undo) = inbound("lemmy/activities/deletion/undo_delete_page.json") else {
        panic!("not an Undo")
    };
    assert!(matches!(undo.object, UndoObject::Delete(_)));

    let Inbound::Announce(boost) = inbound("peertube/activities/announce_video.json") else {
        panic!("not an Announce")
    };
    assert!(matches!(boost.object, AnnounceObject::Url(_)));
}

#[test]
fn odd_shapes_of_single_fields() {
    let tombstone: TombstoneJson = parse("lotide/objects/tombstone.json");
    assert_eq!(tombstone.former_type.as_deref(), Some("Note"));

    // Pleroma: `source` is a bare string and `sensitive` null; both read as absent.
    let note: PostJson = parse("pleroma/objects/note.json");
    assert_eq!((note.source, note.sensitive), (None, None));

    // Smithereen: a mention without a name.
    let note: PostJson = parse("smithereen/objects/note.json");
    assert_eq!(note.tag, vec![TagJson::Mention { href: url("https://ds9.lemmy.ml/u/nutomic"), name: None }]);

    // lotide: `to` and `cc` as single strings.
    let page: PostJson = parse("lotide/objects/page.json");
    assert!(page.is_public());
    assert_eq!(page.to, vec![url("https://narwhal.city/communities/4")]);

    // Mastodon media attachment with alt text.
    let note: PostJson = parse("mastodon/objects/note_2.json");
    assert_eq!(note.attachment[0].kind, AttachmentKind::Document);
    assert!(note.attachment[0].name.as_deref().is_some_and(|alt| alt.starts_with("The KDE dragons")));
    assert!(note.attachment[0].is_image());
    assert_eq!((note.attachment[0].width, note.attachment[0].height), (Some(1500), Some(1095)));
    assert_eq!(note.attachment[0].blurhash.as_deref(), Some("USQv:h-W-qI-^,W;RPs=^-R%NZxbo#sDobSc"));

    // Friendica: language from contentMap; Mastodon-compatible profile fields.
    let note: PostJson = parse("friendica/objects/note_1.json");
    assert_eq!(note.language().as_deref(), Some("de"));
    let person: ActorJson = parse("friendica/objects/person_1.json");
    assert_eq!(person.attachment.len(), 6);
    assert_eq!(person.attachment[0].name, "Mobilizon");

    // WordPress: a Link among profile fields is not a profile field; Hashtags on a group are ignored.
    let group: ActorJson = parse("wordpress/objects/group.json");
    assert_eq!(group.attachment.len(), 1);
    assert_eq!(
        group.attributed_to,
        Some(url("https://dbzer0.com/wp-json/activitypub/1.0/collections/moderators"))
    );
    let article: PostJson = parse("wordpress/objects/page.json");
    assert_eq!(article.name.as_deref(), Some("An Epic 3D-Printed Fan Expansion for Last Light"));
    assert!(article.tag.iter().all(|tag| matches!(tag, TagJson::Hashtag { .. })) && !article.tag.is_empty());
    assert!(article.attachment.iter().all(|attachment| attachment.kind == AttachmentKind::Image));
    assert!(
        article.attachment.iter().all(AttachmentJson::is_image),
        "an Image without a media type is a picture"
    );
}

#[test]
fn mastodon_move() {
    let Inbound::Move(activity) = inbound("mastodon/activities/move.json") else { panic!("not a Move") };
    let origin = url("https://masto.qa.urbanwildlife.biz/users/mastodon");
    assert_eq!(activity.actor, origin);
    assert_eq!(activity.object, origin, "the account moves itself");
    assert_eq!(activity.target, url("https://mastodon.example/users/mastodon"));
}

#[test]
fn actors_name_their_other_accounts_and_where_they_moved() {
    let mut person = load("mastodon/objects/person.json");
    person["alsoKnownAs"] = serde_json::json!(["https://old.example/users/felix", 7, {"no": "id"}]);
    person["movedTo"] = serde_json::json!("https://new.example/users/felix");
    let actor: crate::federation::protocol::ActorJson = serde_json::from_value(person).expect("actor");
    assert_eq!(
        actor.also_known_as,
        vec![url("https://old.example/users/felix")],
        "unreadable entries dropped"
    );
    assert_eq!(actor.moved_to, Some(url("https://new.example/users/felix")));
    // A single string counts as a list of one.
    let mut pleroma = load("pleroma/objects/person.json");
    pleroma["alsoKnownAs"] = serde_json::json!("https://old.example/users/lain");
    let actor: crate::federation::protocol::ActorJson = serde_json::from_value(pleroma).expect("actor");
    assert_eq!(actor.also_known_as, vec![url("https://old.example/users/lain")]);
}

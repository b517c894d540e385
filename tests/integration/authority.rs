//! Who may change what, across federation (`service::authority`): a group on another server
//! cannot remove or lock posts of a group it is not, whatever it claims inside its `Announce`;
//! the real group's announcement of its moderator's action applies wherever the moderator lives;
//! only a post's stored author rewrites it, even from the author's own server; moderators a
//! group lists are remembered rather than fetched for every action.

use allmende::domain::{ActorId, PostId};
use allmende::service::{federated, thread_locks};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::TestApp;
use crate::on_both_backends;
use crate::peer::Peer;

const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";
const AS: &str = "https://www.w3.org/ns/activitystreams";

/// A group `wind` on `good` with bea's thread and reply in it, followed by our reader (so its
/// posts are kept here), and served at their origin.
struct Wind {
    good: Peer,
    group: String,
    bea: String,
    opener: PostId,
    reply: PostId,
    opener_url: String,
    reply_url: String,
}

async fn known(app: &TestApp, peer: &Peer, actor: &str, n: u32) -> ActorId {
    let hello = json!({"@context": AS, "id": peer.url(&format!("/hello/{n}")), "type": "View", "actor": actor,
                       "object": actor});
    assert_eq!(peer.deliver(actor, &app.url("/inbox"), &hello).await, StatusCode::ACCEPTED);
    allmende::service::remote::known_actor(&app.ctx, actor).await.expect("lookup").expect("actor stored").0
}

fn page(id: &str, author: &str, group: &str, title: &str, in_reply_to: Option<&str>) -> Value {
    let mut page = json!({"@context": AS, "id": id, "type": if in_reply_to.is_some() { "Note" } else { "Page" },
        "attributedTo": author, "content": format!("<p>{title}</p>"), "to": [PUBLIC, group], "audience": group});
    match in_reply_to {
        Some(parent) => page["inReplyTo"] = json!(parent),
        None => page["name"] = json!(title),
    }
    page
}

async fn wind(app: &TestApp) -> Wind {
    let mut good = Peer::start().await;
    let group = good.add_actor("wind", "Group");
    let bea = good.add_actor("bea", "Person");
    let group_id = known(app, &good, &group, 1).await;
    let reader = app.create_user("reader").await;
    allmende::service::follows::follow_actor(&app.ctx, &reader, group_id).await.expect("follow");
    let (opener_url, reply_url) = (good.url("/posts/1"), good.url("/posts/2"));
    good.publish(&opener_url, page(&opener_url, &bea, &group, "Wind turbines", None));
    good.publish(&reply_url, page(&reply_url, &bea, &group, "Offshore?", Some(&opener_url)));
    for (n, url) in [(1, &opener_url), (2, &reply_url)] {
        let create = json!({"@context": AS, "id": good.url(&format!("/creates/{n}")), "type": "Create",
            "actor": bea, "to": [PUBLIC, group], "object": good.document(url).expect("served")});
        assert_eq!(good.deliver(&bea, &app.url("/inbox"), &create).await, StatusCode::ACCEPTED);
    }
    let post = |url: &str| {
        let url = url.to_owned();
        async move {
            allmende::service::remote::post_by_ap_id(&app.ctx, &url)
                .await
                .expect("lookup")
                .expect("post stored")
        }
    };
    let (opener, reply) = (post(&opener_url).await, post(&reply_url).await);
    Wind { good, group, bea, opener, reply, opener_url, reply_url }
}

async fn is_deleted(app: &TestApp, post: PostId) -> bool {
    federated::get_post(&app.ctx, post).await.expect("post").deleted
}

async fn is_locked(app: &TestApp, post: PostId) -> bool {
    thread_locks::is_thread_of_post_locked(&app.ctx, post).await.expect("lock state")
}

fn activity(id: String, kind: &str, actor: &str, object: Value, group: &str) -> Value {
    json!({"@context": AS, "id": id, "type": kind, "actor": actor, "object": object, "to": [PUBLIC],
           "cc": [group], "audience": group})
}

fn announce(peer: &Peer, n: u32, announcer: &str, inner: Value) -> Value {
    json!({"@context": AS, "id": peer.url(&format!("/announces/{n}")), "type": "Announce", "actor": announcer,
           "to": [PUBLIC], "object": inner})
}

/// A `Group` on another server announces a `Delete`, `Lock` and `Undo(Lock)` that claim the
/// real group (or the post's author) as their actor: nothing changes. Sent bare, the same
/// requests are refused outright.
pub async fn a_group_elsewhere_changes_nothing_by_claiming_the_real_group(app: TestApp) {
    let wind = wind(&app).await;
    let mut evil = Peer::start().await;
    let impostor = evil.add_actor("wind", "Group");
    known(&app, &evil, &impostor, 3).await;
    let inbox = app.url("/inbox");
    let tombstone = |url: &str| json!({"id": url, "type": "Tombstone"});
    let claims = [
        activity(evil.url("/inner/1"), "Delete", &wind.group, tombstone(&wind.reply_url), &wind.group),
        activity(evil.url("/inner/2"), "Delete", &wind.bea, tombstone(&wind.opener_url), &wind.group),
        activity(evil.url("/inner/3"), "Lock", &wind.group, json!(wind.opener_url), &wind.group),
    ];
    for (n, claim) in claims.into_iter().enumerate() {
        let wrapped = announce(&evil, n as u32, &impostor, claim);
        assert_eq!(
            evil.deliver(&impostor, &inbox, &wrapped).await,
            StatusCode::ACCEPTED,
            "skipped, not refused"
        );
    }
    assert!(!is_deleted(&app, wind.reply).await, "the impostor's announced Delete changed nothing");
    assert!(!is_deleted(&app, wind.opener).await, "a claimed author's Delete changed nothing");
    assert!(!is_locked(&app, wind.opener).await, "the impostor's announced Lock changed nothing");

    let bare_delete =
        activity(evil.url("/deletes/1"), "Delete", &impostor, tombstone(&wind.reply_url), &wind.group);
    assert_eq!(evil.deliver(&impostor, &inbox, &bare_delete).await, StatusCode::FORBIDDEN);
    let bare_lock = activity(evil.url("/locks/1"), "Lock", &impostor, json!(wind.opener_url), &wind.group);
    assert_eq!(evil.deliver(&impostor, &inbox, &bare_lock).await, StatusCode::FORBIDDEN);
    assert!(!is_deleted(&app, wind.reply).await);
    assert!(!is_locked(&app, wind.opener).await);

    // The real group locks; the impostor's announced Undo(Lock) does not open the thread.
    let lock = activity(wind.good.url("/locks/1"), "Lock", &wind.group, json!(wind.opener_url), &wind.group);
    assert_eq!(wind.good.deliver(&wind.group, &inbox, &lock).await, StatusCode::ACCEPTED);
    assert!(is_locked(&app, wind.opener).await, "the group locks its own thread");
    let undo = activity(evil.url("/inner/4"), "Undo", &wind.group, lock.clone(), &wind.group);
    assert_eq!(
        evil.deliver(&impostor, &inbox, &announce(&evil, 9, &impostor, undo)).await,
        StatusCode::ACCEPTED
    );
    assert!(is_locked(&app, wind.opener).await, "the impostor's announced Undo(Lock) changed nothing");
}

/// Lemmy's way across three servers: a moderator on `third` removes a reply and locks the thread
/// of `wind` on `good`; the group announces both. The group's own announcement is authority,
/// whatever server the moderator is on.
pub async fn the_real_groups_announcement_of_a_moderator_elsewhere_applies(app: TestApp) {
    let wind = wind(&app).await;
    let mut third = Peer::start().await;
    let moderator = third.add_actor("mo", "Person");
    let inbox = app.url("/inbox");
    let delete = activity(
        third.url("/deletes/1"),
        "Delete",
        &moderator,
        json!({"id": wind.reply_url, "type": "Tombstone"}),
        &wind.group,
    );
    let wrapped = announce(&wind.good, 1, &wind.group, delete);
    assert_eq!(wind.good.deliver(&wind.group, &inbox, &wrapped).await, StatusCode::ACCEPTED);
    assert!(is_deleted(&app, wind.reply).await, "removed by the group's announcement");
    let lock = activity(third.url("/locks/1"), "Lock", &moderator, json!(wind.opener_url), &wind.group);
    let wrapped = announce(&wind.good, 2, &wind.group, lock.clone());
    assert_eq!(wind.good.deliver(&wind.group, &inbox, &wrapped).await, StatusCode::ACCEPTED);
    assert!(is_locked(&app, wind.opener).await, "locked by the group's announcement");
    let undo = activity(third.url("/undos/1"), "Undo", &moderator, lock, &wind.group);
    let wrapped = announce(&wind.good, 3, &wind.group, undo);
    assert_eq!(wind.good.deliver(&wind.group, &inbox, &wrapped).await, StatusCode::ACCEPTED);
    assert!(!is_locked(&app, wind.opener).await, "unlocked by the group's announcement");
    assert!(!is_deleted(&app, wind.opener).await);
}

/// Another person on the author's own server sends `Update` and `Create` of bea's post with
/// themselves as `attributedTo` (which passes the origin check): refused, the text unchanged.
/// bea's own `Update` still applies.
pub async fn only_the_stored_author_rewrites_a_post(app: TestApp) {
    let mut wind = wind(&app).await;
    let mallory = wind.good.add_actor("mallory", "Person");
    let inbox = app.url("/inbox");
    let forged = |n: u32, kind: &str, author: &str, text: &str| {
        let mut object = page(&wind.opener_url, author, &wind.group, text, None);
        object["updated"] = json!(format!("2030-01-0{n}T00:00:00Z"));
        json!({"@context": AS, "id": wind.good.url(&format!("/rewrites/{n}")), "type": kind, "actor": author,
               "to": [PUBLIC, wind.group], "object": object})
    };
    for (n, kind) in [(1, "Update"), (2, "Create")] {
        let rewrite = forged(n, kind, &mallory, "Pwned");
        assert_eq!(wind.good.deliver(&mallory, &inbox, &rewrite).await, StatusCode::FORBIDDEN, "{kind}");
        let post = federated::get_post(&app.ctx, wind.opener).await.expect("post");
        assert_eq!(post.content_html, "<p>Wind turbines</p>", "{kind} by someone else changed nothing");
        assert_eq!(post.title.as_deref(), Some("Wind turbines"));
    }
    let edit = forged(3, "Update", &wind.bea, "Wind turbines, edited");
    assert_eq!(wind.good.deliver(&wind.bea, &inbox, &edit).await, StatusCode::ACCEPTED);
    let post = federated::get_post(&app.ctx, wind.opener).await.expect("post");
    assert_eq!(post.content_html, "<p>Wind turbines, edited</p>", "the author's own Update applies");
}

/// A moderator listed in the group's `attributedTo` collection removes a post directly; the list
/// is read once and remembered, so a second action fetches nothing more from the group.
pub async fn listed_moderators_are_remembered(app: TestApp) {
    let mut wind = wind(&app).await;
    let moderator = wind.good.add_actor("mo", "Person");
    let moderators_url = format!("{}/moderators", wind.group);
    let mut group_document = wind.good.document(&wind.group).expect("group document");
    group_document["attributedTo"] = json!(moderators_url);
    wind.good.publish(&wind.group, group_document);
    wind.good.publish(
        &moderators_url,
        json!({"@context": AS, "id": moderators_url, "type": "OrderedCollection", "orderedItems": [moderator]}),
    );
    let inbox = app.url("/inbox");
    let lock = activity(wind.good.url("/locks/1"), "Lock", &moderator, json!(wind.opener_url), &wind.group);
    assert_eq!(wind.good.deliver(&moderator, &inbox, &lock).await, StatusCode::ACCEPTED);
    assert!(is_locked(&app, wind.opener).await);
    let fetches = wind.good.fetch_count();
    let delete = activity(
        wind.good.url("/deletes/1"),
        "Delete",
        &moderator,
        json!({"id": wind.reply_url, "type": "Tombstone"}),
        &wind.group,
    );
    assert_eq!(wind.good.deliver(&moderator, &inbox, &delete).await, StatusCode::ACCEPTED);
    assert!(is_deleted(&app, wind.reply).await, "the listed moderator removed the reply");
    assert_eq!(wind.good.fetch_count(), fetches, "the moderators list was remembered");
}

/// Bans and restores follow the same rule: announced by the real group for a moderator on a
/// third server they apply; the same activities announced by a group elsewhere change nothing.
pub async fn announced_bans_and_restores_count_only_from_the_real_group(app: TestApp) {
    let wind = wind(&app).await;
    let mut evil = Peer::start().await;
    let impostor = evil.add_actor("wind", "Group");
    known(&app, &evil, &impostor, 3).await;
    let mut third = Peer::start().await;
    let moderator = third.add_actor("mo", "Person");
    let inbox = app.url("/inbox");
    let reader = app.state.uris.absolute("/u/reader");
    let block = json!({"@context": AS, "id": third.url("/blocks/1"), "type": "Block", "actor": moderator,
        "object": reader, "target": wind.group, "summary": "flooding", "to": [PUBLIC], "audience": wind.group});
    let bans = || crate::common::count_rows(&app, "group_bans");
    assert_eq!(
        evil.deliver(&impostor, &inbox, &announce(&evil, 1, &impostor, block.clone())).await,
        StatusCode::ACCEPTED
    );
    assert_eq!(bans().await, 0, "a ban announced by a group elsewhere changes nothing");
    assert_eq!(
        wind.good.deliver(&wind.group, &inbox, &announce(&wind.good, 1, &wind.group, block.clone())).await,
        StatusCode::ACCEPTED
    );
    assert_eq!(bans().await, 1, "the group's announcement of its moderator's ban applies");
    let undo_block = activity(third.url("/undos/1"), "Undo", &moderator, block, &wind.group);
    assert_eq!(
        evil.deliver(&impostor, &inbox, &announce(&evil, 2, &impostor, undo_block.clone())).await,
        StatusCode::ACCEPTED
    );
    assert_eq!(bans().await, 1, "an unban announced by a group elsewhere changes nothing");
    assert_eq!(
        wind.good.deliver(&wind.group, &inbox, &announce(&wind.good, 2, &wind.group, undo_block)).await,
        StatusCode::ACCEPTED
    );
    assert_eq!(bans().await, 0, "the group's announced unban applies");

    let mut delete = activity(
        third.url("/deletes/1"),
        "Delete",
        &moderator,
        json!({"id": wind.reply_url, "type": "Tombstone"}),
        &wind.group,
    );
    delete["summary"] = json!("off topic");
    assert_eq!(
        wind.good.deliver(&wind.group, &inbox, &announce(&wind.good, 3, &wind.group, delete.clone())).await,
        StatusCode::ACCEPTED
    );
    assert!(is_deleted(&app, wind.reply).await, "removed");
    let restore = activity(third.url("/undos/2"), "Undo", &moderator, delete, &wind.group);
    assert_eq!(
        evil.deliver(&impostor, &inbox, &announce(&evil, 3, &impostor, restore.clone())).await,
        StatusCode::ACCEPTED
    );
    assert!(is_deleted(&app, wind.reply).await, "a restore announced by a group elsewhere changes nothing");
    assert_eq!(
        wind.good.deliver(&wind.group, &inbox, &announce(&wind.good, 4, &wind.group, restore)).await,
        StatusCode::ACCEPTED
    );
    assert!(!is_deleted(&app, wind.reply).await, "the group's announced restore applies");
}

on_both_backends!(
    announced_bans_and_restores_count_only_from_the_real_group,
    a_group_elsewhere_changes_nothing_by_claiming_the_real_group,
    the_real_groups_announcement_of_a_moderator_elsewhere_applies,
    only_the_stored_author_rewrites_a_post,
    listed_moderators_are_remembered
);

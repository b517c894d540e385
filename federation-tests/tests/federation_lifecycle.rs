//! The life of a thread across three real instances, driven only through public HTTP: a group on
//! its home instance is followed from two others; its thread is edited, liked from afar, replied
//! to, and its replies and the thread itself are deleted; then one follower unfollows and no
//! longer receives new threads while the other still does. A member who deletes her account
//! leaves the remote group she followed.

use federation_tests::scenario::{
    FAST_RETRY_ENV, LogsOnPanic, PASSWORD, eventually, follow_remote_group, followers_become, heading,
    member, options, page_shows, page_stops_showing, peer, peer_becomes, post_id_containing, project_group,
    reply, start_thread, thread_arrives, thread_id, thread_link, unfollow,
};
use federation_tests::{Backend, Browserless, Instance};

const TITLE: &str = "Solar on the town hall";
const EDITED_TITLE: &str = "Solar roofs for the town hall and the school";
const EDITED_BODY: &str = "Who joins the *second* **survey**?";
const EDITED_BODY_HTML: &str = "<em>second</em>";
const KEPT_REPLY: &str = "Bring a ladder, the roof is high";
const EDITED_REPLY: &str = "Bring two ladders, the roof is very high";

fn start(backend: Backend, name: &str) -> Option<Instance> {
    start_with(backend, name, &[])
}

fn start_with(backend: Backend, name: &str, env: &[(&str, &str)]) -> Option<Instance> {
    Some(Instance::start(options(backend, name, env)?))
}

/// Deletes post `id` through the delete button on `page` (a thread page showing it).
async fn delete_post(client: &Browserless, page: &str, id: &str) {
    client.submit_ok(page, &format!("/p/{id}/delete"), &[]).await;
}

async fn thread_lifecycle(backend: Backend) {
    let (Some(home), Some(north), Some(south)) =
        (start(backend, "Borken"), start(backend, "Boras"), start(backend, "Hjorring"))
    else {
        return;
    };
    let _logs = LogsOnPanic::default().with("home", &home).with("north", &north).with("south", &south);
    let bea = member(&home, "bea", true).await;
    project_group(&home, "energy", "Energy in Borken");
    let ana = member(&north, "ana", false).await;
    let carl = member(&south, "carl", false).await;

    let handle = format!("@energy@{}", home.domain());
    let ana_group = follow_remote_group(&ana, &handle).await;
    let carl_group = follow_remote_group(&carl, &handle).await;
    followers_become(&bea, "/g/energy", 2).await;
    followers_become(&ana, &ana_group, 1).await;

    let home_thread = start_thread(&bea, "/g/energy", TITLE, "Who joins the **survey**?").await;
    let ana_thread = thread_arrives(&ana, &ana_group, TITLE).await;
    let carl_thread = thread_arrives(&carl, &carl_group, TITLE).await;

    // The author edits title and body on the home instance; both followers show the new version.
    let id = thread_id(&home_thread);
    let edit = format!("/p/{id}/edit");
    let edited = bea.submit_ok(&edit, &edit, &[("title", EDITED_TITLE), ("body", EDITED_BODY)]).await;
    assert!(edited.body.contains(EDITED_BODY_HTML), "the home instance shows the edit:\n{}", edited.body);
    for (client, group, thread) in [(&ana, &ana_group, &ana_thread), (&carl, &carl_group, &carl_thread)] {
        let page = page_shows(client, thread, EDITED_BODY_HTML).await;
        assert_eq!(heading(&page), Some(EDITED_TITLE), "the title was edited too:\n{page}");
        assert!(!page.contains(TITLE) && !page.contains("Who joins the <strong>survey</strong>?"), "{page}");
        assert!(page.contains(r#"<span class="edited">edited</span>"#), "marked as edited:\n{page}");
        let listing = page_shows(client, group, EDITED_TITLE).await;
        assert_eq!(thread_link(&listing, EDITED_TITLE).as_deref(), Some(thread.as_str()));
        assert!(!listing.contains(TITLE), "the group page lists the new title only:\n{listing}");
    }

    // A member of another instance likes the thread there; the home instance counts the like.
    let ana_opener = thread_id(&ana_thread);
    let liked = ana.submit_ok(&ana_thread, &format!("/p/{ana_opener}/like"), &[]).await;
    assert!(liked.body.contains(r#"<span class="likes">1 like</span>"#), "{}", liked.body);
    page_shows(&bea, &home_thread, r#"<span class="likes">1 like</span>"#).await;
    page_shows(&bea, "/g/energy", "· 1 like").await;

    // She takes the like back: the count at home drops again.
    ana.submit_ok(&ana_thread, &format!("/p/{ana_opener}/unlike"), &[]).await;
    page_shows(&bea, &home_thread, r#"<span class="likes">0 likes</span>"#).await;

    // Two replies by the author reach both followers.
    let first_reply = reply(&bea, &home_thread, "Survey forms are at the library").await;
    let kept_reply = reply(&bea, &home_thread, KEPT_REPLY).await;
    for (client, thread) in [(&ana, &ana_thread), (&carl, &carl_thread)] {
        page_shows(client, thread, "Survey forms are at the library").await;
        page_shows(client, thread, KEPT_REPLY).await;
    }

    // The author edits a reply: both followers show the new text.
    let edit_reply = format!("/p/{kept_reply}/edit");
    bea.submit_ok(&edit_reply, &edit_reply, &[("body", EDITED_REPLY)]).await;
    for (client, thread) in [(&ana, &ana_thread), (&carl, &carl_thread)] {
        let page = page_shows(client, thread, EDITED_REPLY).await;
        assert!(!page.contains(KEPT_REPLY), "{page}");
    }

    // The author deletes a reply that has no answers: it disappears from both followers.
    delete_post(&bea, &home_thread, &first_reply).await;
    for (client, thread) in [(&ana, &ana_thread), (&carl, &carl_thread)] {
        let page = page_stops_showing(client, thread, "Survey forms are at the library").await;
        assert!(!page.contains("[deleted]") && page.contains(EDITED_REPLY), "{page}");
    }

    // The author deletes the thread, which still has a reply: it shows "[deleted]" with the reply
    // kept, at home and on both followers.
    delete_post(&bea, &home_thread, id).await;
    let home_group = "/g/energy".to_owned();
    for (client, group, thread) in [
        (&bea, &home_group, &home_thread),
        (&ana, &ana_group, &ana_thread),
        (&carl, &carl_group, &carl_thread),
    ] {
        let page = page_stops_showing(client, thread, EDITED_BODY_HTML).await;
        assert_eq!(heading(&page), Some("[deleted]"), "{}:\n{page}", client.url(thread));
        assert!(page.contains(r#"<p class="placeholder">[deleted]</p>"#), "{page}");
        assert!(post_id_containing(&page, EDITED_REPLY).is_some(), "the reply stays:\n{page}");
        assert!(!page.contains(EDITED_TITLE), "{page}");
        let listing = client.get_ok(group).await;
        assert!(!listing.contains(EDITED_TITLE), "{} still lists the title:\n{listing}", client.url(group));
    }

    // ana unfollows: the home group loses a follower, and its next thread reaches carl only.
    unfollow(&ana, &ana_group).await;
    let page = followers_become(&ana, &ana_group, 0).await;
    assert!(page.contains(&format!(r#"action="{ana_group}/follow""#)), "a Follow button again:\n{page}");
    followers_become(&bea, "/g/energy", 1).await;
    let north_host = north.domain();
    let before = peer_becomes(&bea, &north_host, "idle", |row| row.pending == 0).await;

    start_thread(&bea, "/g/energy", "Wind park meeting", "Thursday at seven").await;
    thread_arrives(&carl, &carl_group, "Wind park meeting").await;
    // Everything for this thread has been queued (carl has it); nothing was queued for ana's
    // instance, and nothing reached it.
    let after = peer(&bea, &north_host).await.expect("the home instance still lists the north instance");
    assert_eq!((after.pending, after.delivered), (0, before.delivered), "{after:?}\n{}", home.logs());
    let listing = ana.get_ok(&ana_group).await;
    assert_eq!(thread_link(&listing, "Wind park meeting"), None, "reached an unfollower:\n{listing}");
    let feed = ana.get_ok("/feed").await;
    assert!(!feed.contains("Wind park meeting"), "{feed}");

    // The author deletes that new thread, which has no replies: it disappears from carl's group.
    let wind = thread_link(&bea.get_ok("/g/energy").await, "Wind park meeting").expect("listed at home");
    delete_post(&bea, &wind, thread_id(&wind)).await;
    page_stops_showing(&carl, &carl_group, "Wind park meeting").await;

    // The queue of the home instance is empty: every delivery in this scenario succeeded.
    let south_row = eventually("the home queue to drain", || async {
        peer(&bea, &south.domain()).await.filter(|row| row.pending == 0)
    })
    .await;
    assert_eq!(south_row.failed, 0, "{south_row:?}\n{}", home.logs());
    assert_eq!(after.failed, 0, "{after:?}\n{}", home.logs());
}

/// Replies and deletions by members of the follower instances: they reach the group's home and
/// the other follower, and the group's announcements keep flowing to the repliers' instances.
async fn remote_replies_and_deletions(backend: Backend) {
    let fast = [FAST_RETRY_ENV];
    let (Some(home), Some(north), Some(south)) = (
        start_with(backend, "Borken", &fast),
        start_with(backend, "Boras", &fast),
        start_with(backend, "Hjorring", &fast),
    ) else {
        return;
    };
    let _logs = LogsOnPanic::default().with("home", &home).with("north", &north).with("south", &south);
    let bea = member(&home, "bea", true).await;
    project_group(&home, "energy", "Energy in Borken");
    let ana = member(&north, "ana", false).await;
    let carl = member(&south, "carl", false).await;
    let handle = format!("@energy@{}", home.domain());
    let ana_group = follow_remote_group(&ana, &handle).await;
    let carl_group = follow_remote_group(&carl, &handle).await;
    followers_become(&bea, "/g/energy", 2).await;

    let home_thread = start_thread(&bea, "/g/energy", TITLE, "Who joins the **survey**?").await;
    let ana_thread = thread_arrives(&ana, &ana_group, TITLE).await;
    let carl_thread = thread_arrives(&carl, &carl_group, TITLE).await;

    // ana replies on her instance: the reply reaches the group's home and carl's instance.
    let ana_reply = reply(&ana, &ana_thread, "Count me in, from Boras").await;
    page_shows(&bea, &home_thread, "Count me in, from Boras").await;
    page_shows(&carl, &carl_thread, "Count me in, from Boras").await;

    // She deletes it there: it disappears at home and on carl's instance.
    delete_post(&ana, &ana_thread, &ana_reply).await;
    page_stops_showing(&bea, &home_thread, "Count me in, from Boras").await;
    page_stops_showing(&carl, &carl_thread, "Count me in, from Boras").await;

    // The group's next thread still reaches both followers, ana's instance included. (The group
    // announced ana's own Create and Delete back to her instance; those must not hold up the
    // per-peer queue.)
    start_thread(&bea, "/g/energy", "Wind park meeting", "Thursday at seven").await;
    thread_arrives(&carl, &carl_group, "Wind park meeting").await;
    let north_host = north.domain();
    let stuck = peer(&bea, &north_host).await;
    eventually(&format!("the new thread to reach {north_host}; home's queue for it: {stuck:?}"), || async {
        let page = ana.get(&ana_group).await;
        thread_link(&page.body, "Wind park meeting")
    })
    .await;
    for host in [north_host, south.domain()] {
        let row = peer_becomes(&bea, &host, "drained", |row| row.pending == 0).await;
        assert_eq!(row.failed, 0, "{row:?}");
    }
}

/// A remote member likes, unlikes and likes again: the home instance counts the second like.
async fn like_again_after_unlike(backend: Backend) {
    let (Some(home), Some(north)) = (start(backend, "Borken"), start(backend, "Boras")) else {
        return;
    };
    let _logs = LogsOnPanic::default().with("home", &home).with("north", &north);
    let bea = member(&home, "bea", true).await;
    project_group(&home, "energy", "Energy in Borken");
    let ana = member(&north, "ana", false).await;
    let ana_group = follow_remote_group(&ana, &format!("@energy@{}", home.domain())).await;
    followers_become(&bea, "/g/energy", 1).await;
    let home_thread = start_thread(&bea, "/g/energy", TITLE, "Who joins?").await;
    let ana_thread = thread_arrives(&ana, &ana_group, TITLE).await;
    let id = thread_id(&ana_thread);
    for (step, (action, count)) in
        [("like", "1 like"), ("unlike", "0 likes"), ("like", "1 like")].into_iter().enumerate()
    {
        ana.submit_ok(&ana_thread, &format!("/p/{id}/{action}"), &[]).await;
        let needle = format!(r#"<span class="likes">{count}</span>"#);
        eventually(&format!("step {}: {action}, then {count} at home", step + 1), || async {
            bea.get_ok(&home_thread).await.contains(&needle).then_some(())
        })
        .await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_a_remote_like_after_unlike_counts_again() {
    like_again_after_unlike(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_remote_replies_and_deletions_keep_the_queue_flowing() {
    remote_replies_and_deletions(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_remote_replies_and_deletions_keep_the_queue_flowing() {
    remote_replies_and_deletions(Backend::Postgres).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_thread_edits_likes_deletions_and_unfollows_federate() {
    thread_lifecycle(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_thread_edits_likes_deletions_and_unfollows_federate() {
    thread_lifecycle(Backend::Postgres).await;
}

/// A member of one instance who follows a group on another deletes her account (no grace
/// period here): her instance sends `Delete` of her actor, and the group's home drops her as a
/// follower and her thread there.
async fn account_deletion(backend: Backend) {
    let (Some(home), Some(north)) = (
        start(backend, "Borken"),
        start_with(backend, "Boras", &[("ALLMENDE_ACCOUNTS_DELETION_GRACE_DAYS", "0")]),
    ) else {
        return;
    };
    let _logs = LogsOnPanic::default().with("home", &home).with("north", &north);
    let bea = member(&home, "bea", true).await;
    project_group(&home, "energy", "Energy in Borken");
    let ana = member(&north, "ana", false).await;
    let ana_group = follow_remote_group(&ana, &format!("@energy@{}", home.domain())).await;
    followers_become(&bea, "/g/energy", 1).await;
    start_thread(&ana, &ana_group, "Leaving soon", "Thanks for everything").await;
    page_shows(&bea, "/g/energy", "Leaving soon").await;

    let gone = ana
        .submit_ok("/settings/account", "/settings/account/delete", &[("current_password", PASSWORD)])
        .await;
    assert_eq!(gone.location.as_deref(), Some("/"), "deleted at once and signed out");
    followers_become(&bea, "/g/energy", 0).await;
    page_stops_showing(&bea, "/g/energy", "Leaving soon").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_a_deleted_member_leaves_the_remote_group() {
    account_deletion(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_a_deleted_member_leaves_the_remote_group() {
    account_deletion(Backend::Postgres).await;
}

//! Moderator teams across two real instances, only through public HTTP: the group's owner
//! appoints a moderator on the team page (one of the group's instance, and one of the other,
//! found by handle); the moderator of the other instance removes and restores a reply from
//! their own instance, and the group's instance honours it; the new moderator's lock reaches the
//! follower's instance; once dismissed, they may lock nothing.

use federation_tests::scenario::{
    LogsOnPanic, follow_remote_group, followers_become, member, options, page_shows, post_id_containing,
    project_group, reply, start_thread, thread_arrives, thread_id,
};
use federation_tests::{Backend, Instance};

const TOPIC: &str = "Cargo bikes for the town hall";
const LOCKED: &str = "This thread is locked";
const SPAM: &str = "Cheap watches, ask me";
const REASON: &str = "No advertising in the group";

async fn an_appointed_moderator_acts_and_it_reaches_the_other_instance(backend: Backend) {
    let (Some(home), Some(north)) = (options(backend, "Borken", &[]), options(backend, "Boras", &[])) else {
        return;
    };
    let (home, north) = (Instance::start(home), Instance::start(north));
    let _logs = LogsOnPanic::default().with("home", &home).with("north", &north);
    let bea = member(&home, "bea", true).await;
    project_group(&home, "mobility", "Mobility in Borken");
    let carl = member(&home, "carl", false).await;
    let ana = member(&north, "ana", false).await;
    let ana_group = follow_remote_group(&ana, &format!("@mobility@{}", home.domain())).await;
    followers_become(&bea, "/g/mobility", 1).await;
    let topic = start_thread(&bea, "/g/mobility", TOPIC, "Who has tried one?").await;
    let ana_topic = thread_arrives(&ana, &ana_group, TOPIC).await;
    let lock = format!("/t/{}/lock", thread_id(&topic));

    let refused = carl.submit(&topic, &lock, &[]).await;
    assert_eq!(refused.status.as_u16(), 403, "carl moderates nothing yet: {}", refused.body);
    let not_owner = carl.submit("/g/mobility/team", "/g/mobility/team", &[("handle", "carl")]).await;
    assert_eq!(not_owner.status.as_u16(), 403, "only the owner changes the team");

    bea.submit_ok("/g/mobility/team", "/g/mobility/team", &[("handle", "carl")]).await;
    let remote = format!("ana@{}", north.domain());
    let team = bea.submit_ok("/g/mobility/team", "/g/mobility/team", &[("handle", &remote)]).await;
    assert!(team.body.contains(&remote), "a person of the other instance, found by handle:\n{}", team.body);

    // ana acts from her own instance: her removal, with its reason, reaches the group's home
    // instance, and so does her restore.
    reply(&carl, &topic, SPAM).await;
    let ana_page = page_shows(&ana, &ana_topic, SPAM).await;
    let ana_spam = post_id_containing(&ana_page, SPAM).expect("carl's reply on ana's instance");
    let remove = format!("/p/{ana_spam}/remove");
    page_shows(&ana, &ana_topic, &remove).await;
    ana.submit_ok(&ana_topic, &remove, &[("reason", REASON)]).await;
    let home_page = page_shows(&bea, &topic, REASON).await;
    assert!(!home_page.contains(SPAM), "the home instance hides the reply:\n{home_page}");
    let modlog = bea.get_ok("/g/mobility/modlog").await;
    assert!(modlog.contains(REASON), "the home instance's modlog has it:\n{modlog}");
    ana.submit_ok(&ana_topic, &format!("/p/{ana_spam}/restore"), &[]).await;
    page_shows(&bea, &topic, SPAM).await;

    carl.submit_ok(&topic, &lock, &[]).await;
    page_shows(&ana, &ana_topic, LOCKED).await;

    // The team lists the owner, then carl, then ana: the first "Dismiss" is carl's.
    let page = bea.get_ok("/g/mobility/team").await;
    let carl_id = page
        .split_once("/dismiss\"")
        .and_then(|(before, _)| before.rsplit_once("/team/"))
        .map(|(_, id)| id.to_owned())
        .expect("a dismiss button for carl");
    let dismissed = bea.submit("/g/mobility/team", &format!("/g/mobility/team/{carl_id}/dismiss"), &[]).await;
    assert_eq!(dismissed.status.as_u16(), 303, "{}", dismissed.body);
    let unlock = format!("/t/{}/unlock", thread_id(&topic));
    let refused = carl.submit(&topic, &unlock, &[]).await;
    assert_eq!(refused.status.as_u16(), 403, "a dismissed moderator may not unlock: {}", refused.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_an_appointed_moderator_acts_and_it_reaches_the_other_instance() {
    an_appointed_moderator_acts_and_it_reaches_the_other_instance(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_an_appointed_moderator_acts_and_it_reaches_the_other_instance() {
    an_appointed_moderator_acts_and_it_reaches_the_other_instance(Backend::Postgres).await;
}

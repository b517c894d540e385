//! Events across two real instances, driven only through public HTTP: a member of one instance
//! follows a project group on the other; an event the group's owner then creates arrives as a
//! Mobilizon-style `Event` and shows in the follower's group event list and calendar; the member
//! says they are going (a `Join`), the group's `Accept` confirms their place, and the organiser
//! at home sees them among those going.

use federation_tests::scenario::{
    LogsOnPanic, follow_remote_group, member, options, page_shows, project_group,
};
use federation_tests::{Backend, Instance};

const TITLE: &str = "Climate network meeting";

fn start(backend: Backend, name: &str) -> Option<Instance> {
    Some(Instance::start(options(backend, name, &[])?))
}

/// The first `/e/{id}` link on a page.
fn event_link(html: &str) -> Option<String> {
    let start = html.find("href=\"/e/")? + "href=\"".len();
    let end = html[start..].find('"')?;
    Some(html[start..start + end].to_owned())
}

async fn events_and_rsvps_federate(backend: Backend) {
    let (Some(home), Some(north)) = (start(backend, "Borken"), start(backend, "Boras")) else {
        return;
    };
    let _logs = LogsOnPanic::default().with("home", &home).with("north", &north);
    let bea = member(&home, "bea", true).await;
    project_group(&home, "energy", "Energy in Borken");
    let ana = member(&north, "ana", false).await;
    let group = follow_remote_group(&ana, &format!("@energy@{}", home.domain())).await;
    page_shows(&bea, "/g/energy", "1 follower").await;

    let created = bea
        .submit_ok(
            "/g/energy/events/new",
            "/g/energy/events",
            &[
                ("title", TITLE),
                ("description", "Four network meetings a year: this is the **autumn** one."),
                ("starts_at", "2031-11-20T18:00"),
                ("ends_at", "2031-11-20T20:30"),
                ("time_zone", "Europe/Berlin"),
                ("address", "Rathaus, Markt 1, Borken"),
                ("latitude", "51.8437"),
                ("longitude", "6.8582"),
                ("capacity", "30"),
            ],
        )
        .await;
    let home_event = created.location.expect("the new event's page");

    // The event arrives on the follower's instance, in the group's list and the calendar.
    let list = page_shows(&ana, &format!("{group}/events"), TITLE).await;
    let remote_event = event_link(&list).expect("a link to the event");
    let page = ana.get_ok(&remote_event).await;
    assert!(page.contains("20 November 2031, 18:00–20:30 CET"), "{page}");
    assert!(page.contains("Rathaus, Markt 1, Borken") && page.contains("<strong>autumn</strong>"), "{page}");
    page_shows(&ana, "/calendar?month=2031-11", TITLE).await;

    // ana is going: a Join reaches the group's home, where the organiser sees her.
    ana.submit_ok(&remote_event, &format!("{remote_event}/rsvp"), &[("rsvp", "going")]).await;
    page_shows(&ana, &remote_event, "You are going.").await;
    // The group's Accept(Join) comes back: her place is confirmed.
    page_shows(&ana, &remote_event, "Your place is confirmed.").await;
    let north_handle = format!("/u/ana@{}", north.domain());
    let seen = page_shows(&bea, &home_event, &north_handle).await;
    assert!(seen.contains("1 of 30 places taken"), "{seen}");

    // Changing her mind sends a Leave.
    ana.submit_ok(&remote_event, &format!("{remote_event}/rsvp"), &[("rsvp", "not_going")]).await;
    page_shows(&bea, &home_event, "0 of 30 places taken").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_events_and_rsvps_federate() {
    events_and_rsvps_federate(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_events_and_rsvps_federate() {
    events_and_rsvps_federate(Backend::Postgres).await;
}

//! The event pages run a bounded number of queries whatever the number of events and of people
//! going (no N+1): a group's event list, an event page (as its organiser, who sees everyone
//! going), the calendar's month and year, and a member's private feed. Counted like
//! `query_counts.rs` does for the forum's pages.

use allmende::domain::event::{EventInput, Month, Rsvp};
use allmende::service::{CurrentUser, events, groups};

use crate::common::{Backend, TestApp};
use crate::groups::group;
use crate::query_counts::count_read_queries;

fn event_input(n: usize) -> EventInput {
    EventInput {
        title: format!("Network meeting {n}"),
        description: "Bring **ideas**".into(),
        starts_at: format!("2030-{:02}-{:02}T18:00", n % 12 + 1, n % 27 + 1),
        ends_at: format!("2030-{:02}-{:02}T20:00", n % 12 + 1, n % 27 + 1),
        time_zone: "Europe/Berlin".into(),
        address: "Rathaus, Borken".into(),
        latitude: String::new(),
        longitude: String::new(),
        online_url: String::new(),
        capacity: String::new(),
    }
}

/// `count` events in `group`, each with everyone in `going` going.
async fn events_in(app: &TestApp, owner: &CurrentUser, group: &str, count: usize, going: &[CurrentUser]) {
    for n in 0..count {
        let id = events::create_event(&app.ctx, owner, group, &event_input(n)).await.expect("event");
        for person in going {
            events::set_rsvp(&app.ctx, person, id, Rsvp::Going).await.expect("going");
        }
    }
}

async fn event_pages_have_constant_query_counts(app: TestApp) {
    let ana = app.create_user("ana").await;
    let mut people = Vec::new();
    for name in ["bo", "cy", "di", "ed", "fa"] {
        people.push(app.create_user(name).await);
    }
    groups::create_group(&app.ctx, ana.id, group("small", "project")).await.expect("group");
    groups::create_group(&app.ctx, ana.id, group("large", "project")).await.expect("group");
    events_in(&app, &ana, "small", 1, &people[..1]).await;
    events_in(&app, &ana, "large", 36, &people).await;
    let token = events::reset_calendar_token(&app.ctx, &people[0]).await.expect("token");

    let (small_list, _) =
        count_read_queries(|| events::list_group_events(&app.ctx, "small", Some(&ana))).await;
    let (large_list, listed) =
        count_read_queries(|| events::list_group_events(&app.ctx, "large", Some(&ana))).await;
    let listed = listed.expect("list");
    assert_eq!(listed.upcoming.len() + listed.past.len(), 36);
    assert!(small_list > 0, "queries are counted");
    assert_eq!(small_list, large_list, "a group's event list costs the same whatever its length");
    assert_eq!(large_list, 4, "group event list: the group, upcoming, past and the viewer's role");

    let small_event = events::list_group_events(&app.ctx, "small", None).await.expect("list").upcoming[0].id;
    let large_event = listed.upcoming[0].id;
    let (small_page, _) =
        count_read_queries(|| events::get_event_page(&app.ctx, small_event, Some(&ana))).await;
    let (large_page, page) =
        count_read_queries(|| events::get_event_page(&app.ctx, large_event, Some(&ana))).await;
    assert_eq!(page.expect("page").going.len(), 5, "the organiser sees everyone going");
    assert_eq!(small_page, large_page, "an event page costs the same whatever the number going");
    assert_eq!(large_page, 3, "event page: the event with its counts, the viewer's role, who goes");
    let (visitor_page, _) = count_read_queries(|| events::get_event_page(&app.ctx, large_event, None)).await;
    assert_eq!(visitor_page, 1, "event page for a visitor: the event with its counts");

    let (quiet_month, _) =
        count_read_queries(|| events::list_calendar(&app.ctx, month(2031, 1), month(2031, 1))).await;
    let (busy_month, found) =
        count_read_queries(|| events::list_calendar(&app.ctx, month(2030, 1), month(2030, 1))).await;
    assert!(found.expect("month").len() >= 3);
    assert_eq!(quiet_month, busy_month, "a month costs the same whatever its events");
    assert_eq!(busy_month, 1, "a calendar month in one query");
    let (year, found) =
        count_read_queries(|| events::list_calendar(&app.ctx, month(2030, 1), month(2030, 12))).await;
    assert_eq!(found.expect("year").len(), 37);
    assert_eq!(year, 1, "the year overview in one query");

    let (feed, found) = count_read_queries(|| events::list_events_by_calendar_token(&app.ctx, &token)).await;
    assert_eq!(found.expect("feed").len(), 37);
    assert_eq!(feed, 2, "a member's private feed: the token, then the events");
}

fn month(year: i16, month: i8) -> Month {
    Month { year, month }
}

#[tokio::test(flavor = "current_thread")]
async fn sqlite_event_pages_have_constant_query_counts() {
    event_pages_have_constant_query_counts(TestApp::spawn(Backend::Sqlite).await).await;
}

#[tokio::test(flavor = "current_thread")]
async fn postgres_event_pages_have_constant_query_counts() {
    match TestApp::spawn_postgres().await {
        Some(app) => event_pages_have_constant_query_counts(app).await,
        None => eprintln!("skipped: ALLMENDE_TEST_POSTGRES_URL is not set"),
    }
}

//! Events through the web: organisers create and edit them with forms, bad input is refused
//! field by field with nothing stored, members answer within the capacity, organisers see who
//! goes; the month and year calendars; iCalendar feeds read back with the independent `ical`
//! parser and the events' Atom feed with `feed-rs`.

use reqwest::StatusCode;
use reqwest::header::{CONTENT_TYPE, SET_COOKIE};

use allmende::service::groups;

use crate::common::{TestApp, count_rows, location};
use crate::groups::group;
use crate::on_both_backends;

/// The fields of a valid event in November 2030 in Berlin, with `changes` applied.
fn event_form<'a>(changes: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut fields = vec![
        ("title", "Network meeting, autumn"),
        ("description", "Bring **ideas**; <script>alert(1)</script>"),
        ("starts_at", "2030-11-20T18:00"),
        ("ends_at", "2030-11-20T20:30"),
        ("time_zone", "Europe/Berlin"),
        ("address", "Rathaus; Markt 1, Borken"),
        ("latitude", "51.8437"),
        ("longitude", "6.8582"),
        ("online_url", ""),
        ("capacity", "2"),
    ];
    for (name, value) in changes {
        if let Some(field) = fields.iter_mut().find(|(n, _)| n == name) {
            field.1 = value;
        }
    }
    fields
}

/// ana owns `energy`; she is signed in. Returns the new event's path.
pub async fn energy_with_event(app: &TestApp) -> String {
    let ana = app.signed_in_user("ana").await;
    groups::create_group(&app.ctx, ana.id, group("energy", "project")).await.expect("group");
    let response = app.post_form("/g/energy/events", &event_form(&[])).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let path = location(&response);
    assert!(path.starts_with("/e/"), "{path}");
    path
}

pub async fn organisers_create_events_that_show_in_their_zone(app: TestApp) {
    let path = energy_with_event(&app).await;
    let (status, html) = app.get_html(&path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Network meeting, autumn"), "{html}");
    assert!(html.contains("20 November 2030, 18:00–20:30 CET"), "shown in Berlin time: {html}");
    assert!(html.contains("<strong>ideas</strong>") && !html.contains("<script>alert"), "sanitised");
    assert!(html.contains("0 of 2 places taken"));
    assert!(html.contains("openstreetmap.org/?mlat=51.8437"));
    // In German, with German dates, for a visitor whose browser asks for German.
    let visitor = app.new_browser();
    let de = visitor.client.get(app.url(&path)).header("Accept-Language", "de").send().await.expect("GET");
    let de = de.text().await.expect("body");
    assert!(de.contains("20. November 2030, 18:00–20:30 CET"), "{de}");
    // Listed on the group's events page, linked from the group page.
    let (_, group_page) = app.get_html("/g/energy").await;
    assert!(group_page.contains("href=\"/g/energy/events\""));
    assert!(group_page.contains("href=\"/g/energy/events.atom\""), "rel=alternate for the events feed");
    let (_, list) = app.get_html("/g/energy/events").await;
    assert!(list.contains(&format!("href=\"{path}\"")), "{list}");
    assert!(list.contains("rel=\"alternate\" type=\"text/calendar\""));
}

pub async fn bad_events_are_refused_field_by_field(app: TestApp) {
    let ana = app.signed_in_user("ana").await;
    groups::create_group(&app.ctx, ana.id, group("energy", "project")).await.expect("group");
    let cases: &[(&[(&str, &str)], &str)] = &[
        (&[("title", "")], "title"),
        (&[("time_zone", "Mars/Olympus")], "Please choose a time zone such as Europe/Berlin."),
        (&[("starts_at", "tomorrow")], "Please enter a date and time."),
        (&[("ends_at", "2030-11-20T17:00")], "The end must be after the start."),
        (&[("latitude", "95")], "Please enter a latitude from -90 to 90."),
        (&[("longitude", "")], "Please enter the longitude too."),
        (&[("address", ""), ("online_url", "")], "Please give an address or an online link."),
        (&[("online_url", "javascript:alert(1)")], "Please enter a link starting with http:// or https://."),
        (&[("capacity", "-3")], "Please enter a whole number from 1 to 100,000."),
    ];
    for (changes, message) in cases {
        let response = app.post_form("/g/energy/events", &event_form(changes)).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{changes:?}");
        let html = response.text().await.expect("body");
        assert!(html.contains("aria-invalid=\"true\""), "{changes:?}");
        if message.contains(' ') {
            assert!(html.contains(&message.replace('\'', "&#39;")), "{message} in {html}");
        }
        assert!(
            html.contains("Rathaus; Markt 1") || changes.iter().any(|(n, _)| *n == "address"),
            "input kept"
        );
    }
    assert_eq!(count_rows(&app, "events").await, 0);
    assert_eq!(count_rows(&app, "domain_events").await, 1, "only the group's creation");
}

pub async fn only_organisers_create_and_edit(app: TestApp) {
    let path = energy_with_event(&app).await;
    app.signed_in_user("bob").await;
    assert_eq!(app.get("/g/energy/events/new").await.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.post_form("/g/energy/events", &event_form(&[])).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.get(&format!("{path}/edit")).await.status(), StatusCode::FORBIDDEN);
    let edit = app.post_form(&format!("{path}/edit"), &event_form(&[("title", "Hijacked")])).await;
    assert_eq!(edit.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.post_form(&format!("{path}/delete"), &[]).await.status(), StatusCode::FORBIDDEN);
    let (_, html) = app.get_html(&path).await;
    assert!(!html.contains("Hijacked") && !html.contains("Who is going"));
    assert_eq!(count_rows(&app, "events").await, 1);
    // The owner edits: the form comes back filled in, in the event's zone.
    app.sign_in("ana").await;
    let (status, form) = app.get_html(&format!("{path}/edit")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        form.contains("value=\"2030-11-20T18:00\"") && form.contains("value=\"Europe/Berlin\""),
        "{form}"
    );
    let saved = app
        .post_form(
            &format!("{path}/edit"),
            &event_form(&[("title", "Renamed"), ("time_zone", "Europe/Helsinki")]),
        )
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let (_, html) = app.get_html(&path).await;
    assert!(html.contains("Renamed") && html.contains("18:00–20:30 EET"), "{html}");
    let bad = app.post_form(&format!("{path}/edit"), &event_form(&[("ends_at", "2030-11-19T10:00")])).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let (_, html) = app.get_html(&path).await;
    assert!(html.contains("Renamed"), "a refused edit changes nothing");
}

pub async fn members_answer_within_the_capacity(app: TestApp) {
    let path = energy_with_event(&app).await;
    let rsvp = format!("{path}/rsvp");
    for name in ["bob", "cleo"] {
        app.signed_in_user(name).await;
        assert_eq!(app.post_form(&rsvp, &[("rsvp", "going")]).await.status(), StatusCode::SEE_OTHER);
        let (_, html) = app.get_html(&path).await;
        assert!(html.contains("You are going."));
    }
    // Full: dan is refused with a clear message and nothing is stored.
    app.signed_in_user("dan").await;
    let full = app.post_form(&rsvp, &[("rsvp", "going")]).await;
    assert_eq!(full.status(), StatusCode::CONFLICT);
    let html = full.text().await.expect("body");
    assert!(html.contains("Sorry, this event is full."), "{html}");
    assert!(html.contains("2 of 2 places taken"));
    assert_eq!(count_rows(&app, "event_participants").await, 2);
    // A bad answer is refused.
    assert_eq!(app.post_form(&rsvp, &[("rsvp", "maybe")]).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // bob cancels, and dan gets the place.
    app.sign_in("bob").await;
    assert_eq!(app.post_form(&rsvp, &[("rsvp", "not_going")]).await.status(), StatusCode::SEE_OTHER);
    app.sign_in("dan").await;
    assert_eq!(app.post_form(&rsvp, &[("rsvp", "going")]).await.status(), StatusCode::SEE_OTHER);
    // The organiser sees who is coming; others do not.
    let (_, html) = app.get_html(&path).await;
    assert!(!html.contains("Who is going"));
    app.sign_in("ana").await;
    let (_, html) = app.get_html(&path).await;
    let going = html.split("Who is going").nth(1).expect("the organiser sees the list");
    assert!(going.contains("href=\"/u/cleo\"") && going.contains("href=\"/u/dan\""), "{going}");
    assert!(!going.contains("href=\"/u/bob\""), "bob said no");
    // Signed out, answering needs a sign-in.
    let anonymous = app.new_browser();
    let response = anonymous.client.get(format!("{}{path}", anonymous.base_url)).send().await.expect("GET");
    assert!(response.text().await.expect("body").contains("to say whether you are going"));
}

pub async fn the_calendar_shows_months_and_the_year(app: TestApp) {
    let path = energy_with_event(&app).await;
    // 00:30 on 1 March in Helsinki is 22:30 on 28 February in UTC: it belongs to March.
    let march = event_form(&[
        ("title", "Spring planting"),
        ("starts_at", "2030-03-01T00:30"),
        ("ends_at", "2030-03-01T02:00"),
        ("time_zone", "Europe/Helsinki"),
    ]);
    let response = app.post_form("/g/energy/events", &march).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (status, november) = app.get_html("/calendar?month=2030-11").await;
    assert_eq!(status, StatusCode::OK);
    assert!(november.contains("November 2030") && november.contains(&format!("href=\"{path}\"")));
    assert!(
        november.contains("href=\"/calendar?month=2030-10\"")
            && november.contains("href=\"/calendar?month=2030-12\"")
    );
    assert!(november.contains("1 event this month"), "{november}");
    let (_, february) = app.get_html("/calendar?month=2030-02").await;
    assert!(!february.contains("Spring planting"), "placed by the date in its own zone");
    let (_, march_page) = app.get_html("/calendar?month=2030-03").await;
    assert!(march_page.contains("Spring planting"));
    let polish = app
        .new_browser()
        .client
        .get(app.url("/calendar?month=2030-11"))
        .header("Accept-Language", "pl")
        .send()
        .await;
    let polish = polish.expect("GET").text().await.expect("body");
    assert!(polish.contains("listopad 2030") && polish.contains("1 wydarzenie w tym miesiącu"), "{polish}");
    let (status, year) = app.get_html("/calendar/2030").await;
    assert_eq!(status, StatusCode::OK);
    assert!(year.contains("2 events this year"), "{year}");
    let march_at = year.find("Spring planting").expect("in the year");
    let november_at = year.find("Network meeting").expect("in the year");
    assert!(march_at < november_at, "months in order");
    for bad in ["/calendar?month=2030-13", "/calendar?month=x", "/calendar/abc"] {
        assert_eq!(app.get(bad).await.status(), StatusCode::NOT_FOUND, "{bad}");
    }
}

/// Fetches an iCalendar feed, checks the wire rules, and parses it with the `ical` crate.
async fn fetch_calendar(app: &TestApp, path: &str) -> (String, ical::parser::ical::component::IcalCalendar) {
    let response = app.get(path).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    let content_type = response.headers().get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    assert_eq!(content_type, "text/calendar; charset=utf-8");
    assert!(response.headers().get(SET_COOKIE).is_none(), "{path} sets no cookie");
    let body = response.text().await.expect("body");
    assert!(body.ends_with("END:VCALENDAR\r\n"));
    for line in body.split("\r\n") {
        assert!(line.len() <= 75, "a line of {} octets: {line:?}", line.len());
        assert!(!line.contains('\n') && !line.contains('\r'), "bare line break in {line:?}");
    }
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(body.as_bytes()));
    let calendar =
        parser.next().expect("one calendar").unwrap_or_else(|e| panic!("{path} parses: {e}\n{body}"));
    assert!(parser.next().is_none());
    (body, calendar)
}

fn property(event: &ical::parser::ical::component::IcalEvent, name: &str) -> String {
    event.properties.iter().find(|p| p.name == name).and_then(|p| p.value.clone()).unwrap_or_default()
}

pub async fn ical_feeds_parse_with_an_independent_reader(app: TestApp) {
    let path = energy_with_event(&app).await;
    let long_title = format!("Wärmepumpen, Solar; Speicher \\ {}", "Ökostrom ".repeat(12));
    let hostile = event_form(&[
        ("title", long_title.as_str()),
        ("description", "Line one\nLine two, with; all \\ of it"),
        ("starts_at", "2030-12-01T10:00"),
        ("ends_at", "2030-12-01T12:00"),
    ]);
    assert_eq!(app.post_form("/g/energy/events", &hostile).await.status(), StatusCode::SEE_OTHER);
    let (body, calendar) = fetch_calendar(&app, "/g/energy/events.ics").await;
    assert!(body.contains("\r\n "), "long lines are folded");
    assert_eq!(calendar.events.len(), 2);
    let meeting =
        calendar.events.iter().find(|e| property(e, "SUMMARY").starts_with("Network")).expect("event");
    let id = path.trim_start_matches("/e/");
    assert!(property(meeting, "UID").ends_with(&format!("/e/{id}")));
    assert_eq!(property(meeting, "DTSTART"), "20301120T170000Z", "18:00 in Berlin is 17:00 UTC");
    assert_eq!(property(meeting, "DTEND"), "20301120T193000Z");
    assert!(!property(meeting, "DTSTAMP").is_empty());
    assert_eq!(property(meeting, "LOCATION"), "Rathaus\\; Markt 1\\, Borken", "escaped as RFC 5545 says");
    assert_eq!(property(meeting, "GEO"), "51.8437;6.8582");
    let other = calendar.events.iter().find(|e| property(e, "SUMMARY").starts_with("Wärme")).expect("event");
    let unescape =
        |s: String| s.replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\");
    assert_eq!(unescape(property(other, "SUMMARY")), long_title.trim());
    assert_eq!(unescape(property(other, "DESCRIPTION")), "Line one\nLine two, with; all \\ of it");
    // The instance feed has both; an unknown group is a plain 404.
    let (_, instance) = fetch_calendar(&app, "/calendar.ics").await;
    assert_eq!(instance.events.len(), 2);
    assert_eq!(app.get("/g/nope/events.ics").await.status(), StatusCode::NOT_FOUND);
}

pub async fn the_private_feed_has_the_member_s_events_only(app: TestApp) {
    let path = energy_with_event(&app).await;
    let other = event_form(&[
        ("title", "Not for bob"),
        ("starts_at", "2030-12-01T10:00"),
        ("ends_at", "2030-12-01T12:00"),
    ]);
    assert_eq!(app.post_form("/g/energy/events", &other).await.status(), StatusCode::SEE_OTHER);
    app.signed_in_user("bob").await;
    assert_eq!(
        app.post_form(&format!("{path}/rsvp"), &[("rsvp", "going")]).await.status(),
        StatusCode::SEE_OTHER
    );
    let (_, page) = app.get_html("/calendar").await;
    assert!(!page.contains("/calendar/private/"), "no address until bob makes one");
    assert_eq!(app.post_form("/calendar/token", &[]).await.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.get_html("/calendar").await;
    let start = page.find("/calendar/private/").expect("the address is shown");
    let feed_path: String = page[start..].chars().take_while(|c| *c != '"').collect();
    assert!(feed_path.ends_with("/events.ics"), "{feed_path}");
    let (_, calendar) = fetch_calendar(&app, &feed_path).await;
    let titles: Vec<String> = calendar.events.iter().map(|e| property(e, "SUMMARY")).collect();
    assert_eq!(titles, vec!["Network meeting\\, autumn".to_owned()]);
    // Replacing the address ends the old one; guesses are 404.
    assert_eq!(app.post_form("/calendar/token", &[]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.get(&feed_path).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.get("/calendar/private/abc/events.ics").await.status(), StatusCode::NOT_FOUND);
}

pub async fn the_events_atom_feed_parses(app: TestApp) {
    let path = energy_with_event(&app).await;
    let response = app.get("/g/energy/events.atom").await;
    assert_eq!(response.status(), StatusCode::OK);
    let content_type = response.headers().get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    assert_eq!(content_type, "application/atom+xml; charset=utf-8");
    let body = response.text().await.expect("body");
    let feed = feed_rs::parser::parse(body.as_bytes()).unwrap_or_else(|e| panic!("parses: {e}\n{body}"));
    assert_eq!(feed.entries.len(), 1);
    let entry = &feed.entries[0];
    assert_eq!(entry.title.as_ref().map(|t| t.content.as_str()), Some("Network meeting, autumn"));
    assert!(entry.id.ends_with(&path), "{}", entry.id);
    assert!(entry.links.iter().any(|l| l.href.ends_with(&path)));
    let content = entry.content.as_ref().and_then(|c| c.body.clone()).unwrap_or_default();
    assert!(content.contains("18:00–20:30 CET") && content.contains("<strong>ideas</strong>"), "{content}");
    assert!(!content.contains("<script>alert"));
    assert_eq!(app.get("/g/nope/events.atom").await.status(), StatusCode::NOT_FOUND);
}

pub async fn unknown_and_deleted_events_are_404(app: TestApp) {
    let path = energy_with_event(&app).await;
    for bad in ["/e/123", "/e/abc", "/g/nope/events"] {
        assert_eq!(app.get(bad).await.status(), StatusCode::NOT_FOUND, "{bad}");
    }
    assert_eq!(app.post_form(&format!("{path}/delete"), &[]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.get(&path).await.status(), StatusCode::NOT_FOUND);
    let (_, list) = app.get_html("/g/energy/events").await;
    assert!(!list.contains(&path));
}

on_both_backends!(
    organisers_create_events_that_show_in_their_zone,
    bad_events_are_refused_field_by_field,
    only_organisers_create_and_edit,
    members_answer_within_the_capacity,
    the_calendar_shows_months_and_the_year,
    ical_feeds_parse_with_an_independent_reader,
    the_private_feed_has_the_member_s_events_only,
    the_events_atom_feed_parses,
    unknown_and_deleted_events_are_404,
);

/// Our group's events collection: the same URL as its events page, as JSON when asked, with
/// embedded `Event`s; the group actor names it.
pub async fn groups_serve_their_events_as_a_collection(app: TestApp) {
    let path = energy_with_event(&app).await;
    let json = |url: &'static str| {
        let request = app.client.get(app.url(url)).header("accept", "application/activity+json");
        async move {
            let response = request.send().await.expect("GET");
            assert_eq!(response.status(), StatusCode::OK, "{url}");
            response.json::<serde_json::Value>().await.expect("JSON")
        }
    };
    let group = json("/g/energy").await;
    assert_eq!(group["events"], app.state.uris.absolute("/g/energy/events"));
    let collection = json("/g/energy/events").await;
    assert_eq!(collection["type"], "OrderedCollection");
    assert_eq!(collection["totalItems"], 1);
    let event = &collection["orderedItems"][0];
    assert_eq!(event["type"], "Event");
    assert_eq!(event["id"], app.state.uris.absolute(&path));
    assert_eq!(event["name"], "Network meeting, autumn");
    let (status, html) = app.get_html("/g/energy/events").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Network meeting, autumn") && html.contains("<html"), "browsers get the page");
}

/// Following a remote group pulls in its events: embedded ones and ones named by id, if they
/// are public and the group's own; others are left out.
pub async fn a_followed_groups_events_are_pulled_in(app: TestApp) {
    use allmende::service::remote::{self, RemoteActor, RemoteActorKind};
    use serde_json::json;
    let peer = crate::peer::Peer::start().await;
    let group_url = peer.url("/g/cykel");
    let event = |n: u32, to: &str, group: &str| {
        json!({"id": peer.url(&format!("/events/{n}")), "type": "Event", "name": format!("Ride {n}"),
               "attributedTo": group, "startTime": "2030-05-01T10:00:00Z", "endTime": "2030-05-01T12:00:00Z",
               "to": [to], "content": "<p>Bring a bike</p>"})
    };
    const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";
    peer.publish(&peer.url("/events/2"), event(2, PUBLIC, &group_url));
    let items = json!([
        event(1, PUBLIC, &group_url),
        peer.url("/events/2"),
        event(3, &peer.url("/g/cykel/followers"), &group_url),
        event(4, PUBLIC, "https://elsewhere.example/g/other"),
        "https://elsewhere.example/events/5",
    ]);
    peer.publish(
        &peer.url("/g/cykel/events"),
        json!({"id": peer.url("/g/cykel/events"),
        "type": "OrderedCollection", "totalItems": 5, "orderedItems": items}),
    );
    let (public_pem, _) = allmende::service::instance::generate_key_pair().expect("key");
    peer.publish(&group_url, json!({"@context": ["https://www.w3.org/ns/activitystreams"], "id": group_url,
        "type": "Group", "preferredUsername": "cykel", "inbox": peer.url("/g/cykel/inbox"),
        "events": peer.url("/g/cykel/events"),
        "publicKey": {"id": format!("{group_url}#main-key"), "owner": group_url, "publicKeyPem": public_pem}}));
    let host = peer.base_url.trim_start_matches("http://").to_owned();
    remote::store_remote_actor(
        &app.ctx,
        RemoteActor {
            ap_id: group_url.clone(),
            host,
            kind: RemoteActorKind::Group,
            name: "cykel".into(),
            display_name: "Cykel".into(),
            summary_html: String::new(),
            inbox: peer.url("/g/cykel/inbox"),
            shared_inbox: None,
            followers: None,
            public_key_pem: public_pem,
            group_kind: None,
            avatar: None,
            header: None,
            extras: Default::default(),
        },
    )
    .await
    .expect("group stored");
    let url = url::Url::parse(&group_url).expect("url");
    let stored =
        allmende::federation::event_backfill::backfill_events(&app.state, &url).await.expect("backfill");
    assert_eq!(stored, 2, "the embedded and the fetched public events of the group");
    assert_eq!(count_rows(&app, "events").await, 2);
    let (_, calendar) = app.get_html("/calendar?month=2030-05").await;
    assert!(
        calendar.contains("Ride 1") && calendar.contains("Ride 2") && !calendar.contains("Ride 3"),
        "{calendar}"
    );
    // Again: nothing new.
    allmende::federation::event_backfill::backfill_events(&app.state, &url).await.expect("backfill");
    assert_eq!(count_rows(&app, "events").await, 2);
}

on_both_backends!(groups_serve_their_events_as_a_collection, a_followed_groups_events_are_pulled_in);

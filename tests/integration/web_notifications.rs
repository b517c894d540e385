//! Notifications on the web: the page with a link for each notification, the unread count in
//! the header, "mark as read" for one and for all (shared with the client API's marker and
//! unread count), and watching threads and groups, which the API shows as `status`.

use allmende::domain::event::Rsvp;
use allmende::domain::{EventId, PostId};
use allmende::service::posts::{self, NewReply};
use allmende::service::reports::ReportInput;
use allmende::service::{
    CurrentUser, accounts, events, follows, groups, notification_page, reports, threads,
};
use reqwest::StatusCode;
use serde_json::Value;

use crate::api_support::Api;
use crate::common::{Backend, PASSWORD, TestApp, location};
use crate::groups::{group, thread};
use crate::on_both_backends;
use crate::query_counts::count_read_queries;

fn reply(body: &str) -> NewReply {
    NewReply { body: body.into(), ..Default::default() }
}

/// The ids in the page's "mark as read" forms, in page order.
fn unread_ids(page: &str) -> Vec<String> {
    page.split("action=\"/notifications/")
        .skip(1)
        .filter_map(|rest| rest.split_once("/read\"").map(|(id, _)| id.to_owned()))
        .collect()
}

async fn api_unread(api: &Api<'_>) -> i64 {
    api.get_json("/api/v1/notifications/unread_count").await["count"].as_i64().expect("count")
}

pub async fn the_page_links_each_notification_and_marks_them_read(app: TestApp) {
    let ana = app.signed_in_user("ana").await;
    let bo = app.create_user("bo").await;
    groups::create_group(&app.ctx, ana.id, group("energy", "discussion")).await.expect("group");
    let opener =
        threads::create_thread(&app.ctx, &ana, "energy", thread("Heat pumps")).await.expect("thread");
    let answer = posts::reply(&app.ctx, &bo, opener, reply("Yes, please")).await.expect("reply");
    posts::like_post(&app.ctx, &bo, opener).await.expect("like");
    follows::follow_actor(&app.ctx, &bo, ana.id).await.expect("follow");

    let (status, page) = app.get_html("/notifications").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Notifications (3 unread)"), "the header counts the unread: {page}");
    assert!(page.contains("bo replied to you or mentioned you"), "{page}");
    assert!(page.contains(&format!(r#"href="/t/{}#p{}">Heat pumps</a>"#, opener.0, answer.0)), "{page}");
    assert!(page.contains("bo liked your post"));
    assert!(page.contains(&format!(r#"href="/t/{}">Heat pumps</a>"#, opener.0)), "a like leads to the post");
    assert!(page.contains(r#"bo followed you: <a href="/u/bo">@bo</a>"#), "{page}");
    let ids = unread_ids(&page);
    assert_eq!(ids.len(), 3, "each unread notification has its own form");

    let api = Api::for_user(&app, "ana").await;
    assert_eq!(api_unread(&api).await, 3);
    let response = app.post_form(&format!("/notifications/{}/read", ids[0]), &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/notifications");
    let (_, page) = app.get_html("/notifications").await;
    assert!(page.contains("Notifications (2 unread)"));
    assert_eq!(unread_ids(&page).len(), 2);
    assert_eq!(api_unread(&api).await, 2, "the API counts what the web marked read");

    // Someone else's notification, an unknown one, and a form without its CSRF token change nothing.
    let bo_page = notification_page::notification_page(&app.ctx, &bo, None).await.expect("bo's page");
    assert!(bo_page.entries.is_empty());
    assert_eq!(app.post_form("/notifications/12345/read", &[]).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.post_form("/notifications/abc/read", &[]).await.status(), StatusCode::NOT_FOUND);
    let forged = app.client.post(app.url("/notifications/read")).send().await.expect("POST");
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    assert_eq!(api_unread(&api).await, 2);

    let response = app.post_form("/notifications/read", &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.get_html("/notifications").await;
    assert!(unread_ids(&page).is_empty() && !page.contains("unread)"), "all read: {page}");
    assert_eq!(api_unread(&api).await, 0);
    let markers = api.get_json("/api/v1/markers?timeline[]=notifications").await;
    assert_eq!(markers["notifications"]["last_read_id"], Value::from(ids[0].clone()), "the marker moved");

    // A new one is unread again, in the header of every page.
    let carla = app.create_user("carla").await;
    posts::reply(&app.ctx, &carla, opener, reply("Me too")).await.expect("reply");
    let (_, home) = app.get_html("/").await;
    assert!(home.contains("Notifications (1 unread)"), "{home}");

    let signed_out = app.new_browser().client.get(app.url("/notifications")).send().await.expect("GET");
    assert_eq!(signed_out.status(), StatusCode::SEE_OTHER, "signed-out visitors are sent to sign in");
}

pub async fn watched_threads_and_groups_notify_on_the_web_and_in_the_api(app: TestApp) {
    let ana = app.signed_in_user("ana").await;
    let bo = app.create_user("bo").await;
    let carla = app.create_user("carla").await;
    groups::create_group(&app.ctx, bo.id, group("energy", "discussion")).await.expect("group");
    let opener = threads::create_thread(&app.ctx, &bo, "energy", thread("Solar")).await.expect("thread");
    let thread_path = format!("/t/{}", opener.0);

    let (_, page) = app.get_html(&thread_path).await;
    assert!(page.contains(&format!(r#"action="/t/{}/watch""#, opener.0)) && page.contains("Watch thread"));
    let response = app.post_form(&format!("/t/{}/watch", opener.0), &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), thread_path);
    let (_, page) = app.get_html(&thread_path).await;
    assert!(page.contains("Stop watching thread"), "the button turns around");
    let (_, group_page) = app.get_html("/g/energy").await;
    assert!(group_page.contains("Watch group"));
    assert_eq!(app.post_form("/g/energy/watch", &[]).await.status(), StatusCode::SEE_OTHER);
    let (_, group_page) = app.get_html("/g/energy").await;
    assert!(group_page.contains("Stop watching group"));
    assert!(group_page.contains("You are told of each new thread in this group."));

    let answer = posts::reply(&app.ctx, &carla, opener, reply("Roofs first")).await.expect("reply");
    let second = threads::create_thread(&app.ctx, &carla, "energy", thread("Wind")).await.expect("thread");
    let (_, page) = app.get_html("/notifications").await;
    assert!(page.contains("carla replied in a thread you watch"), "{page}");
    assert!(page.contains(&format!(r#"href="/t/{}#p{}">Solar</a>"#, opener.0, answer.0)));
    assert!(page.contains("carla started a thread in a group you watch"));
    assert!(page.contains(&format!(r#"href="/t/{}">Wind</a>"#, second.0)));

    let api = Api::for_user(&app, "ana").await;
    let listed = api.get_json("/api/v1/notifications").await;
    let listed = listed.as_array().expect("array");
    assert_eq!(listed.len(), 2);
    assert!(listed.iter().all(|n| n["type"] == "status"), "shown as Mastodon's status: {listed:?}");
    assert_eq!(listed[0]["status"]["id"], Value::from(second.0.to_string()));
    assert_eq!(listed[1]["status"]["id"], Value::from(answer.0.to_string()));
    let only_status = api.get_json("/api/v1/notifications?types[]=status").await;
    assert_eq!(only_status.as_array().map(Vec::len), Some(2));
    let no_status = api.get_json("/api/v1/notifications?exclude_types[]=status").await;
    assert_eq!(no_status.as_array().map(Vec::len), Some(0));

    // The opener's author hears of the direct reply once, as a mention, not also as a watcher.
    let bo_page = notification_page::notification_page(&app.ctx, &bo, None).await.expect("page");
    assert_eq!(bo_page.entries.iter().map(|e| e.kind.as_str()).collect::<Vec<_>>(), vec!["mention"]);

    assert_eq!(app.post_form(&format!("/t/{}/unwatch", opener.0), &[]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.post_form("/g/energy/unwatch", &[]).await.status(), StatusCode::SEE_OTHER);
    posts::reply(&app.ctx, &carla, opener, reply("Again")).await.expect("reply");
    threads::create_thread(&app.ctx, &carla, "energy", thread("Water")).await.expect("thread");
    let page = notification_page::notification_page(&app.ctx, &ana, None).await.expect("page");
    assert_eq!(page.entries.len(), 2, "nothing new once unwatched");

    assert_eq!(app.post_form("/t/999999/watch", &[]).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.post_form(&format!("/t/{}/watch", answer.0), &[]).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.post_form("/g/nowhere/watch", &[]).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(crate::common::count_rows(&app, "thread_watches").await, 0);
    assert_eq!(crate::common::count_rows(&app, "group_watches").await, 0);
}

/// Group joins and event answers reach the organisers on the web (Mastodon has no type for
/// them, so apps do not list them).
pub async fn group_joins_and_event_answers_reach_the_organisers(app: TestApp) {
    let event_path = crate::events::energy_with_event(&app).await;
    let event_id: i64 = event_path.trim_start_matches("/e/").parse().expect("event id");
    let bo = app.create_user("bo").await;
    follows::follow_group(&app.ctx, &bo, "energy").await.expect("joins");
    events::set_rsvp(&app.ctx, &bo, EventId(event_id), Rsvp::Going).await.expect("will go");
    events::set_rsvp(&app.ctx, &bo, EventId(event_id), Rsvp::NotGoing).await.expect("changes their mind");
    events::set_rsvp(&app.ctx, &bo, EventId(event_id), Rsvp::Going).await.expect("will go after all");

    let (_, page) = app.get_html("/notifications").await;
    assert!(page.contains(r#"bo joined your group: <a href="/g/energy">@energy</a>"#), "{page}");
    assert!(page.contains(&format!(
        r#"bo will go to your event: <a href="{event_path}">Network meeting, autumn</a>"#
    )));
    assert_eq!(unread_ids(&page).len(), 2, "one join, one answer however often bo changed it");
    let api = Api::for_user(&app, "ana").await;
    assert_eq!(api.get_json("/api/v1/notifications").await.as_array().map(Vec::len), Some(0));
}

on_both_backends!(
    group_joins_and_event_answers_reach_the_organisers,
    the_page_links_each_notification_and_marks_them_read,
    watched_threads_and_groups_notify_on_the_web_and_in_the_api,
);

async fn member(app: &TestApp, name: &str, admin: bool) -> CurrentUser {
    accounts::create_account(
        &app.ctx,
        accounts::NewAccount {
            username: name.into(),
            email: Some(format!("{name}@example.org")),
            password: PASSWORD.into(),
            admin,
        },
    )
    .await
    .expect("account")
}

/// Notifications of every kind the page shows for `admin` (a reply, a like, a follow and a
/// report of `reported`), from each of `count` people.
async fn notify_many(
    app: &TestApp,
    admin: &CurrentUser,
    opener: PostId,
    reported: PostId,
    first: usize,
    count: usize,
) {
    for i in first..first + count {
        let someone = member(app, &format!("someone{i}"), false).await;
        posts::reply(&app.ctx, &someone, opener, reply(&format!("reply {i}"))).await.expect("reply");
        posts::like_post(&app.ctx, &someone, opener).await.expect("like");
        follows::follow_actor(&app.ctx, &someone, admin.id).await.expect("follow");
        let input = ReportInput {
            post_ids: vec![reported.0],
            category: "spam".into(),
            comment: format!("report {i}"),
            ..Default::default()
        };
        reports::create_report(&app.ctx, &someone, input).await.expect("report");
    }
}

async fn the_page_costs_the_same_whatever_it_lists(app: TestApp) {
    let admin = member(&app, "ana", true).await;
    groups::create_group(&app.ctx, admin.id, group("energy", "discussion")).await.expect("group");
    let opener = threads::create_thread(&app.ctx, &admin, "energy", thread("Solar")).await.expect("thread");
    let spammer = member(&app, "spammer", false).await;
    let spam = posts::reply(&app.ctx, &spammer, opener, reply("buy now")).await.expect("reply");
    notify_many(&app, &admin, opener, spam, 0, 1).await;
    let (small, page) =
        count_read_queries(|| notification_page::notification_page(&app.ctx, &admin, None)).await;
    assert_eq!(page.expect("page").entries.len(), 5, "two replies, a like, a follow and a report");
    notify_many(&app, &admin, opener, spam, 1, 9).await;
    let (large, page) =
        count_read_queries(|| notification_page::notification_page(&app.ctx, &admin, None)).await;
    let page = page.expect("page");
    assert_eq!(page.entries.len(), notification_page::PAGE_SIZE as usize);
    assert!(page.entries.iter().any(|e| e.kind == "admin.report"), "reports are listed");
    assert_eq!(small, large, "no query per notification");
    assert_eq!(large, 1, "one query for the whole page");
    let (unread, count) = count_read_queries(|| notification_page::unread_count(&app.ctx, &admin)).await;
    assert_eq!(count.expect("count"), 41);
    assert_eq!(unread, 1, "the header's count is one query");
}

#[tokio::test(flavor = "current_thread")]
async fn sqlite_notifications_page_has_a_constant_query_count() {
    the_page_costs_the_same_whatever_it_lists(TestApp::spawn(Backend::Sqlite).await).await;
}

#[tokio::test(flavor = "current_thread")]
async fn postgres_notifications_page_has_a_constant_query_count() {
    match TestApp::spawn_postgres().await {
        Some(app) => the_page_costs_the_same_whatever_it_lists(app).await,
        None => eprintln!("skipped: ALLMENDE_TEST_POSTGRES_URL is not set"),
    }
}

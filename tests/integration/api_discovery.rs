//! What apps show of the network around an instance: the instances it knows, its weekly
//! activity, trending hashtags and the profile directory, as Mastodon answers them.

use reqwest::StatusCode;
use serde_json::Value;

use crate::api_support::Api;
use crate::common::TestApp;
use crate::on_both_backends;

async fn execute(app: &TestApp, sql: &str) {
    let mut conn = app.ctx.db.acquire().await.expect("connection");
    let sql = sqlx::AssertSqlSafe(sql.to_owned());
    match conn.conn() {
        allmende::db::Conn::Sqlite(c) => sqlx::query(sql).execute(c).await.map(|_| ()),
        allmende::db::Conn::Postgres(c) => sqlx::query(sql).execute(c).await.map(|_| ()),
    }
    .expect("statement");
}

async fn post(api: &Api<'_>, text: &str) {
    let response = api.post_form("/api/v1/statuses", &[("status", text)]).await;
    assert_eq!(response.status(), StatusCode::OK, "posting {text}");
}

async fn json(app: &TestApp, path: &str) -> Value {
    let response = app.get(path).await;
    assert_eq!(response.status(), StatusCode::OK, "GET {path}");
    response.json().await.expect("JSON")
}

pub async fn peers_are_the_known_instances_but_not_blocked_ones(app: TestApp) {
    assert_eq!(json(&app, "/api/v1/instance/peers").await, serde_json::json!([]));
    execute(
        &app,
        "INSERT INTO instances (id, host, policy, first_seen_at, last_seen_at) VALUES \
         (11, 'social.example', 'default', 1, 2), (12, 'forum.example', 'allowed', 1, 2), \
         (13, 'spam.example', 'blocked', 1, 2), (14, 'never-heard.example', 'default', 1, NULL)",
    )
    .await;
    assert_eq!(
        json(&app, "/api/v1/instance/peers").await,
        serde_json::json!(["forum.example", "social.example"])
    );
}

pub async fn trending_tags_are_those_most_people_used_this_week(app: TestApp) {
    app.create_user("ana").await;
    app.create_user("ben").await;
    let (ana, ben) = (Api::for_user(&app, "ana").await, Api::for_user(&app, "ben").await);
    post(&ana, "Panels up on the school #Solar #wind").await;
    post(&ana, "And on the library #solar").await;
    post(&ben, "Our street goes #solar too").await;
    post(&ben, "Bikes #Mobility #mobility").await;
    let trends = json(&app, "/api/v1/trends/tags").await;
    let names: Vec<&str> =
        trends.as_array().expect("a list").iter().filter_map(|t| t["name"].as_str()).collect();
    assert_eq!(names, ["solar", "mobility", "wind"], "most people first, then uses, then name");
    let solar = &trends[0];
    let history = solar["history"].as_array().expect("history");
    assert_eq!(history.len(), 7, "a week of days");
    assert_eq!(history[0]["uses"], "3", "today first: {history:?}");
    assert_eq!(history[0]["accounts"], "2");
    assert_eq!(history[1]["uses"], "0");
    let today: i64 = history[0]["day"].as_str().expect("day").parse().expect("seconds");
    let yesterday: i64 = history[1]["day"].as_str().expect("day").parse().expect("seconds");
    assert_eq!(today - yesterday, 86_400);
    assert_eq!(today % 86_400, 0, "days start at midnight UTC");
    assert!(solar["url"].as_str().expect("url").ends_with("/tags/solar"));
    let second_page = json(&app, "/api/v1/trends/tags?limit=1&offset=1").await;
    assert_eq!(second_page[0]["name"], "mobility");
    assert_eq!(json(&app, "/api/v1/trends").await, trends, "the old path answers the same");

    // A week and a day later, nothing of this is trending any more.
    app.clock.advance_seconds(8 * 24 * 3600);
    assert_eq!(json(&app, "/api/v1/trends/tags").await, serde_json::json!([]));
}

pub async fn weekly_activity_counts_posts_sign_ins_and_sign_ups(app: TestApp) {
    app.create_user("ana").await;
    app.create_user("ben").await;
    let ana = Api::for_user(&app, "ana").await;
    post(&ana, "First post").await;
    post(&ana, "Second post").await;
    let weeks = json(&app, "/api/v1/instance/activity").await;
    let weeks = weeks.as_array().expect("a list");
    assert_eq!(weeks.len(), 12);
    assert_eq!(weeks[0]["statuses"], "2", "{weeks:?}");
    assert_eq!(weeks[0]["registrations"], "2");
    assert_eq!(weeks[0]["logins"], "1", "ana signed in (an app token), ben did not");
    let this_week: i64 = weeks[0]["week"].as_str().expect("week").parse().expect("seconds");
    let last_week: i64 = weeks[1]["week"].as_str().expect("week").parse().expect("seconds");
    assert_eq!(this_week - last_week, 7 * 86_400);
    // 1970-01-01 was a Thursday: Mondays are 4 days after a multiple of 7 days.
    assert_eq!((this_week / 86_400 - 4) % 7, 0, "weeks start on Mondays");
    assert_eq!(weeks[1]["statuses"], "0");

    app.clock.advance_seconds(7 * 24 * 3600);
    let weeks = json(&app, "/api/v1/instance/activity").await;
    assert_eq!(weeks[0]["statuses"], "0", "a new week");
    assert_eq!(weeks[1]["statuses"], "2", "last week's posts moved down");
}

pub async fn the_directory_lists_active_and_new_accounts(app: TestApp) {
    app.create_user("ana").await;
    app.clock.advance_seconds(60);
    app.create_user("ben").await;
    app.clock.advance_seconds(60);
    app.create_user("cem").await;
    let ana = Api::for_user(&app, "ana").await;
    let names = |list: &Value| -> Vec<String> {
        list.as_array()
            .expect("a list")
            .iter()
            .filter_map(|a| a["acct"].as_str().map(str::to_owned))
            .collect()
    };
    let newest = json(&app, "/api/v1/directory?order=new&local=true").await;
    assert_eq!(names(&newest), ["cem", "ben", "ana"]);
    assert_eq!(names(&json(&app, "/api/v1/directory?order=new&limit=1&offset=1").await), ["ben"]);
    assert!(names(&json(&app, "/api/v1/directory").await).is_empty(), "nobody posted yet");
    post(&ana, "Hello").await;
    app.clock.advance_seconds(60);
    let ben = Api::for_user(&app, "ben").await;
    post(&ben, "Hello too").await;
    assert_eq!(names(&json(&app, "/api/v1/directory?order=active").await), ["ben", "ana"]);
    let bad = app.get("/api/v1/directory?order=loudest").await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // Suspended people leave the directory.
    execute(&app, "UPDATE actors SET suspended_at = 1 WHERE name = 'ben'").await;
    assert_eq!(names(&json(&app, "/api/v1/directory?order=active").await), ["ana"]);
    assert_eq!(names(&json(&app, "/api/v1/directory?order=new").await), ["cem", "ana"]);
}

on_both_backends!(
    peers_are_the_known_instances_but_not_blocked_ones,
    trending_tags_are_those_most_people_used_this_week,
    weekly_activity_counts_posts_sign_ins_and_sign_ups,
    the_directory_lists_active_and_new_accounts,
);

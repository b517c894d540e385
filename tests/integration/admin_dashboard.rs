//! The admin dashboard (`/admin`) and federation health (`/admin/federation` and its JSON):
//! the figures after creating people, posts, a report and media; deliveries to a failing
//! loopback peer show up as queue, lag, failures in a row and last error; "retry now" makes
//! them due; members are refused everywhere.

use allmende::federation::delivery::{Recipient, enqueue_activity};
use allmende::service::remote::RemoteActorKind;
use allmende::service::reports::{self, ReportInput};
use allmende::service::{accounts, groups, keys, threads};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::{PASSWORD, TestApp};
use crate::groups::{group, thread};
use crate::on_both_backends;
use crate::outbound::remote_actor;
use crate::sink::Sink;

/// Runs one statement the service has no use case for (a pending sign-up, a stored upload).
async fn run_sql(app: &TestApp, sql: &str) {
    let mut conn = app.ctx.db.acquire().await.expect("connection");
    let sql = sql.to_owned();
    match conn.conn() {
        allmende::db::Conn::Sqlite(c) => sqlx::query(sqlx::AssertSqlSafe(sql)).execute(c).await.map(|_| ()),
        allmende::db::Conn::Postgres(c) => sqlx::query(sqlx::AssertSqlSafe(sql)).execute(c).await.map(|_| ()),
    }
    .expect("statement runs");
}

async fn sign_in_as_admin(app: &TestApp) {
    accounts::create_account(
        &app.ctx,
        accounts::NewAccount { username: "rhea".into(), email: None, password: PASSWORD.into(), admin: true },
    )
    .await
    .expect("admin");
    app.sign_in("rhea").await;
}

/// The text of the element with this id (a figure on the dashboard).
fn figure(page: &str, id: &str) -> String {
    let start = page.find(&format!("id=\"{id}\">")).unwrap_or_else(|| panic!("{id} in {page}"));
    let rest = &page[start..];
    let text = &rest[rest.find('>').expect("tag end") + 1..];
    text[..text.find('<').expect("closing tag")].trim().to_owned()
}

pub async fn members_are_refused_everywhere(app: TestApp) {
    app.signed_in_user("ana").await;
    for path in ["/admin", "/admin/federation", "/admin/federation.json"] {
        assert_eq!(app.get(path).await.status(), StatusCode::FORBIDDEN, "{path}");
    }
    let retry = app.post_form("/admin/federation/retry", &[("host", "peer.example")]).await;
    assert_eq!(retry.status(), StatusCode::FORBIDDEN);
}

pub async fn the_dashboard_counts_people_posts_reports_and_media(app: TestApp) {
    sign_in_as_admin(&app).await;
    let bo = app.create_user("bo").await;
    let cy = app.create_user("cy").await;
    app.create_user("dee").await;
    run_sql(
        &app,
        "UPDATE accounts SET state = 'pending' WHERE actor_id = (SELECT id FROM actors WHERE name = 'dee')",
    )
    .await;
    groups::create_group(&app.ctx, bo.id, group("energy", "discussion")).await.expect("group");
    let post = threads::create_thread(&app.ctx, &bo, "energy", thread("Heat pumps")).await.expect("thread");
    reports::create_report(
        &app.ctx,
        &cy,
        ReportInput {
            post_ids: vec![post.0],
            category: "spam".into(),
            comment: "ads".into(),
            ..Default::default()
        },
    )
    .await
    .expect("report");
    run_sql(
        &app,
        &format!(
            "INSERT INTO media_attachments (id, owner_id, content_type, file_name, size_bytes, created_at) \
             VALUES (990001, {}, 'image/png', 'a.png', {}, 0)",
            bo.id.0,
            3 * 1024 * 1024
        ),
    )
    .await;

    let (status, page) = app.get_html("/admin").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(figure(&page, "figure-members"), "3", "rhea, bo and cy; dee waits: {page}");
    assert_eq!(figure(&page, "figure-active-members"), "2", "rhea signed in, bo wrote");
    assert_eq!(figure(&page, "figure-recent-posts"), "1");
    assert_eq!(figure(&page, "figure-media"), "3 MB");
    assert_eq!(figure(&page, "figure-registrations"), "1");
    assert_eq!(figure(&page, "figure-reports"), "1");
    assert!(page.contains("(@dee)") && page.contains("(@cy)"), "recent sign-ups");
    assert!(page.contains("href=\"/admin/accounts\""));
    assert!(page.contains("href=\"/admin/reports\"") && page.contains("href=\"/admin/registrations\""));

    app.clock.advance_seconds(25 * 3600);
    let (_, page) = app.get_html("/admin").await;
    assert_eq!(figure(&page, "figure-recent-posts"), "0", "yesterday's post is not today's");

    let (_, found) = app.get_html("/admin/accounts?q=cy").await;
    assert!(found.contains("(cy") && !found.contains("(bo"), "the people list searches by name");
}

async fn enqueue(app: &TestApp, n: usize, inbox: &url::Url) {
    let ana = app.create_user(&format!("writer{n}")).await;
    keys::actor_keys(&app.ctx, ana.id).await.expect("keys");
    let ap_id = format!("http://localhost/activities/{n}");
    let payload =
        json!({"id": ap_id, "type": "Create", "actor": "http://localhost/u/ana", "object": {"n": n}});
    let mut tx = app.ctx.db.begin().await.expect("tx");
    enqueue_activity(
        &app.ctx,
        &mut tx.conn(),
        "localhost",
        ana.id.0,
        &ap_id,
        &payload,
        [Recipient { inbox: inbox.clone() }],
    )
    .await
    .expect("enqueued");
    tx.commit().await.expect("commit");
}

/// The sink's entry in `/admin/federation.json`.
async fn peer_json(app: &TestApp, sink: &Sink) -> Value {
    let response = app.get("/admin/federation.json").await;
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.expect("the JSON parses");
    assert!(body["generated_at"].is_string());
    body["peers"]
        .as_array()
        .expect("peers")
        .iter()
        .find(|peer| peer["host"] == sink.host())
        .cloned()
        .unwrap_or_else(|| panic!("the sink in {body}"))
}

pub async fn a_failing_peer_shows_its_backlog_and_retry_now_makes_it_due(app: TestApp) {
    sign_in_as_admin(&app).await;
    let sink = Sink::start().await;
    remote_actor(&app, &sink, RemoteActorKind::Person, "u", "zoe", "/inbox", None).await;
    sink.set_down(true);
    enqueue(&app, 1, &sink.inbox()).await;
    enqueue(&app, 2, &sink.inbox()).await;
    assert_eq!(app.state.delivery.drain().await.expect("drain").retried, 1, "the head of the queue");
    app.clock.advance_seconds(10);

    let peer = peer_json(&app, &sink).await;
    assert_eq!(peer["state"], "retrying", "{peer}");
    assert_eq!(peer["pending_deliveries"], 2);
    assert_eq!(peer["failures_in_a_row"], 1);
    assert_eq!(peer["last_error"], "HTTP 503");
    assert_eq!(peer["last_success_at"], Value::Null);
    assert!(peer["oldest_pending_at"].is_string());
    assert!(peer["lag_seconds"].as_i64().is_some_and(|lag| lag >= 10), "{peer}");
    let (status, page) = app.get_html("/admin/federation").await;
    assert_eq!(status, StatusCode::OK);
    let row = &page[page.find(&format!("<td>{}</td>", sink.host())).expect("the sink's row")..];
    let row = &row[..row.find("</tr>").expect("row end")];
    assert!(row.starts_with(&format!("<td>{}</td><td>retrying</td>", sink.host())), "{row}");
    assert!(row.contains("<td>2</td>") && row.contains("HTTP 503") && row.contains("Retry now"), "{row}");
    assert!(row.contains("action=\"/admin/federation/policy\""), "a block button");

    assert_eq!(app.state.delivery.drain().await.expect("drain").attempts(), 0, "backing off");
    let retry = app.post_form("/admin/federation/retry", &[("host", &sink.host())]).await;
    assert_eq!(retry.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.state.delivery.drain().await.expect("drain").retried, 1, "due now");
    assert_eq!(peer_json(&app, &sink).await["failures_in_a_row"], 2);

    sink.set_down(false);
    app.post_form("/admin/federation/retry", &[("host", &sink.host())]).await;
    assert_eq!(app.state.delivery.drain().await.expect("drain").delivered, 2);
    let peer = peer_json(&app, &sink).await;
    assert_eq!(peer["state"], "ok", "{peer}");
    assert_eq!((peer["pending_deliveries"].as_i64(), peer["failures_in_a_row"].as_i64()), (Some(0), Some(0)));
    assert!(peer["last_success_at"].is_string());
    assert_eq!(peer["lag_seconds"], Value::Null);

    let blocked =
        app.post_form("/admin/federation/policy", &[("host", &sink.host()), ("policy", "blocked")]).await;
    assert_eq!(blocked.status(), StatusCode::SEE_OTHER);
    assert_eq!(peer_json(&app, &sink).await["state"], "blocked");
    let bad = app.post_form("/admin/federation/retry", &[("host", "a b")]).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

on_both_backends!(
    members_are_refused_everywhere,
    the_dashboard_counts_people_posts_reports_and_media,
    a_failing_peer_shows_its_backlog_and_retry_now_makes_it_due,
);

//! Reports: filed from the web form and from Mastodon apps, seen by the moderators of the
//! post's group and the admins (and nobody else), kept as snapshots, resolved with a record of
//! who did what, and the notifications on both sides.

use allmende::domain::PostId;
use allmende::domain::report::ReportAction;
use allmende::service::posts::{self, PostEdit};
use allmende::service::reports::{self, Desk, ReportFilter, ReportInput};
use allmende::service::{CurrentUser, accounts, groups, threads};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::api_support::{Api, token_for};
use crate::common::{PASSWORD, TestApp, count_rows};
use crate::groups::{group, thread};
use crate::on_both_backends;

/// ana owns `energy`, dora owns `mobility`, bob wrote a thread in `energy`, carl reads, and
/// root is an admin.
pub(crate) struct Cast {
    pub ana: CurrentUser,
    pub dora: CurrentUser,
    pub bob: CurrentUser,
    pub carl: CurrentUser,
    pub root: CurrentUser,
    pub thread: PostId,
}

pub(crate) async fn cast(app: &TestApp) -> Cast {
    let ana = app.create_user("ana").await;
    let dora = app.create_user("dora").await;
    let bob = app.create_user("bob").await;
    let carl = app.create_user("carl").await;
    let root = accounts::create_account(
        &app.ctx,
        accounts::NewAccount { username: "rhea".into(), email: None, password: PASSWORD.into(), admin: true },
    )
    .await
    .expect("admin");
    groups::create_group(&app.ctx, ana.id, group("energy", "discussion")).await.expect("energy");
    groups::create_group(&app.ctx, dora.id, group("mobility", "discussion")).await.expect("mobility");
    let thread =
        threads::create_thread(&app.ctx, &bob, "energy", thread("Cheap pills")).await.expect("thread");
    Cast { ana, dora, bob, carl, root, thread }
}

fn report_of(post: PostId, comment: &str) -> ReportInput {
    ReportInput {
        post_ids: vec![post.0],
        category: "spam".into(),
        comment: comment.into(),
        ..Default::default()
    }
}

async fn notification_kinds(app: &TestApp, user: &CurrentUser) -> Vec<String> {
    let mut conn = app.ctx.db.acquire().await.expect("connection");
    allmende::db::notifications::list_notifications(
        &mut conn.conn(),
        user.id.0,
        None,
        None,
        false,
        50,
        None,
        None,
        app.ctx.now().millis(),
    )
    .await
    .expect("notifications")
    .into_iter()
    .map(|n| n.kind)
    .collect()
}

pub async fn a_member_reports_a_post_from_the_web(app: TestApp) {
    let c = cast(&app).await;
    app.sign_in("carl").await;
    let (status, form) = app.get_html(&format!("/p/{}/report", c.thread.0)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(form.contains("Cheap pills") && form.contains("name=\"category\""), "{form}");
    assert!(!form.contains("name=\"forward\""), "bob is local: nothing to forward to");
    let (_, thread_page) = app.get_html(&format!("/t/{}", c.thread.0)).await;
    assert!(thread_page.contains(&format!("/p/{}/report", c.thread.0)), "every post has a Report action");

    // Without the CSRF token, nothing happens.
    let forged = app
        .client
        .post(app.url(&format!("/p/{}/report", c.thread.0)))
        .form(&[("category", "spam"), ("comment", "forged")])
        .send()
        .await
        .expect("POST");
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    assert_eq!(count_rows(&app, "reports").await, 0);

    let sent = app
        .post_form(
            &format!("/p/{}/report", c.thread.0),
            &[("category", "spam"), ("comment", "Selling pills")],
        )
        .await;
    assert_eq!(sent.status(), StatusCode::OK);
    let confirmation = sent.text().await.expect("body");
    assert!(confirmation.contains("Report sent") && confirmation.contains("@bob"), "{confirmation}");

    // The group's moderator sees it on the group's report page, with the snapshot and reporter.
    app.sign_in("ana").await;
    let (status, page) = app.get_html("/g/energy/reports").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Selling pills") && page.contains("Body of Cheap pills"), "{page}");
    assert!(page.contains("Reported by carl"), "{page}");
    assert!(page.contains("/g/energy/bans/new?actor=bob"), "a ban link: {page}");
    assert!(!page.contains("/admin/accounts/"), "suspending is for admins");
    let (_, group_page) = app.get_html("/g/energy").await;
    assert!(group_page.contains("/g/energy/reports"), "the group page links its reports for moderators");

    // The admin sees it too, with the suspend link.
    app.sign_in("rhea").await;
    let (status, page) = app.get_html("/admin/reports").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Selling pills") && page.contains(&format!("/admin/accounts/{}", c.bob.id.0)));

    // A profile has a Report action too, and reporting a person works without a post.
    app.sign_in("carl").await;
    let (_, profile) = app.get_html("/u/bob").await;
    assert!(profile.contains("/u/bob/report"), "{profile}");
    let sent = app
        .post_form(
            "/u/bob/report",
            &[("category", "other"), ("comment", "Rude"), ("account_id", &c.bob.id.0.to_string())],
        )
        .await;
    assert_eq!(sent.status(), StatusCode::OK);
    assert_eq!(count_rows(&app, "reports").await, 2);
}

pub async fn only_the_groups_moderators_and_admins_see_a_report(app: TestApp) {
    let c = cast(&app).await;
    let report =
        reports::create_report(&app.ctx, &c.carl, report_of(c.thread, "spam")).await.expect("report");
    for who in [&c.ana, &c.root] {
        reports::get_report(&app.ctx, who, report.id, Desk::Moderation).await.expect("may see it");
    }
    for who in [&c.dora, &c.carl, &c.bob] {
        let refused = reports::get_report(&app.ctx, who, report.id, Desk::Moderation).await;
        assert!(refused.is_err(), "{} must not see the report", who.name);
    }
    let energy = ReportFilter { group: Some("energy".into()), ..Default::default() };
    assert!(reports::list_reports(&app.ctx, &c.dora, &energy).await.is_err(), "another group's moderator");
    assert_eq!(reports::list_reports(&app.ctx, &c.ana, &energy).await.expect("list").len(), 1);
    let mobility = ReportFilter { group: Some("mobility".into()), ..Default::default() };
    assert!(reports::list_reports(&app.ctx, &c.dora, &mobility).await.expect("list").is_empty());
    let all = ReportFilter::default();
    assert!(reports::list_reports(&app.ctx, &c.ana, &all).await.is_err(), "all reports: admins only");
    assert_eq!(reports::list_reports(&app.ctx, &c.root, &all).await.expect("list").len(), 1);
    assert!(reports::get_report(&app.ctx, &c.ana, report.id, Desk::AdminOnly).await.is_err());
    // Over HTTP as well.
    app.sign_in("dora").await;
    assert_eq!(app.get("/g/energy/reports").await.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.get("/admin/reports").await.status(), StatusCode::FORBIDDEN);
    // Notifications: the admin and the group's moderator, nobody else.
    assert_eq!(notification_kinds(&app, &c.root).await, vec!["admin.report"]);
    assert_eq!(notification_kinds(&app, &c.ana).await, vec!["moderator.report"]);
    assert!(notification_kinds(&app, &c.dora).await.is_empty());
}

pub async fn the_snapshot_survives_edit_and_deletion(app: TestApp) {
    let c = cast(&app).await;
    let report =
        reports::create_report(&app.ctx, &c.carl, report_of(c.thread, "spam")).await.expect("report");
    let edit =
        PostEdit { title: Some("Nice title".into()), body: "Harmless now".into(), ..Default::default() };
    posts::edit_post(&app.ctx, &c.bob, c.thread, edit).await.expect("edit");
    posts::delete_post(&app.ctx, &c.bob, c.thread).await.expect("delete");
    let seen = reports::get_report(&app.ctx, &c.ana, report.id, Desk::Moderation).await.expect("report");
    assert_eq!(seen.posts.len(), 1);
    assert_eq!(seen.posts[0].title.as_deref(), Some("Cheap pills"));
    assert!(seen.posts[0].content_html.contains("Body of Cheap pills"), "{:?}", seen.posts[0]);
    assert!(seen.posts[0].gone_now);
    app.sign_in("ana").await;
    let (_, page) = app.get_html("/g/energy/reports").await;
    assert!(page.contains("Body of Cheap pills") && page.contains("deleted since"), "{page}");
}

pub async fn resolving_records_who_and_tells_the_reporter(app: TestApp) {
    let c = cast(&app).await;
    let first = reports::create_report(&app.ctx, &c.carl, report_of(c.thread, "one")).await.expect("report");
    let second = reports::create_report(&app.ctx, &c.carl, report_of(c.thread, "two")).await.expect("report");
    app.sign_in("ana").await;
    let dismissed = app
        .post_form(
            &format!("/reports/{}/resolve", first.id),
            &[("action", "dismiss"), ("note", "not spam"), ("back", "/g/energy/reports")],
        )
        .await;
    assert_eq!(dismissed.status(), StatusCode::SEE_OTHER);
    let seen = reports::get_report(&app.ctx, &c.root, first.id, Desk::Moderation).await.expect("report");
    assert_eq!(seen.resolved_by.map(|(_, name)| name).as_deref(), Some("ana"));
    assert_eq!(seen.action, Some(ReportAction::Dismissed));
    assert_eq!(seen.resolution_note, "not spam");
    // Removing the post from the report page: the moderators' removal, and the report closes.
    let removed = app
        .post_form(
            &format!("/reports/{}/resolve", second.id),
            &[("action", "remove"), ("post_id", &c.thread.0.to_string()), ("back", "/g/energy/reports")],
        )
        .await;
    assert_eq!(removed.status(), StatusCode::SEE_OTHER);
    let seen = reports::get_report(&app.ctx, &c.root, second.id, Desk::Moderation).await.expect("report");
    assert_eq!(seen.action, Some(ReportAction::PostRemoved));
    assert!(seen.posts[0].gone_now, "the post is removed");
    let events = {
        let mut conn = app.ctx.db.acquire().await.expect("connection");
        allmende::db::domain_events::list_pending_domain_events(&mut conn.conn(), 100).await.expect("events")
    };
    assert!(events.iter().any(|e| e.kind == "post_removed"), "the removal federates as a moderator's");
    let (_, resolved_page) = app.get_html("/g/energy/reports?resolved=1").await;
    assert!(
        resolved_page.contains("Resolved by ana") && resolved_page.contains("not spam"),
        "{resolved_page}"
    );
    // A moderator of another group cannot resolve it.
    let other =
        reports::resolve_report(&app.ctx, &c.dora, first.id, Desk::Moderation, ReportAction::Resolved, "")
            .await;
    assert!(other.is_err());
    // The reporter hears of both, in the API as well.
    assert_eq!(notification_kinds(&app, &c.carl).await, vec!["report_resolved", "report_resolved"]);
    let carl_api = Api { app: &app, token: token_for(&app, "carl", "read").await };
    let listed = carl_api.get_json("/api/v1/notifications").await;
    assert_eq!(listed[0]["type"], "report_resolved", "{listed}");
    assert_eq!(listed[0]["report"]["action_taken"], true, "{listed}");
}

pub async fn apps_report_and_admins_use_the_admin_api(app: TestApp) {
    let c = cast(&app).await;
    let carl = Api::for_user(&app, "carl").await;
    let body = json!({"account_id": c.bob.id.0.to_string(), "status_ids": [c.thread.0.to_string()],
                      "comment": "Spam!", "category": "spam", "forward": false});
    let response = carl.post_json("/api/v1/reports", body.clone()).await;
    assert_eq!(response.status(), StatusCode::OK);
    let report: Value = response.json().await.expect("JSON");
    assert_eq!(report["category"], "spam");
    assert_eq!(report["comment"], "Spam!");
    assert_eq!(report["action_taken"], false);
    assert_eq!(report["target_account"]["id"], c.bob.id.0.to_string());
    assert_eq!(report["status_ids"], json!([c.thread.0.to_string()]));
    let id = report["id"].as_str().expect("id").to_owned();
    // Posts by someone else than the account are refused; so is a token without write:reports.
    let wrong = json!({"account_id": c.ana.id.0.to_string(), "status_ids": [c.thread.0.to_string()]});
    assert_eq!(carl.post_json("/api/v1/reports", wrong).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let reader = Api { app: &app, token: token_for(&app, "carl", "read").await };
    assert_eq!(reader.post_json("/api/v1/reports", body).await.status(), StatusCode::FORBIDDEN);

    // The admin API: admins with admin scopes only.
    let admin = Api { app: &app, token: token_for(&app, "rhea", "read admin:read admin:write").await };
    let listed = admin.get_json("/api/v1/admin/reports").await;
    assert_eq!(listed.as_array().map(Vec::len), Some(1), "{listed}");
    assert_eq!(listed[0]["account"]["username"], "carl");
    assert_eq!(listed[0]["target_account"]["username"], "bob");
    assert_eq!(listed[0]["target_account"]["account"]["acct"], "bob");
    assert_eq!(listed[0]["statuses"][0]["id"], c.thread.0.to_string());
    let plain_admin = Api { app: &app, token: token_for(&app, "rhea", "read write").await };
    assert_eq!(plain_admin.get("/api/v1/admin/reports").await.status(), StatusCode::FORBIDDEN);
    let moderator = Api { app: &app, token: token_for(&app, "ana", "admin:read admin:write").await };
    assert_eq!(moderator.get("/api/v1/admin/reports").await.status(), StatusCode::FORBIDDEN);
    assert_eq!(moderator.get(&format!("/api/v1/admin/reports/{id}")).await.status(), StatusCode::NOT_FOUND);

    let assigned: Value = admin
        .post_json(&format!("/api/v1/admin/reports/{id}/assign_to_self"), json!({}))
        .await
        .json()
        .await
        .expect("JSON");
    assert_eq!(assigned["assigned_account"]["id"], c.root.id.0.to_string(), "{assigned}");
    let unassigned: Value = admin
        .post_json(&format!("/api/v1/admin/reports/{id}/unassign"), json!({}))
        .await
        .json()
        .await
        .expect("JSON");
    assert!(unassigned["assigned_account"].is_null());
    let resolved: Value = admin
        .post_json(&format!("/api/v1/admin/reports/{id}/resolve"), json!({}))
        .await
        .json()
        .await
        .expect("JSON");
    assert_eq!(resolved["action_taken"], true);
    assert_eq!(resolved["action_taken_by_account"]["id"], c.root.id.0.to_string());
    assert!(admin.get_json("/api/v1/admin/reports").await.as_array().is_some_and(Vec::is_empty), "open only");
    assert_eq!(admin.get_json("/api/v1/admin/reports?resolved=true").await.as_array().map(Vec::len), Some(1));
    let reopened: Value = admin
        .post_json(&format!("/api/v1/admin/reports/{id}/reopen"), json!({}))
        .await
        .json()
        .await
        .expect("JSON");
    assert_eq!(reopened["action_taken"], false);
    let shown = admin.get_json(&format!("/api/v1/admin/reports/{id}")).await;
    assert_eq!(shown["id"], id);
    assert_eq!(shown["target_account"]["silenced"], false, "{shown}");
    // What admins did to the reported person shows on the report.
    let action = format!("/api/v1/admin/accounts/{}/action", c.bob.id.0);
    let silenced = admin.post_json(&action, json!({"type": "silence", "text": "spam"})).await;
    assert_eq!(silenced.status(), StatusCode::OK);
    let shown = admin.get_json(&format!("/api/v1/admin/reports/{id}")).await;
    assert_eq!(shown["target_account"]["silenced"], true, "{shown}");
    assert_eq!(shown["target_account"]["suspended"], false, "{shown}");
    assert_eq!(shown["account"]["username"], "carl", "the reporter is read with the report");
    let refused = moderator.post_json(&format!("/api/v1/admin/reports/{id}/resolve"), json!({})).await;
    assert_eq!(refused.status(), StatusCode::NOT_FOUND);

    // The admin got Mastodon's admin.report notification.
    let notes = Api { app: &app, token: token_for(&app, "rhea", "read").await };
    let listed = notes.get_json("/api/v1/notifications").await;
    assert_eq!(listed[0]["type"], "admin.report", "{listed}");
    assert_eq!(listed[0]["report"]["id"], id);
    assert_eq!(listed[0]["account"]["username"], "carl");
}

on_both_backends!(
    a_member_reports_a_post_from_the_web,
    only_the_groups_moderators_and_admins_see_a_report,
    the_snapshot_survives_edit_and_deletion,
    resolving_records_who_and_tells_the_reporter,
    apps_report_and_admins_use_the_admin_api,
);

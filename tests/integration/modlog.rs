//! Moderation from this instance: a moderator removes a post with a reason (everyone sees the
//! reason in its place) and restores it; every action lands in the public modlog (HTML and
//! JSON, with moderators' names hidden when configured); a ban refuses the person's threads,
//! replies, likes and event answers on the web and in the client API, ends by itself when it
//! expires, and is lifted by an unban.

use reqwest::StatusCode;
use serde_json::{Value, json};

use allmende::domain::PostId;
use allmende::service::posts::{self, NewReply};
use allmende::service::{CurrentUser, ServiceError, groups, removals, threads};

use crate::api_support::Api;
use crate::common::{Backend, TestApp, count_rows, location};
use crate::groups::{group, thread};
use crate::on_both_backends;

const SPAM: &str = "Cheap watches for everyone";

/// ana owns `energy` and is signed in; carl started a thread and bea wrote a spam reply.
/// Returns the thread, the reply and bea.
async fn group_with_spam(app: &TestApp) -> (PostId, PostId, CurrentUser) {
    let ana = app.signed_in_user("ana").await;
    groups::create_group(&app.ctx, ana.id, group("energy", "discussion")).await.expect("group");
    let carl = app.create_user("carl").await;
    let bea = app.create_user("bea").await;
    let opener =
        threads::create_thread(&app.ctx, &carl, "energy", thread("Heat pumps")).await.expect("thread");
    let spam = posts::reply(&app.ctx, &bea, opener, reply(SPAM)).await.expect("reply");
    (opener, spam, bea)
}

fn reply(body: &str) -> NewReply {
    NewReply { body: body.into(), ..Default::default() }
}

pub async fn a_removal_with_a_reason_shows_to_everyone_and_is_restored(app: TestApp) {
    let (opener, spam, _) = group_with_spam(&app).await;
    let thread_path = format!("/t/{}", opener.0);
    let (_, page) = app.get_html(&thread_path).await;
    assert!(page.contains(&format!("action=\"/p/{}/remove\"", spam.0)), "the moderator sees Remove");
    assert!(page.contains("/g/energy/bans/new?actor=bea"), "and Ban next to the post");

    let removed = app.post_form(&format!("/p/{}/remove", spam.0), &[("reason", "Advertising")]).await;
    assert_eq!(removed.status(), StatusCode::SEE_OTHER);
    assert!(location(&removed).starts_with(&thread_path));

    let visitor = app.new_browser();
    let page =
        visitor.client.get(app.url(&thread_path)).send().await.expect("GET").text().await.expect("body");
    assert!(page.contains("Removed by the moderators: Advertising"), "{page}");
    assert!(!page.contains(SPAM), "the content is gone for a signed-out visitor");
    assert!(!page.contains("/restore"), "visitors get no Restore button");
    let status: Value = app.get(&format!("/api/v1/statuses/{}", spam.0)).await.json().await.expect("JSON");
    assert_ne!(status["content"].as_str().unwrap_or_default(), format!("<p>{SPAM}</p>"), "{status}");

    // Someone who does not moderate the group may neither remove nor restore.
    app.signed_in_user("dora").await;
    let refused = app.post_form(&format!("/p/{}/restore", spam.0), &[]).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let refused = app.post_form(&format!("/p/{}/remove", opener.0), &[("reason", "mine now")]).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);

    app.sign_in("ana").await;
    let (_, page) = app.get_html(&thread_path).await;
    assert!(page.contains(&format!("action=\"/p/{}/restore\"", spam.0)), "the moderator may restore");
    assert_eq!(app.post_form(&format!("/p/{}/restore", spam.0), &[]).await.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.get_html(&thread_path).await;
    assert!(page.contains(SPAM), "restored as it was: {page}");
    assert!(!page.contains("Removed by the moderators"));
    let opener_status: Value =
        app.get(&format!("/api/v1/statuses/{}", opener.0)).await.json().await.expect("JSON");
    assert_eq!(opener_status["replies_count"], 1, "the reply counts again");

    // The modlog tells the story, newest first, with the reason and who did it.
    let (status, modlog) = app.get_html("/modlog").await;
    assert_eq!(status, StatusCode::OK);
    assert!(modlog.contains("Removal") && modlog.contains("Restore"), "{modlog}");
    assert!(modlog.contains("Reason: Advertising") && modlog.contains("by ana"), "{modlog}");
    let (_, group_page) = app.get_html("/g/energy").await;
    assert!(group_page.contains("href=\"/g/energy/modlog\""), "the group page links its modlog");
    assert!(group_page.contains("href=\"/modlog\""), "the footer links the modlog");
    let json: Value = app.get("/g/energy/modlog.json").await.json().await.expect("modlog JSON");
    let items = json["items"].as_array().expect("items");
    assert_eq!(items.len(), 2, "{json}");
    assert_eq!(items[0]["kind"], "restore");
    assert_eq!(items[1]["kind"], "removal");
    assert_eq!(items[1]["reason"], "Advertising");
    assert_eq!(items[1]["moderator"], "ana");
    assert_eq!(items[1]["group"], "energy");
    assert_eq!(items[1]["target_post"], format!("/t/{}#p{}", opener.0, spam.0));
    assert_eq!(items[1]["remote"], false);
}

/// A thread lock and unlock are in the modlog too; a second page follows the first.
pub async fn locks_are_logged_and_the_modlog_pages(app: TestApp) {
    let (opener, _, _) = group_with_spam(&app).await;
    for _ in 0..11 {
        assert_eq!(
            app.post_form(&format!("/t/{}/lock", opener.0), &[]).await.status(),
            StatusCode::SEE_OTHER
        );
        assert_eq!(
            app.post_form(&format!("/t/{}/unlock", opener.0), &[]).await.status(),
            StatusCode::SEE_OTHER
        );
    }
    assert_eq!(count_rows(&app, "modlog").await, 22);
    let first: Value = app.get("/modlog.json").await.json().await.expect("JSON");
    assert_eq!(first["items"].as_array().map(Vec::len), Some(20), "{first}");
    assert_eq!(first["items"][0]["kind"], "unlock");
    assert_eq!(first["items"][1]["kind"], "lock");
    let next = first["next"].as_str().expect("a next page");
    let second: Value = app.get(next).await.json().await.expect("JSON");
    assert_eq!(second["items"].as_array().map(Vec::len), Some(2), "{second}");
    assert!(second["next"].is_null());
    let (_, html) = app.get_html("/modlog").await;
    assert!(html.contains("Thread locked") && html.contains("rel=\"next\""), "{html}");
}

/// With `moderation.hide_moderator_names`, the modlog says what and why, but not who.
async fn hidden_moderator_names(backend: Backend) {
    let Some(app) =
        TestApp::spawn_configured(backend, |config| config.moderation.hide_moderator_names = true).await
    else {
        return;
    };
    let (_, spam, _) = group_with_spam(&app).await;
    let dora = app.create_user("dora").await;
    assert!(matches!(
        removals::remove_post(&app.ctx, &dora, spam, "nope").await,
        Err(ServiceError::Forbidden)
    ));
    assert_eq!(
        app.post_form(&format!("/p/{}/remove", spam.0), &[("reason", "Advertising")]).await.status(),
        StatusCode::SEE_OTHER
    );
    let json: Value = app.get("/modlog.json").await.json().await.expect("JSON");
    assert_eq!(json["items"][0]["kind"], "removal");
    assert_eq!(json["items"][0]["reason"], "Advertising");
    assert!(json["items"][0]["moderator"].is_null(), "{json}");
    let (_, html) = app.get_html("/modlog").await;
    assert!(html.contains("Advertising") && !html.contains("by ana"), "{html}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hidden_moderator_names_sqlite() {
    hidden_moderator_names(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hidden_moderator_names_postgres() {
    hidden_moderator_names(Backend::Postgres).await;
}

/// ana bans carl from `energy` through the form; every way carl could take part is refused.
pub async fn a_ban_refuses_threads_replies_likes_and_answers_everywhere(app: TestApp) {
    let event_path = crate::events::energy_with_event(&app).await;
    let carl = app.create_user("carl").await;
    let opener =
        threads::create_thread(&app.ctx, &carl, "energy", thread("Before the ban")).await.expect("thread");
    let carl_api = Api::for_user(&app, "carl").await;

    let (status, form) = app.get_html("/g/energy/bans/new?actor=carl").await;
    assert_eq!(status, StatusCode::OK);
    assert!(form.contains("value=\"carl\""), "the form is filled from the link: {form}");
    let banned =
        app.post_form("/g/energy/bans", &[("actor", "carl"), ("reason", "Spamming"), ("days", "")]).await;
    assert_eq!(banned.status(), StatusCode::SEE_OTHER);
    let (_, list) = app.get_html("/g/energy/bans").await;
    assert!(list.contains("@carl") && list.contains("Spamming") && list.contains("until lifted"), "{list}");

    // The service refuses, whichever front door calls it.
    let refused = threads::create_thread(&app.ctx, &carl, "energy", thread("After the ban")).await;
    assert!(matches!(refused, Err(ServiceError::Invalid(_))), "{refused:?}");
    let refused = posts::reply(&app.ctx, &carl, opener, reply("still here")).await;
    assert!(matches!(refused, Err(ServiceError::Invalid(_))), "{refused:?}");

    // The web, with a clear message.
    app.sign_in("carl").await;
    let (_, group_page) = app.get_html("/g/energy").await;
    assert!(
        group_page.contains("You are banned from this group.") && group_page.contains("Reason: Spamming"),
        "{group_page}"
    );
    let web = app
        .post_form(
            "/g/energy/threads",
            &[("title", "Web thread"), ("body", "From the form"), ("language", "en")],
        )
        .await;
    assert_eq!(web.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(web.text().await.expect("body").contains("You are banned from this group."));
    let web = app.post_form(&format!("/p/{}/reply", opener.0), &[("body", "a reply")]).await;
    assert_eq!(web.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(web.text().await.expect("body").contains("You are banned from this group."));
    let web = app.post_form(&format!("/p/{}/like", opener.0), &[]).await;
    assert_eq!(web.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let rsvp = app.post_form(&format!("{event_path}/rsvp"), &[("rsvp", "going")]).await;
    assert_eq!(rsvp.status(), StatusCode::CONFLICT);
    assert!(rsvp.text().await.expect("body").contains("You are banned from this group."));

    // The client API: 422 with the reason.
    let toot = carl_api.post_json("/api/v1/statuses", json!({"status": "@energy New thread\nHello"})).await;
    assert_eq!(toot.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error: Value = toot.json().await.expect("JSON error");
    assert!(error["error"].as_str().unwrap_or_default().contains("banned from this group"), "{error}");
    let answer = carl_api
        .post_json("/api/v1/statuses", json!({"status": "reply", "in_reply_to_id": opener.0.to_string()}))
        .await;
    assert_eq!(answer.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let like = carl_api.post_json(&format!("/api/v1/statuses/{}/favourite", opener.0), json!({})).await;
    assert_eq!(like.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(count_rows(&app, "likes").await, 0);
    assert_eq!(count_rows(&app, "event_participants").await, 0);
    assert_eq!(count_rows(&app, "posts").await, 1, "nothing new was stored");

    // Lifted: carl takes part again.
    app.sign_in("ana").await;
    let bans = app.post_form("/g/energy/bans/remove", &[("actor", "carl")]).await;
    assert_eq!(bans.status(), StatusCode::SEE_OTHER);
    posts::reply(&app.ctx, &carl, opener, reply("back again")).await.expect("no longer banned");
    let json: Value = app.get("/g/energy/modlog.json").await.json().await.expect("JSON");
    assert_eq!(json["items"][0]["kind"], "unban");
    assert_eq!(json["items"][1]["kind"], "ban");
    assert_eq!(json["items"][1]["target_person"], "carl");
    assert_eq!(json["items"][1]["reason"], "Spamming");
}

/// A ban for some days ends by itself; a ban may also remove the person's posts in the group.
pub async fn bans_expire_and_may_remove_the_content(app: TestApp) {
    let (opener, _, bea) = group_with_spam(&app).await;
    let bad_days = app.post_form("/g/energy/bans", &[("actor", "bea"), ("days", "many")]).await;
    assert_eq!(bad_days.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let nobody = app.post_form("/g/energy/bans", &[("actor", "nobody@nowhere.example")]).await;
    assert_eq!(nobody.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(nobody.text().await.expect("body").contains("No such person is known here."));
    let owner = app.post_form("/g/energy/bans", &[("actor", "ana")]).await;
    assert_eq!(owner.status(), StatusCode::UNPROCESSABLE_ENTITY, "a moderator cannot be banned");
    assert_eq!(count_rows(&app, "group_bans").await, 0);

    let banned = app
        .post_form(
            "/g/energy/bans",
            &[("actor", "bea"), ("reason", "Spam"), ("days", "2"), ("remove_data", "true")],
        )
        .await;
    assert_eq!(banned.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.get_html(&format!("/t/{}", opener.0)).await;
    assert!(page.contains("Removed by the moderators: Spam") && !page.contains(SPAM), "{page}");
    assert!(posts::reply(&app.ctx, &bea, opener, reply("let me in")).await.is_err());
    app.clock.advance_seconds(2 * 24 * 3600 + 1);
    posts::reply(&app.ctx, &bea, opener, reply("the ban ended"))
        .await
        .expect("expired bans end by themselves");
    let (_, list) = app.get_html("/g/energy/bans").await;
    assert!(!list.contains("@bea"), "an expired ban is no longer listed: {list}");
}

on_both_backends!(
    a_removal_with_a_reason_shows_to_everyone_and_is_restored,
    locks_are_logged_and_the_modlog_pages,
    a_ban_refuses_threads_replies_likes_and_answers_everywhere,
    bans_expire_and_may_remove_the_content,
);

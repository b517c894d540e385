//! The Mastodon client API as an app uses it: instance metadata, posting a thread by mentioning
//! a group, replying, favourites, context, timelines with paging, notifications, accounts,
//! following, lists and markers; parameters in every encoding; JSON errors.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::api_support::Api;
use crate::common::{TestApp, count_rows};
use crate::on_both_backends;
use allmende::domain::ActorId;
use allmende::service::groups::{NewGroup, create_group};

async fn group(app: &TestApp, owner: ActorId, name: &str) {
    create_group(
        &app.ctx,
        owner,
        NewGroup {
            name: name.into(),
            kind: "discussion".into(),
            title: format!("{name} group"),
            description: "About it".into(),
        },
    )
    .await
    .expect("group");
}

pub async fn instance_endpoints_answer_like_mastodon(app: TestApp) {
    let v2: Value = app.get("/api/v2/instance").await.json().await.unwrap();
    assert!(v2["version"].as_str().unwrap().starts_with("4.2.0 (compatible; Allmende "));
    assert!(v2.get("api_versions").is_none());
    assert!(v2["configuration"]["statuses"]["max_characters"].as_i64().unwrap() > 500);
    assert!(v2["configuration"]["urls"]["streaming"].is_string());
    assert_eq!(v2["registrations"]["enabled"], true);
    let v1 = app.get("/api/v1/instance/").await;
    assert_eq!(v1.status(), StatusCode::OK, "a trailing slash is fine");
    let v1: Value = v1.json().await.unwrap();
    assert_eq!(v1["uri"], "localhost");
    for path in
        ["/api/v1/instance/rules", "/api/v1/custom_emojis", "/api/v1/trends/tags", "/api/v1/announcements"]
    {
        assert_eq!(app.get(path).await.json::<Value>().await.unwrap(), json!([]), "{path}");
    }
    let missing = app.get("/api/v1/no/such/thing").await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert_eq!(missing.json::<Value>().await.unwrap(), json!({"error": "Record not found"}));
    let private = app.get("/api/v1/timelines/home").await;
    assert_eq!(private.status(), StatusCode::UNAUTHORIZED);
    let bogus =
        app.client.get(app.url("/api/v1/timelines/public")).bearer_auth("made-up").send().await.unwrap();
    assert_eq!(
        bogus.status(),
        StatusCode::UNAUTHORIZED,
        "an unknown token is refused even where none is needed"
    );
    let preflight = app
        .client
        .request(reqwest::Method::OPTIONS, app.url("/api/v1/timelines/home"))
        .header("origin", "https://elk.example")
        .header("access-control-request-method", "GET")
        .header("access-control-request-headers", "authorization")
        .send()
        .await
        .unwrap();
    assert_eq!(preflight.headers()["access-control-allow-origin"], "*");
    let public = app
        .client
        .get(app.url("/api/v1/timelines/public"))
        .header("origin", "https://elk.example")
        .send()
        .await
        .unwrap();
    assert!(
        public.headers()["access-control-expose-headers"]
            .to_str()
            .unwrap()
            .to_ascii_lowercase()
            .contains("link")
    );
    let avatar = app
        .get(
            v1["contact_account"]["avatar"]
                .as_str()
                .map_or("/api/allmende/avatar.png", |_| "/api/allmende/avatar.png"),
        )
        .await;
    assert_eq!(avatar.headers()["content-type"], "image/png");
}

pub async fn a_toot_mentioning_a_group_starts_a_thread_and_replies_join_it(app: TestApp) {
    let ana = app.create_user("ana").await;
    app.create_user("bo").await;
    group(&app, ana.id, "energy").await;
    let ana_api = Api::for_user(&app, "ana").await;
    let bo_api = Api::for_user(&app, "bo").await;

    let response = ana_api
        .post_json(
            "/api/v1/statuses",
            json!({"status": "@energy Solar on schools\nLet us start with two.", "visibility": "public"}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let thread: Value = response.json().await.unwrap();
    let thread_id = thread["id"].as_str().unwrap().to_owned();
    assert!(
        thread["content"].as_str().unwrap().starts_with("<p><strong>Solar on schools</strong></p>"),
        "{thread}"
    );
    assert!(thread["content"].as_str().unwrap().contains("Let us start with two."));
    assert_eq!(thread["account"]["username"], "ana");
    assert_eq!(thread["mentions"][0]["acct"], "energy");
    assert!(thread["url"].as_str().unwrap().ends_with(&format!("/t/{thread_id}")));
    assert!(
        thread["created_at"].as_str().unwrap().ends_with('Z')
            && thread["created_at"].as_str().unwrap().contains('.')
    );
    let (_, page) = app.get_html(&format!("/t/{thread_id}")).await;
    assert!(page.contains("Solar on schools"), "the thread is on the web page too");

    // A status that mentions no group is Ana's own post, in no group.
    let response = ana_api.post_form("/api/v1/statuses", &[("status", "Just thinking aloud")]).await;
    assert_eq!(response.status(), StatusCode::OK);
    let own: Value = response.json().await.unwrap();
    assert_eq!(own["mentions"], json!([]));

    // Bo replies (form-encoded, as many apps send it) with an Idempotency-Key sent twice.
    let reply = |key: &'static str| {
        app.client
            .post(app.url("/api/v1/statuses"))
            .bearer_auth(&bo_api.token)
            .header("Idempotency-Key", key)
            .form(&[("status", "@ana Start with the gym"), ("in_reply_to_id", &thread_id)])
            .send()
    };
    let first: Value = reply("k-1").await.unwrap().json().await.unwrap();
    let second: Value = reply("k-1").await.unwrap().json().await.unwrap();
    assert_eq!(first["id"], second["id"], "the same key posts once");
    assert_eq!(first["in_reply_to_id"].as_str(), Some(thread_id.as_str()));
    assert_eq!(first["in_reply_to_account_id"], thread["account"]["id"]);
    let reply_id = first["id"].as_str().unwrap().to_owned();

    // Ana favourites it (multipart this time) and sees the context.
    let form = reqwest::multipart::Form::new().text("unused", "x");
    let favourite = app
        .client
        .post(app.url(&format!("/api/v1/statuses/{reply_id}/favourite")))
        .bearer_auth(&ana_api.token)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(favourite.status(), StatusCode::OK);
    let favourite: Value = favourite.json().await.unwrap();
    assert_eq!(
        (favourite["favourited"].as_bool(), favourite["favourites_count"].as_i64()),
        (Some(true), Some(1))
    );
    let context = ana_api.get_json(&format!("/api/v1/statuses/{reply_id}/context")).await;
    assert_eq!(context["ancestors"][0]["id"].as_str(), Some(thread_id.as_str()));
    let context = ana_api.get_json(&format!("/api/v1/statuses/{thread_id}/context")).await;
    assert_eq!(context["descendants"][0]["id"].as_str(), Some(reply_id.as_str()));
    let likers = ana_api.get_json(&format!("/api/v1/statuses/{reply_id}/favourited_by")).await;
    assert_eq!(likers[0]["username"], "ana");

    // Notifications: ana was answered, bo was favourited.
    let ana_notes = ana_api.get_json("/api/v1/notifications").await;
    assert_eq!(ana_notes[0]["type"], "mention");
    assert_eq!(ana_notes[0]["account"]["username"], "bo");
    assert_eq!(ana_notes[0]["status"]["id"].as_str(), Some(reply_id.as_str()));
    let bo_notes = bo_api.get_json("/api/v1/notifications?types[]=favourite").await;
    assert_eq!(bo_notes.as_array().unwrap().len(), 1);
    assert_eq!(bo_notes[0]["type"], "favourite");
    assert_eq!(bo_api.get_json("/api/v1/notifications?exclude_types[]=favourite").await, json!([]));
    assert_eq!(bo_api.get_json("/api/v1/notifications/unread_count").await["count"], 1);
    let marker = bo_api
        .post_json("/api/v1/markers", json!({"notifications": {"last_read_id": bo_notes[0]["id"]}}))
        .await;
    assert_eq!(marker.status(), StatusCode::OK);
    assert_eq!(bo_api.get_json("/api/v1/notifications/unread_count").await["count"], 0);
    assert_eq!(bo_api.get_json("/api/v1/markers").await["notifications"]["last_read_id"], bo_notes[0]["id"]);
    let dismiss = bo_api
        .post_form(&format!("/api/v1/notifications/{}/dismiss", bo_notes[0]["id"].as_str().unwrap()), &[])
        .await;
    assert_eq!(dismiss.status(), StatusCode::OK);
    assert_eq!(bo_api.get_json("/api/v1/notifications").await, json!([]));

    // Edit, then delete for redraft.
    let edited = app
        .client
        .put(app.url(&format!("/api/v1/statuses/{reply_id}")))
        .bearer_auth(&bo_api.token)
        .json(&json!({"status": "Start with the **gym**"}))
        .send()
        .await
        .unwrap();
    assert_eq!(edited.status(), StatusCode::OK);
    let edited: Value = edited.json().await.unwrap();
    assert!(edited["content"].as_str().unwrap().contains("<strong>gym</strong>"));
    assert!(edited["edited_at"].is_string());
    let not_hers = app
        .client
        .put(app.url(&format!("/api/v1/statuses/{reply_id}")))
        .bearer_auth(&ana_api.token)
        .json(&json!({"status": "hijack"}))
        .send()
        .await
        .unwrap();
    assert_eq!(not_hers.status(), StatusCode::FORBIDDEN);
    let deleted = app
        .client
        .delete(app.url(&format!("/api/v1/statuses/{reply_id}")))
        .bearer_auth(&bo_api.token)
        .send()
        .await
        .unwrap();
    assert_eq!(deleted.status(), StatusCode::OK);
    let deleted: Value = deleted.json().await.unwrap();
    assert_eq!(deleted["text"], "Start with the **gym**");
    assert_eq!(bo_api.get(&format!("/api/v1/statuses/{reply_id}")).await.status(), StatusCode::NOT_FOUND);
    let source = ana_api.get_json(&format!("/api/v1/statuses/{thread_id}/source")).await;
    assert_eq!(source["text"], "Solar on schools\n\nLet us start with two.");
}

pub async fn timelines_page_with_link_headers(app: TestApp) {
    let ana = app.create_user("ana").await;
    app.create_user("bo").await;
    group(&app, ana.id, "energy").await;
    group(&app, ana.id, "mobility").await;
    let ana_api = Api::for_user(&app, "ana").await;
    let bo_api = Api::for_user(&app, "bo").await;
    for n in 0..5 {
        let response =
            ana_api.post_form("/api/v1/statuses", &[("status", &format!("@energy Thread {n}"))]).await;
        assert_eq!(response.status(), StatusCode::OK);
    }
    ana_api.post_form("/api/v1/statuses", &[("status", "@mobility Bikes")]).await;

    // Bo's home is empty until bo follows the energy group.
    assert_eq!(bo_api.get_json("/api/v1/timelines/home").await, json!([]));
    let energy = bo_api.get_json("/api/v1/accounts/lookup?acct=energy").await;
    assert_eq!(energy["group"], true);
    assert_eq!(energy["statuses_count"], 5);
    let id = energy["id"].as_str().unwrap();
    let relationship: Value =
        bo_api.post_form(&format!("/api/v1/accounts/{id}/follow"), &[]).await.json().await.unwrap();
    assert_eq!(relationship["following"], true);
    let relationships = bo_api.get_json(&format!("/api/v1/accounts/relationships?id[]={id}")).await;
    assert_eq!(relationships[0]["following"], true);

    let page = bo_api.get("/api/v1/timelines/home?limit=2").await;
    let link = page.headers()["link"].to_str().unwrap().to_owned();
    let first: Value = page.json().await.unwrap();
    assert_eq!(first.as_array().unwrap().len(), 2);
    assert!(first[0]["content"].as_str().unwrap().contains("Thread 4"), "newest first");
    assert!(
        link.starts_with("<http://") && link.contains("rel=\"next\"") && link.contains("rel=\"prev\""),
        "{link}"
    );
    let next = link.split_once('<').unwrap().1.split_once('>').unwrap().0;
    let after_scheme = next.split_once("://").expect("absolute URL").1;
    let path = &after_scheme[after_scheme.find('/').expect("a path")..];
    let second = bo_api.get_json(path).await;
    assert!(second[0]["content"].as_str().unwrap().contains("Thread 2"), "{second}");
    let newer = bo_api
        .get_json(&format!("/api/v1/timelines/home?min_id={}", second[0]["id"].as_str().unwrap()))
        .await;
    assert_eq!(newer.as_array().unwrap().len(), 2, "min_id gives the ones just above");

    let local = bo_api.get_json("/api/v1/timelines/public?local=true").await;
    assert_eq!(local.as_array().unwrap().len(), 6, "both groups");
    assert_eq!(bo_api.get_json("/api/v1/timelines/public?remote=true").await, json!([]));
    let group_statuses =
        bo_api.get_json(&format!("/api/v1/accounts/{id}/statuses?exclude_replies=true")).await;
    assert_eq!(group_statuses.as_array().unwrap().len(), 5);
    // As Mastodon shows a group: its statuses are its boosts of the threads started in it.
    let newest = &group_statuses[0];
    assert_eq!(newest["account"]["id"], id, "{newest}");
    assert_eq!(newest["account"]["group"], true);
    assert_eq!(newest["reblog"]["account"]["username"], "ana");
    assert!(newest["reblog"]["content"].as_str().unwrap().contains("Thread 4"), "{newest}");
    assert_ne!(newest["id"], newest["reblog"]["id"], "the share is an entry of its own");
    assert_eq!(newest["reblog"]["reblogs_count"], 1, "the group's share counts");
    let share = bo_api.get_json(&format!("/api/v1/statuses/{}", newest["id"].as_str().unwrap())).await;
    assert_eq!(share["reblog"]["id"], newest["reblog"]["id"]);
    let older = bo_api
        .get_json(&format!(
            "/api/v1/accounts/{id}/statuses?limit=2&max_id={}",
            group_statuses[1]["id"].as_str().unwrap()
        ))
        .await;
    assert!(older[0]["reblog"]["content"].as_str().unwrap().contains("Thread 2"), "{older}");
    let without_boosts =
        bo_api.get_json(&format!("/api/v1/accounts/{id}/statuses?exclude_reblogs=true")).await;
    assert_eq!(without_boosts, json!([]), "a group writes nothing itself");
    let home = bo_api.get_json("/api/v1/timelines/home").await;
    assert_eq!(home.as_array().unwrap().len(), 5, "the shares do not repeat the threads at home: {home}");
    assert!(home.as_array().unwrap().iter().all(|s| s["reblog"].is_null()));
    let followers = bo_api.get_json(&format!("/api/v1/accounts/{id}/followers")).await;
    assert_eq!(followers[0]["username"], "bo");

    // Lists: bo puts the group on a list and reads it.
    let list: Value = bo_api.post_json("/api/v1/lists", json!({"title": "Work"})).await.json().await.unwrap();
    let list_id = list["id"].as_str().unwrap();
    let added =
        bo_api.post_json(&format!("/api/v1/lists/{list_id}/accounts"), json!({"account_ids": [id]})).await;
    assert_eq!(added.status(), StatusCode::OK);
    let timeline = bo_api.get_json(&format!("/api/v1/timelines/list/{list_id}")).await;
    assert_eq!(timeline.as_array().unwrap().len(), 5);
    let unfollowed: Value =
        bo_api.post_form(&format!("/api/v1/accounts/{id}/unfollow"), &[]).await.json().await.unwrap();
    assert_eq!(unfollowed["following"], false);
    assert_eq!(bo_api.get_json("/api/v1/timelines/home").await, json!([]));

    // Search finds the group by name prefix and by handle.
    let found = bo_api.get_json("/api/v2/search?q=mob").await;
    assert_eq!(found["accounts"][0]["username"], "mobility");
    let found = bo_api.get_json("/api/v2/search?q=@energy@localhost&resolve=true").await;
    assert_eq!(found["accounts"][0]["username"], "energy");
}

pub async fn bad_parameters_get_clear_errors_and_store_nothing(app: TestApp) {
    let ana = app.create_user("ana").await;
    group(&app, ana.id, "energy").await;
    let api = Api::for_user(&app, "ana").await;
    let before = count_rows(&app, "posts").await;
    for (body, status) in [
        (json!({"status": ""}), StatusCode::UNPROCESSABLE_ENTITY),
        (json!({"status": "@energy hi", "in_reply_to_id": "not-a-number"}), StatusCode::UNPROCESSABLE_ENTITY),
        (json!({"status": "@energy hi", "in_reply_to_id": "123"}), StatusCode::NOT_FOUND),
        (json!({"status": "@energy hi", "visibility": "direct"}), StatusCode::UNPROCESSABLE_ENTITY),
        (json!({"status": "@energy hi", "media_ids": ["1"]}), StatusCode::UNPROCESSABLE_ENTITY),
        (
            json!({"status": "@energy hi", "poll": {"options": ["a", "b"], "expires_in": 60}}),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (json!({"status": "x".repeat(25_000)}), StatusCode::UNPROCESSABLE_ENTITY),
    ] {
        let response = api.post_json("/api/v1/statuses", body.clone()).await;
        assert_eq!(response.status(), status, "{body}");
        let error: Value = response.json().await.unwrap();
        assert!(error["error"].is_string(), "{error}");
    }
    let broken = app
        .client
        .post(app.url("/api/v1/statuses"))
        .bearer_auth(&api.token)
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(broken.status(), StatusCode::BAD_REQUEST);
    assert_eq!(count_rows(&app, "posts").await, before, "nothing was stored");
    assert_eq!(api.get("/api/v1/statuses/99999999").await.status(), StatusCode::NOT_FOUND);
    assert_eq!(api.get("/api/v1/accounts/abc").await.status(), StatusCode::NOT_FOUND);
    let boost = api.post_form("/api/v1/statuses/1/reblog", &[]).await;
    assert_eq!(boost.status(), StatusCode::NOT_FOUND, "no such post to boost");
}

pub async fn the_member_updates_their_profile_from_an_app(app: TestApp) {
    app.create_user("ana").await;
    let api = Api::for_user(&app, "ana").await;
    let response = app
        .client
        .patch(app.url("/api/v1/accounts/update_credentials"))
        .bearer_auth(&api.token)
        .multipart(
            reqwest::multipart::Form::new()
                .text("display_name", "Ana K.")
                .text("note", "Energy **coach**")
                .text("source[language]", "de"),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let me: Value = response.json().await.unwrap();
    assert_eq!(me["display_name"], "Ana K.");
    assert!(me["note"].as_str().unwrap().contains("<strong>coach</strong>"));
    assert_eq!(me["source"]["note"], "Energy **coach**");
    assert_eq!(me["source"]["language"], "de");
    let prefs = api.get_json("/api/v1/preferences").await;
    assert_eq!(prefs["posting:default:language"], "de");
    let bad = app
        .client
        .patch(app.url("/api/v1/accounts/update_credentials"))
        .bearer_auth(&api.token)
        .json(&json!({"source": {"language": "xx"}}))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

pub async fn bookmarks_and_content_warnings(app: TestApp) {
    let ana = app.create_user("ana").await;
    group(&app, ana.id, "energy").await;
    let api = Api::for_user(&app, "ana").await;
    let posted: Value = api
        .post_json(
            "/api/v1/statuses",
            json!({"status": "@energy Heat pumps\nNoise figures inside.", "spoiler_text": "Long read"}),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(posted["spoiler_text"], "Long read");
    assert_eq!(posted["sensitive"], true);
    let id = posted["id"].as_str().unwrap().to_owned();
    let (_, page) = app.get_html(&format!("/t/{id}")).await;
    assert!(page.contains("Long read"), "the warning shows on the web page too");
    let too_long = api
        .post_json("/api/v1/statuses", json!({"status": "@energy x", "spoiler_text": "w".repeat(600)}))
        .await;
    assert_eq!(too_long.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let details: Value = too_long.json().await.unwrap();
    assert!(details["details"]["content_warning"].is_array(), "{details}");

    let marked: Value =
        api.post_form(&format!("/api/v1/statuses/{id}/bookmark"), &[]).await.json().await.unwrap();
    assert_eq!(marked["bookmarked"], true);
    api.post_form(&format!("/api/v1/statuses/{id}/bookmark"), &[]).await;
    let list = api.get("/api/v1/bookmarks").await;
    assert!(list.headers().get("link").is_some());
    let list: Value = list.json().await.unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1, "bookmarking twice keeps one");
    let unmarked: Value =
        api.post_form(&format!("/api/v1/statuses/{id}/unbookmark"), &[]).await.json().await.unwrap();
    assert_eq!(unmarked["bookmarked"], false);
    assert_eq!(api.get_json("/api/v1/bookmarks").await, json!([]));
    let missing = api.post_form("/api/v1/statuses/4242/bookmark", &[]).await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
}

on_both_backends!(
    bookmarks_and_content_warnings,
    instance_endpoints_answer_like_mastodon,
    a_toot_mentioning_a_group_starts_a_thread_and_replies_join_it,
    timelines_page_with_link_headers,
    bad_parameters_get_clear_errors_and_store_nothing,
    the_member_updates_their_profile_from_an_app,
);

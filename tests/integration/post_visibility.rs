//! Visibility of a member's own posts (issue 15), as Mastodon has it: `unlisted` is readable
//! by anyone but listed nowhere public, followers-only (`private`) is for followers alone and
//! not fetchable or boostable by others, `direct` is refused; posts in public groups stay public.

use reqwest::StatusCode;
use serde_json::Value;

use crate::api_support::Api;
use crate::common::TestApp;

async fn post_status(api: &Api<'_>, text: &str, visibility: &str) -> reqwest::Response {
    api.post_form("/api/v1/statuses", &[("status", text), ("visibility", visibility)]).await
}

async fn posted(api: &Api<'_>, text: &str, visibility: &str) -> Value {
    let response = post_status(api, text, visibility).await;
    assert_eq!(response.status(), StatusCode::OK, "posting {visibility}");
    response.json().await.expect("status")
}

async fn status_of(app: &TestApp, path: &str) -> (StatusCode, String) {
    let response = reqwest::Client::new()
        .get(app.url(path))
        .header("accept", "application/activity+json")
        .send()
        .await
        .expect("answered");
    let status = response.status();
    (status, response.text().await.unwrap_or_default())
}

async fn public_text(app: &TestApp, path: &str) -> String {
    reqwest::Client::new().get(app.url(path)).send().await.expect("answered").text().await.unwrap_or_default()
}

pub async fn unlisted_and_followers_only_posts_are_honoured(app: TestApp) {
    let ana = app.create_user("ana").await;
    let fred = app.create_user("fred").await;
    app.create_user("nils").await;
    allmende::service::follows::follow_actor(&app.ctx, &fred, ana.id).await.expect("fred follows ana");
    let ana_api = Api::for_user(&app, "ana").await;
    let unlisted = posted(&ana_api, "Quiet news #garden", "unlisted").await;
    let private = posted(&ana_api, "For my followers #garden", "private").await;
    assert_eq!(unlisted["visibility"], "unlisted");
    assert_eq!(private["visibility"], "private");
    let (unlisted_id, private_id) =
        (unlisted["id"].as_str().expect("id").to_owned(), private["id"].as_str().expect("id").to_owned());
    // Neither is listed where anyone looks.
    for path in
        ["/api/v1/timelines/public", "/api/v1/timelines/tag/garden", "/api/v2/search?q=news", "/tags/garden"]
    {
        let text = public_text(&app, path).await;
        assert!(!text.contains("Quiet news") && !text.contains("For my followers"), "{path}: {text:.300}");
    }
    // Unlisted: on the profile and at its address, for anyone; addressed cc Public.
    let ana_statuses = public_text(&app, &format!("/api/v1/accounts/{}/statuses", ana.id.0)).await;
    assert!(ana_statuses.contains("Quiet news"), "unlisted posts are on the profile");
    assert!(!ana_statuses.contains("For my followers"), "followers-only posts are not, for strangers");
    let (status, document) = status_of(&app, &format!("/t/{unlisted_id}")).await;
    assert_eq!(status, StatusCode::OK);
    let document: Value = serde_json::from_str(&document).expect("JSON");
    let public = Value::String("https://www.w3.org/ns/activitystreams#Public".into());
    assert!(document["cc"].as_array().expect("cc").contains(&public), "{document}");
    assert!(!document["to"].as_array().expect("to").contains(&public), "{document}");
    // Followers-only: for fred (a follower), not for nils or anyone signed out.
    let fred_api = Api::for_user(&app, "fred").await;
    assert_eq!(fred_api.get(&format!("/api/v1/statuses/{private_id}")).await.status(), StatusCode::OK);
    assert!(fred_api.get_json("/api/v1/timelines/home").await.to_string().contains("For my followers"));
    let nils = Api::for_user(&app, "nils").await;
    assert_eq!(nils.get(&format!("/api/v1/statuses/{private_id}")).await.status(), StatusCode::NOT_FOUND);
    let nils_view =
        nils.get(&format!("/api/v1/accounts/{}/statuses", ana.id.0)).await.text().await.expect("body");
    assert!(!nils_view.contains("For my followers"));
    assert_eq!(status_of(&app, &format!("/t/{private_id}")).await.0, StatusCode::NOT_FOUND, "unsigned fetch");
    assert_eq!(
        reqwest::Client::new().get(app.url(&format!("/t/{private_id}"))).send().await.expect("page").status(),
        StatusCode::NOT_FOUND,
        "the page"
    );
    // Not boostable, even by a follower; unlisted is.
    let boost = fred_api.post_form(&format!("/api/v1/statuses/{private_id}/reblog"), &[]).await;
    assert_eq!(boost.status(), StatusCode::FORBIDDEN);
    let boost = fred_api.post_form(&format!("/api/v1/statuses/{unlisted_id}/reblog"), &[]).await;
    assert_eq!(boost.status(), StatusCode::OK);
    // A reply to a followers-only post is followers-only too.
    let reply = fred_api
        .post_form("/api/v1/statuses", &[("status", "Lovely"), ("in_reply_to_id", private_id.as_str())])
        .await;
    assert_eq!(reply.status(), StatusCode::OK);
    let reply: Value = reply.json().await.expect("reply");
    assert_eq!(reply["visibility"], "private");
}

pub async fn direct_messages_and_private_posts_in_public_groups_are_refused(app: TestApp) {
    let ana = app.create_user("ana").await;
    allmende::service::groups::create_group(&app.ctx, ana.id, crate::groups::group("energy", "discussion"))
        .await
        .expect("group");
    let api = Api::for_user(&app, "ana").await;
    let direct = post_status(&api, "Hello @nils", "direct").await;
    assert_eq!(direct.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = direct.json().await.expect("error");
    assert!(body["error"].as_str().unwrap_or_default().contains("direct"), "{body}");
    let in_group = post_status(&api, "@energy Heat pumps\n\nAre they good?", "private").await;
    assert_eq!(in_group.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let public = posted(&api, "@energy Heat pumps\n\nAre they good?", "public").await;
    assert_eq!(public["visibility"], "public");
    assert_eq!(post_status(&api, "Hm", "limited").await.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

crate::on_both_backends!(
    unlisted_and_followers_only_posts_are_honoured,
    direct_messages_and_private_posts_in_public_groups_are_refused
);

//! Polls (issue 15), through the real routes: created from apps (JSON and form bodies) with
//! clear refusals of bad input, read and voted on through the client API and the thread page,
//! Mastodon's `Question` received and refreshed by its `Update`, our members' votes sent to a
//! remote poll's author, and votes from elsewhere counted on ours.

use allmende::domain::poll::NewPoll;
use allmende::service::{groups, polls, threads};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::api_support::Api;
use crate::common::TestApp;
use crate::fedcore::queued_activities;
use crate::groups::group;
use crate::on_both_backends;
use crate::outbound::{drain, local};
use crate::peer::Peer;

on_both_backends!(
    apps_create_read_and_vote_in_polls,
    bad_polls_and_votes_are_refused,
    the_thread_page_shows_a_poll_and_takes_a_vote,
    a_remote_question_is_stored_refreshed_and_voted_on,
    votes_from_elsewhere_count_once_and_not_after_the_end,
);

const AS: &str = "https://www.w3.org/ns/activitystreams";
const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";

async fn activity_json(app: &TestApp, path: &str) -> Value {
    let response = app
        .client
        .get(app.url(path))
        .header("Accept", "application/activity+json")
        .send()
        .await
        .expect("GET");
    assert_eq!(response.status(), StatusCode::OK, "GET {path}");
    response.json().await.expect("JSON")
}

async fn created(response: reqwest::Response) -> Value {
    let status = response.status();
    let body: Value = response.json().await.expect("JSON");
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

pub async fn apps_create_read_and_vote_in_polls(app: TestApp) {
    app.create_user("ana").await;
    app.create_user("bob").await;
    let ana = Api::for_user(&app, "ana").await;
    let bob = Api::for_user(&app, "bob").await;

    // JSON body, single choice.
    let status = created(
        ana.post_json(
            "/api/v1/statuses",
            json!({"status": "Lunch?", "poll": {"options": ["Soup", "Salad"], "expires_in": 3600}}),
        )
        .await,
    )
    .await;
    let poll = &status["poll"];
    assert_eq!(poll["id"], status["id"], "{status}");
    assert_eq!(poll["multiple"], false);
    assert_eq!(poll["expired"], false);
    assert!(poll["expires_at"].as_str().is_some_and(|at| at.ends_with('Z')), "{poll}");
    assert_eq!(
        poll["options"],
        json!([{"title": "Soup", "votes_count": 0}, {"title": "Salad", "votes_count": 0}])
    );
    assert_eq!(poll["voted"], false);
    assert_eq!(poll["own_votes"], json!([]));
    let id = status["id"].as_str().expect("id").to_owned();

    // Form body with Rails arrays, several choices.
    let several = created(
        ana.post_form(
            "/api/v1/statuses",
            &[
                ("status", "Which days?"),
                ("poll[options][]", "Monday"),
                ("poll[options][]", "Tuesday"),
                ("poll[options][]", "Friday"),
                ("poll[expires_in]", "86400"),
                ("poll[multiple]", "true"),
            ],
        )
        .await,
    )
    .await;
    assert_eq!(several["poll"]["multiple"], true, "{several}");
    assert_eq!(several["poll"]["options"].as_array().map(Vec::len), Some(3));
    let several_id = several["id"].as_str().expect("id").to_owned();

    // bob votes; his vote counts once.
    let voted = bob.post_json(&format!("/api/v1/polls/{id}/votes"), json!({"choices": ["1"]})).await;
    let voted = created(voted).await;
    assert_eq!(voted["voted"], true);
    assert_eq!(voted["own_votes"], json!([1]));
    assert_eq!(voted["votes_count"], 1);
    assert_eq!(voted["voters_count"], 1);
    assert_eq!(voted["options"][1]["votes_count"], 1);
    let again = bob.post_form(&format!("/api/v1/polls/{id}/votes"), &[("choices[]", "0")]).await;
    assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY, "one vote per person");
    let seen_by_ana = ana.get_json(&format!("/api/v1/polls/{id}")).await;
    assert_eq!(seen_by_ana["voted"], false);
    assert_eq!(seen_by_ana["options"][1]["votes_count"], 1);
    let status = ana.get_json(&format!("/api/v1/statuses/{id}")).await;
    assert_eq!(status["poll"]["votes_count"], 1);
    let anonymous = app.client.get(app.url(&format!("/api/v1/polls/{id}"))).send().await.expect("GET");
    let anonymous: Value = anonymous.json().await.expect("JSON");
    assert_eq!(anonymous["voted"], Value::Null, "nobody to have voted");

    // Several choices where the poll takes them.
    let voted = bob
        .post_form(&format!("/api/v1/polls/{several_id}/votes"), &[("choices[]", "0"), ("choices[]", "2")])
        .await;
    let voted = created(voted).await;
    assert_eq!(voted["own_votes"], json!([0, 2]));
    assert_eq!(voted["votes_count"], 2);
    assert_eq!(voted["voters_count"], 1);

    // The poll is a `Question` with its counts.
    let document = activity_json(&app, &format!("/t/{id}")).await;
    assert_eq!(document["type"], "Question", "{document}");
    assert_eq!(
        document["oneOf"][1],
        json!({"type": "Note", "name": "Salad", "replies": {"type": "Collection", "totalItems": 1}})
    );
    assert_eq!(document["votersCount"], 1);
    assert!(document["endTime"].is_string());
    assert!(document.get("closed").is_none());
    assert!(document["@context"].to_string().contains("toot:votersCount"));
    let document = activity_json(&app, &format!("/t/{several_id}")).await;
    assert_eq!(document["anyOf"].as_array().map(Vec::len), Some(3), "{document}");

    // The limits are published.
    let instance = app.client.get(app.url("/api/v2/instance")).send().await.expect("GET");
    let instance: Value = instance.json().await.expect("JSON");
    let limits = &instance["configuration"]["polls"];
    assert_eq!(limits["max_options"], 6, "{limits}");
    assert_eq!(limits["max_characters_per_option"], 100);
    assert_eq!(limits["min_expiration"], 300);
    assert_eq!(limits["max_expiration"], 30 * 24 * 3600);
}

pub async fn bad_polls_and_votes_are_refused(app: TestApp) {
    app.create_user("ana").await;
    let ana = Api::for_user(&app, "ana").await;
    let long = "x".repeat(101);
    let bad = [
        json!({"options": ["Only one"], "expires_in": 3600}),
        json!({"options": ["1", "2", "3", "4", "5", "6", "7"], "expires_in": 3600}),
        json!({"options": ["Soup", ""], "expires_in": 3600}),
        json!({"options": ["Soup", "Soup"], "expires_in": 3600}),
        json!({"options": ["Soup", long], "expires_in": 3600}),
        json!({"options": ["Soup", "Salad"], "expires_in": 60}),
        json!({"options": ["Soup", "Salad"], "expires_in": 31 * 24 * 3600}),
        json!({"options": ["Soup", "Salad"]}),
    ];
    for poll in bad {
        let response = ana.post_json("/api/v1/statuses", json!({"status": "Lunch?", "poll": poll})).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{poll}");
        let body: Value = response.json().await.expect("JSON");
        assert!(body["error"].as_str().is_some_and(|e| e.contains("poll[")), "a clear error: {body}");
    }
    let statuses = ana.get_json("/api/v1/timelines/home").await;
    assert_eq!(statuses.as_array().map(Vec::len), Some(0), "nothing was posted");

    let status = created(
        ana.post_json(
            "/api/v1/statuses",
            json!({"status": "Lunch?", "poll": {"options": ["Soup", "Salad"], "expires_in": 3600}}),
        )
        .await,
    )
    .await;
    let id = status["id"].as_str().expect("id");
    for choices in [json!([]), json!(["0", "1"]), json!(["2"]), json!(["x"])] {
        let response = ana.post_json(&format!("/api/v1/polls/{id}/votes"), json!({"choices": choices})).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{choices}");
    }
    let response = ana.post_json("/api/v1/polls/1/votes", json!({"choices": ["0"]})).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND, "no such poll");
}

pub async fn the_thread_page_shows_a_poll_and_takes_a_vote(app: TestApp) {
    let ana = app.create_user("ana").await;
    groups::create_group(&app.ctx, ana.id, group("energy", "discussion")).await.expect("group");
    let poll = NewPoll::parse(&["Heat pump".into(), "District heating".into()], Some(7200), false, false)
        .expect("a poll");
    let opener = threads::create_thread(
        &app.ctx,
        &ana,
        "energy",
        threads::NewThread {
            title: "How do we heat the school?".into(),
            body: "Vote please".into(),
            poll: Some(poll),
            ..Default::default()
        },
    )
    .await
    .expect("thread");
    let document = activity_json(&app, &format!("/t/{}", opener.0)).await;
    assert_eq!(document["type"], "Question", "a thread opener with a poll: {document}");
    assert_eq!(document["name"], "How do we heat the school?");
    assert_eq!(document["audience"], local(&app, "/g/energy"));

    app.signed_in_user("bob").await;
    let (status, html) = app.get_html(&format!("/t/{}", opener.0)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(r#"class="poll""#) && html.contains("District heating"), "{html}");
    assert!(html.contains(r#"type="radio" name="choice" value="1""#), "a vote form: {html}");
    assert!(html.contains("The results are shown once you voted"), "counts hidden before voting");

    let response = app.post_form(&format!("/p/{}/vote", opener.0), &[("choice", "1")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, html) = app.get_html(&format!("/t/{}", opener.0)).await;
    assert!(!html.contains(r#"name="choice""#), "no second vote: {html}");
    assert!(html.contains("100 %") && html.contains("your choice"), "{html}");
    assert!(html.contains("1 person voted"), "{html}");

    let again = app.post_form(&format!("/p/{}/vote", opener.0), &[("choice", "0")]).await;
    assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY, "one vote per person");

    // In German too, for a visitor.
    let response = reqwest::Client::new()
        .get(app.url(&format!("/t/{}", opener.0)))
        .header("Accept-Language", "de")
        .send()
        .await
        .expect("GET");
    let html = response.text().await.expect("HTML");
    assert!(html.contains("1 Person hat abgestimmt") && html.contains("Umfrage"), "{html}");
}

/// Mastodon's documented `Question` (its author and id on the peer), mentioning bob so that it
/// is kept here.
fn question(app: &TestApp, peer: &Peer, author: &str) -> Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/polls/mastodon_question.json"
    ))
    .expect("fixture");
    let mut question: Value = serde_json::from_str(&text).expect("JSON");
    question["id"] = json!(peer.url("/statuses/1"));
    question["attributedTo"] = json!(author);
    question["to"] = json!([PUBLIC]);
    question["cc"] = json!([format!("{author}/followers"), local(app, "/u/bob")]);
    question["tag"] = json!([{"type": "Mention", "href": local(app, "/u/bob"), "name": "@bob@localhost"}]);
    question["endTime"] = json!("2099-03-06T07:40:13Z");
    question
}

pub async fn a_remote_question_is_stored_refreshed_and_voted_on(app: TestApp) {
    app.create_user("bob").await;
    let mut peer = Peer::start().await;
    let alice = peer.add_actor("alice", "Person");
    let question = question(&app, &peer, &alice);
    peer.publish(&peer.url("/statuses/1"), question.clone());
    let create = json!({"@context": AS, "id": peer.url("/statuses/1/activity"), "type": "Create",
        "actor": alice, "to": [PUBLIC], "object": question});
    assert_eq!(peer.deliver(&alice, &app.url("/inbox"), &create).await, StatusCode::ACCEPTED);
    let post = allmende::service::remote::post_by_ap_id(&app.ctx, &peer.url("/statuses/1"))
        .await
        .expect("lookup")
        .expect("the Question is stored as a post");

    let bob = Api::for_user(&app, "bob").await;
    let status = bob.get_json(&format!("/api/v1/statuses/{}", post.0)).await;
    let poll = &status["poll"];
    assert_eq!(poll["multiple"], true, "anyOf: {status}");
    assert_eq!(
        poll["options"],
        json!([{"title": "apple", "votes_count": 3}, {"title": "orange", "votes_count": 7}, {"title": "banana", "votes_count": 6}])
    );
    assert_eq!(poll["voters_count"], 7);
    assert_eq!(poll["expired"], false);
    assert!(status["content"].as_str().is_some_and(|c| c.contains("breakfast")));
    drain(&app).await;
    let before = queued_activities(&app).await.len();

    // bob votes: a `Create` of a `Note` named "orange", to alice only.
    let voted =
        created(bob.post_json(&format!("/api/v1/polls/{}/votes", post.0), json!({"choices": [1]})).await)
            .await;
    assert_eq!(voted["options"][1]["votes_count"], 8, "counted here until alice's server says more");
    assert_eq!(voted["voters_count"], 8);
    drain(&app).await;
    let queued = queued_activities(&app).await;
    let votes: Vec<&Value> = queued[before..].iter().filter(|a| a["type"] == "Create").collect();
    assert_eq!(votes.len(), 1, "{queued:?}");
    let vote = votes[0];
    assert_eq!(vote["actor"], local(&app, "/u/bob"));
    assert_eq!(vote["to"], json!([alice]));
    assert_eq!(vote["object"]["type"], "Note");
    assert_eq!(vote["object"]["name"], "orange");
    assert_eq!(vote["object"]["inReplyTo"], peer.url("/statuses/1"));
    assert_eq!(vote["object"]["attributedTo"], local(&app, "/u/bob"));
    assert_eq!(vote["object"]["to"], json!([alice]));
    assert!(vote["object"].get("content").is_none());
    assert!(vote.get("cc").is_none_or(|cc| !cc.to_string().contains(PUBLIC)), "not public: {vote}");

    // alice's server sends the new counts, then closes the poll.
    let mut updated = question.clone();
    updated["anyOf"][1]["replies"]["totalItems"] = json!(10);
    updated["votersCount"] = json!(11);
    let update = json!({"@context": AS, "id": peer.url("/statuses/1#updates/1"), "type": "Update",
        "actor": alice, "to": [PUBLIC], "object": updated});
    assert_eq!(peer.deliver(&alice, &app.url("/inbox"), &update).await, StatusCode::ACCEPTED);
    let poll = bob.get_json(&format!("/api/v1/polls/{}", post.0)).await;
    assert_eq!(poll["options"][1]["votes_count"], 10, "{poll}");
    assert_eq!(poll["voters_count"], 11);
    assert_eq!(poll["own_votes"], json!([1]), "bob's vote is remembered");
    updated["closed"] = json!("2026-03-06T07:40:13Z");
    let update = json!({"@context": AS, "id": peer.url("/statuses/1#updates/2"), "type": "Update",
        "actor": alice, "to": [PUBLIC], "object": updated});
    assert_eq!(peer.deliver(&alice, &app.url("/inbox"), &update).await, StatusCode::ACCEPTED);
    let poll = bob.get_json(&format!("/api/v1/polls/{}", post.0)).await;
    assert_eq!(poll["expired"], true, "{poll}");
    let (_, html) = app.get_html(&format!("/t/{}", post.0)).await;
    assert!(html.contains("banana") && html.contains("Closed"), "{html}");
}

pub async fn votes_from_elsewhere_count_once_and_not_after_the_end(app: TestApp) {
    app.create_user("ana").await;
    let ana = Api::for_user(&app, "ana").await;
    let single = created(
        ana.post_json(
            "/api/v1/statuses",
            json!({"status": "Lunch?", "poll": {"options": ["Soup", "Salad"], "expires_in": 600}}),
        )
        .await,
    )
    .await;
    let several = created(
        ana.post_json(
            "/api/v1/statuses",
            json!({"status": "Days?", "poll": {"options": ["Monday", "Friday"], "expires_in": 3600, "multiple": true}}),
        )
        .await,
    )
    .await;
    let (single, several) =
        (single["id"].as_str().expect("id").to_owned(), several["id"].as_str().expect("id").to_owned());
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    let yves = peer.add_actor("yves", "Person");
    drain(&app).await;

    // Mastodon's shape: one vote per `Create`.
    let vote = |actor: &str, n: u32, poll: &str, name: &str| {
        json!({"@context": AS, "id": format!("{actor}#votes/{n}/activity"), "type": "Create", "actor": actor,
            "to": local(&app, "/u/ana"),
            "object": {"id": format!("{actor}#votes/{n}"), "type": "Note", "name": name, "attributedTo": actor,
                "to": local(&app, "/u/ana"), "inReplyTo": local(&app, &format!("/t/{poll}"))}})
    };
    assert_eq!(
        peer.deliver(&zoe, &app.url("/inbox"), &vote(&zoe, 1, &single, "Salad")).await,
        StatusCode::ACCEPTED
    );
    assert_eq!(
        peer.deliver(&zoe, &app.url("/inbox"), &vote(&zoe, 1, &single, "Salad")).await,
        StatusCode::ACCEPTED
    );
    assert_eq!(
        peer.deliver(&zoe, &app.url("/inbox"), &vote(&zoe, 2, &single, "Soup")).await,
        StatusCode::ACCEPTED
    );
    assert_eq!(
        peer.deliver(&yves, &app.url("/inbox"), &vote(&yves, 1, &single, "Soup")).await,
        StatusCode::ACCEPTED
    );
    assert_eq!(
        peer.deliver(&yves, &app.url("/inbox"), &vote(&yves, 2, &single, "Pizza")).await,
        StatusCode::ACCEPTED
    );
    let poll = ana.get_json(&format!("/api/v1/polls/{single}")).await;
    assert_eq!(
        poll["options"],
        json!([{"title": "Soup", "votes_count": 1}, {"title": "Salad", "votes_count": 1}]),
        "{poll}"
    );
    assert_eq!(poll["voters_count"], 2);

    // Someone voting in another's name is refused.
    let mut forged = vote(&zoe, 3, &several, "Monday");
    forged["actor"] = json!(yves);
    forged["id"] = json!(format!("{yves}#forged/activity"));
    assert_eq!(peer.deliver(&yves, &app.url("/inbox"), &forged).await, StatusCode::FORBIDDEN);

    // GoToSocial's shape: both choices of a multiple-choice poll in one `Create`.
    let both = json!({"@context": AS, "id": format!("{yves}/activity#vote/1"), "type": "Create", "actor": yves,
        "to": local(&app, "/u/ana"), "object": [
            {"id": format!("{yves}#vote/1"), "type": "Note", "name": "Monday", "attributedTo": yves,
             "to": local(&app, "/u/ana"), "inReplyTo": local(&app, &format!("/t/{several}"))},
            {"id": format!("{yves}#vote/2"), "type": "Note", "name": "Friday", "attributedTo": yves,
             "to": local(&app, "/u/ana"), "inReplyTo": local(&app, &format!("/t/{several}"))}]});
    assert_eq!(peer.deliver(&yves, &app.url("/inbox"), &both).await, StatusCode::ACCEPTED);
    let poll = ana.get_json(&format!("/api/v1/polls/{several}")).await;
    assert_eq!(poll["votes_count"], 2, "{poll}");
    assert_eq!(poll["voters_count"], 1);

    // The new counts go to the voters' servers as an `Update` of the `Question`.
    drain(&app).await;
    let queued = queued_activities(&app).await;
    let update = queued
        .iter()
        .rev()
        .find(|a| a["type"] == "Update" && a["object"]["id"] == local(&app, &format!("/t/{single}")))
        .expect("an Update of the poll");
    assert_eq!(update["object"]["type"], "Question");
    assert_eq!(update["object"]["votersCount"], 2, "{update}");

    // Its time is up: it closes, the final counts go out with `closed`, later votes are not counted.
    app.clock.advance_seconds(601);
    // (The server's own minutely check may have closed it first.)
    polls::close_expired(&app.ctx).await.expect("close");
    drain(&app).await;
    let document = activity_json(&app, &format!("/t/{single}")).await;
    assert!(document["closed"].is_string(), "{document}");
    let queued = queued_activities(&app).await;
    assert!(
        queued.iter().any(|a| a["type"] == "Update" && a["object"]["closed"].is_string()),
        "the closing is sent"
    );
    let late = peer.add_actor("late", "Person");
    assert_eq!(
        peer.deliver(&late, &app.url("/inbox"), &vote(&late, 1, &single, "Soup")).await,
        StatusCode::ACCEPTED
    );
    let poll = ana.get_json(&format!("/api/v1/polls/{single}")).await;
    assert_eq!(poll["expired"], true);
    assert_eq!(poll["voters_count"], 2, "a vote after the end is not counted");
}

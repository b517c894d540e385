//! Interaction policies and quote posts (FEP-044f, as Mastodon 4.5 does them), through the
//! real routes: what our posts publish, what members are offered and allowed on remote posts,
//! `QuoteRequest` answered with a stamp that is served and can be withdrawn, and members
//! quoting local and remote posts.

use allmende::domain::PostId;
use allmende::domain::interaction::QuotePolicy;
use allmende::service::statuses::{self, NewStatus};
use allmende::service::{ServiceError, groups, posts, threads};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::api_support::Api;
use crate::common::TestApp;
use crate::fedcore::queued_activities;
use crate::groups::{group, thread};
use crate::on_both_backends;
use crate::outbound::{drain, local};
use crate::peer::Peer;

on_both_backends!(
    our_posts_publish_who_may_reply_and_quote,
    a_quote_request_gets_a_stamp_that_can_be_withdrawn,
    members_quote_local_posts_at_once_and_remote_ones_after_asking,
    remote_policies_limit_what_members_are_offered,
    mastodons_own_quote_json_is_processed,
);

const AS: &str = "https://www.w3.org/ns/activitystreams";
const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";

async fn activity_json(app: &TestApp, path: &str) -> (StatusCode, Value) {
    let response = app
        .client
        .get(app.url(path))
        .header("Accept", "application/activity+json")
        .send()
        .await
        .expect("GET");
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// A remote person's public `Note` (at `/notes/{n}` on the peer), delivered in a `Create`.
fn note(peer: &Peer, actor: &str, n: u32, extra: Value) -> Value {
    let mut object = json!({"id": peer.url(&format!("/notes/{n}")), "type": "Note", "attributedTo": actor,
        "content": format!("<p>Note {n} from afar</p>"), "to": [PUBLIC], "cc": [format!("{actor}/followers")],
        "published": "2026-01-02T03:04:05Z"});
    if let (Some(object), Some(extra)) = (object.as_object_mut(), extra.as_object()) {
        object.extend(extra.clone());
    }
    object
}

fn create(peer: &Peer, actor: &str, object: &Value, n: u32) -> Value {
    json!({"@context": AS, "id": peer.url(&format!("/activities/create/{n}")), "type": "Create",
           "actor": actor, "to": [PUBLIC], "object": object})
}

async fn post_id_of(app: &TestApp, ap_id: &str) -> PostId {
    allmende::service::remote::post_by_ap_id(&app.ctx, ap_id).await.expect("lookup").expect("stored")
}

pub async fn our_posts_publish_who_may_reply_and_quote(app: TestApp) {
    let ana = app.signed_in_user("ana").await;
    groups::create_group(&app.ctx, ana.id, group("energy", "discussion")).await.expect("group");
    let opener =
        threads::create_thread(&app.ctx, &ana, "energy", thread("Heat pumps")).await.expect("thread");
    let (status, page) = activity_json(&app, &format!("/t/{}", opener.0)).await;
    assert_eq!(status, StatusCode::OK);
    let policy = &page["interactionPolicy"];
    assert_eq!(policy["canReply"]["automaticApproval"], json!([PUBLIC]), "{page}");
    assert_eq!(policy["canQuote"]["automaticApproval"], json!([PUBLIC]), "public posts may be quoted");
    assert_eq!(policy["canQuote"]["manualApproval"], json!([]));
    assert_eq!(policy["canLike"]["automaticApproval"], json!([PUBLIC]));
    assert!(
        page["@context"].to_string().contains("gts:canQuote"),
        "the terms are defined: {}",
        page["@context"]
    );
    let (_, html) = app.get_html(&format!("/t/{}", opener.0)).await;
    assert!(html.contains(&format!("/p/{}/reply", opener.0)), "an open thread offers replies");
    assert!(html.contains(&format!("/p/{}/quote", opener.0)), "and quoting");

    allmende::service::thread_locks::set_thread_lock(&app.ctx, &ana, opener, true).await.expect("lock");
    let (_, page) = activity_json(&app, &format!("/t/{}", opener.0)).await;
    assert_eq!(
        page["interactionPolicy"]["canReply"]["automaticApproval"],
        json!([local(&app, "/u/ana")]),
        "a locked thread: nobody but its author"
    );
    let (_, html) = app.get_html(&format!("/t/{}", opener.0)).await;
    assert!(!html.contains(&format!("/p/{}/reply", opener.0)), "no reply link in a locked thread");

    // A closed group's posts are for its members (the group's followers).
    groups::create_group(&app.ctx, ana.id, group("board", "discussion")).await.expect("group");
    allmende::service::follow_requests::set_closed(&app.ctx, &ana, "board", true).await.expect("closed");
    let inner = threads::create_thread(&app.ctx, &ana, "board", thread("Budget")).await.expect("thread");
    // A private group's thread is served to members' instances only (see private_groups.rs):
    // its document is read as they get it.
    let post = allmende::service::federated::get_post(&app.ctx, inner).await.expect("post");
    let Ok(allmende::federation::objects::PostDocument::Post(document)) =
        allmende::federation::objects::post_json(&app.state.uris, &post)
    else {
        panic!("a post document")
    };
    let page = serde_json::to_value(document).expect("JSON");
    let members = json!([local(&app, "/u/ana"), local(&app, "/g/board/followers")]);
    assert_eq!(page["interactionPolicy"]["canReply"]["automaticApproval"], members, "{page}");
    assert_eq!(page["interactionPolicy"]["canQuote"]["automaticApproval"], members);

    // A personal post whose author lets nobody quote it, from an app.
    let api = Api::for_user(&app, "ana").await;
    let response = api
        .post_json("/api/v1/statuses", json!({"status": "Mine alone", "quote_approval_policy": "nobody"}))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let status: Value = response.json().await.expect("status");
    assert_eq!(status["quote_approval"]["automatic"], json!([]));
    assert_eq!(status["quote_approval"]["current_user"], "automatic", "the author may quote her own post");
    assert_eq!(status["quote"], Value::Null);
    let mine = status["id"].as_str().expect("id").to_owned();
    let (_, page) = activity_json(&app, &format!("/t/{mine}")).await;
    assert_eq!(page["interactionPolicy"]["canQuote"]["automaticApproval"], json!([local(&app, "/u/ana")]));
    let bad =
        api.post_json("/api/v1/statuses", json!({"status": "x", "quote_approval_policy": "friends"})).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY, "an unknown policy is refused");
}

pub async fn a_quote_request_gets_a_stamp_that_can_be_withdrawn(app: TestApp) {
    let ana = app.signed_in_user("ana").await;
    groups::create_group(&app.ctx, ana.id, group("energy", "discussion")).await.expect("group");
    let opener =
        threads::create_thread(&app.ctx, &ana, "energy", thread("Heat pumps")).await.expect("thread");
    let ours = local(&app, &format!("/t/{}", opener.0));
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    drain(&app).await;

    let quoting = note(&peer, &zoe, 1, json!({"quote": ours, "content": "<p>Look at this</p>"}));
    let request = json!({"@context": [AS, {"QuoteRequest": "https://w3id.org/fep/044f#QuoteRequest"}],
        "id": peer.url("/quote-requests/1"), "type": "QuoteRequest", "actor": zoe, "object": ours,
        "instrument": quoting});
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &request).await, StatusCode::ACCEPTED);
    drain(&app).await;
    let queued = queued_activities(&app).await;
    let accept = queued.iter().find(|a| a["type"] == "Accept").expect("an Accept");
    assert_eq!(accept["actor"], local(&app, "/u/ana"));
    assert_eq!(accept["object"]["type"], "QuoteRequest");
    assert_eq!(accept["object"]["id"], peer.url("/quote-requests/1"));
    assert_eq!(accept["to"], json!([zoe]));
    let stamp = accept["result"].as_str().expect("the stamp as result").to_owned();
    let stamp_path = stamp.strip_prefix(&local(&app, "")).expect("our stamp").to_owned();
    let (status, served) = activity_json(&app, &stamp_path).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(served["type"], "QuoteAuthorization");
    assert_eq!(served["id"], stamp);
    assert_eq!(served["attributedTo"], local(&app, "/u/ana"));
    assert_eq!(served["interactingObject"], peer.url("/notes/1"));
    assert_eq!(served["interactionTarget"], ours);

    // zoe's post arrives with the stamp: stored with ana's post embedded.
    let mut approved = quoting.clone();
    approved["quoteAuthorization"] = json!(stamp);
    assert_eq!(
        peer.deliver(&zoe, &app.url("/inbox"), &create(&peer, &zoe, &approved, 1)).await,
        StatusCode::ACCEPTED
    );
    let theirs = post_id_of(&app, &peer.url("/notes/1")).await;
    let api = Api::for_user(&app, "ana").await;
    let status = api.get_json(&format!("/api/v1/statuses/{}", theirs.0)).await;
    assert_eq!(status["quote"]["state"], "accepted", "{status}");
    assert_eq!(status["quote"]["quoted_status"]["id"], opener.0.to_string());
    let (_, html) = app.get_html(&format!("/t/{}", theirs.0)).await;
    assert!(html.contains(r#"<blockquote class="quote""#) && html.contains("Body of Heat pumps"), "{html}");

    // ana withdraws it on the web: the stamp is gone and a Delete of it is sent.
    let (_, list) = app.get_html(&format!("/p/{}/quotes", opener.0)).await;
    assert!(list.contains(&peer.url("/notes/1")), "{list}");
    let stamp_id = stamp_path.rsplit('/').next().expect("id");
    let revoked = app.post_form(&format!("/p/{}/quotes/{stamp_id}/revoke", opener.0), &[]).await;
    assert_eq!(revoked.status(), StatusCode::SEE_OTHER);
    drain(&app).await;
    let delete = queued_activities(&app).await.into_iter().find(|a| a["type"] == "Delete").expect("a Delete");
    assert_eq!(delete["object"]["id"], stamp);
    assert_eq!(delete["actor"], local(&app, "/u/ana"));
    assert_eq!(activity_json(&app, &stamp_path).await.0, StatusCode::NOT_FOUND, "a withdrawn stamp is gone");
    let status = api.get_json(&format!("/api/v1/statuses/{}", theirs.0)).await;
    assert_eq!(status["quote"]["state"], "revoked");
    assert_eq!(status["quote"]["quoted_status"], Value::Null);

    // A post its author lets nobody quote: the request is rejected.
    let closed = statuses::post_status(
        &app.ctx,
        &ana,
        "localhost",
        NewStatus {
            text: "Not for quoting".into(),
            quote_policy: Some(QuotePolicy::Nobody),
            ..Default::default()
        },
    )
    .await
    .expect("post");
    let request = json!({"@context": AS, "id": peer.url("/quote-requests/2"), "type": "QuoteRequest",
        "actor": zoe, "object": local(&app, &format!("/t/{}", closed.0)), "instrument": peer.url("/notes/2")});
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &request).await, StatusCode::ACCEPTED);
    drain(&app).await;
    let reject = queued_activities(&app).await.into_iter().find(|a| a["type"] == "Reject").expect("a Reject");
    assert_eq!(reject["object"]["id"], peer.url("/quote-requests/2"));
    assert!(reject.get("result").is_none());
    // Someone asking on another's behalf is refused.
    let yves = peer.add_actor("yves", "Person");
    let forged = json!({"@context": AS, "id": peer.url("/quote-requests/3"), "type": "QuoteRequest",
        "actor": yves, "object": ours, "instrument": note(&peer, &zoe, 3, json!({}))});
    assert_eq!(peer.deliver(&yves, &app.url("/inbox"), &forged).await, StatusCode::FORBIDDEN);
}

pub async fn members_quote_local_posts_at_once_and_remote_ones_after_asking(app: TestApp) {
    let ana = app.create_user("ana").await;
    let bob = app.signed_in_user("bob").await;
    groups::create_group(&app.ctx, ana.id, group("energy", "discussion")).await.expect("group");
    let opener =
        threads::create_thread(&app.ctx, &ana, "energy", thread("Heat pumps")).await.expect("thread");

    // bob quotes ana's thread from the web: approved here at once.
    let response = app.post_form(&format!("/p/{}/quote", opener.0), &[("body", "Worth reading")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, html) = app.get_html(&crate::common::location(&response)).await;
    assert!(html.contains(r#"<blockquote class="quote""#) && html.contains("Body of Heat pumps"), "{html}");
    let api = Api::for_user(&app, "bob").await;
    let home: Value = api.get_json("/api/v1/accounts/verify_credentials").await;
    let statuses_of_bob =
        api.get_json(&format!("/api/v1/accounts/{}/statuses", home["id"].as_str().expect("id"))).await;
    let quote = statuses_of_bob.as_array().and_then(|s| s.first()).expect("bob's quote").clone();
    assert_eq!(quote["quote"]["state"], "accepted", "{quote}");
    assert_eq!(quote["quote"]["quoted_status"]["id"], opener.0.to_string());
    let (_, page) = activity_json(&app, &format!("/t/{}", quote["id"].as_str().expect("id"))).await;
    assert_eq!(page["quote"], local(&app, &format!("/t/{}", opener.0)), "{page}");
    assert!(page["quoteAuthorization"].as_str().is_some_and(|s| s.contains("/quote-authorizations/")));

    // A remote post that anyone may quote (it mentions bob, so it is kept here).
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    let theirs = note(
        &peer,
        &zoe,
        1,
        json!({
        "tag": [{"type": "Mention", "href": local(&app, "/u/bob"), "name": "@bob@localhost"}],
        "interactionPolicy": {"canQuote": {"automaticApproval": PUBLIC}}}),
    );
    peer.publish(&peer.url("/notes/1"), theirs.clone());
    assert_eq!(
        peer.deliver(&zoe, &app.url("/inbox"), &create(&peer, &zoe, &theirs, 1)).await,
        StatusCode::ACCEPTED
    );
    let remote_post = post_id_of(&app, &peer.url("/notes/1")).await;
    drain(&app).await;
    let response = api
        .post_json(
            "/api/v1/statuses",
            json!({"status": "Quoting zoe", "quoted_status_id": remote_post.0.to_string()}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let status: Value = response.json().await.expect("status");
    assert_eq!(status["quote"]["state"], "pending", "{status}");
    assert_eq!(status["quote"]["quoted_status"], Value::Null);
    drain(&app).await;
    let request =
        queued_activities(&app).await.into_iter().find(|a| a["type"] == "QuoteRequest").expect("asked");
    assert_eq!(request["actor"], local(&app, "/u/bob"));
    assert_eq!(request["object"], peer.url("/notes/1"));
    assert_eq!(request["instrument"]["quote"], peer.url("/notes/1"), "our post embedded: {request}");
    let ours = request["instrument"]["id"].as_str().expect("instrument id").to_owned();
    // zoe's server accepts, with its stamp.
    let accept = json!({"@context": AS, "id": peer.url("/accepts/1"), "type": "Accept", "actor": zoe, "to": [local(&app, "/u/bob")],
        "object": {"id": request["id"], "type": "QuoteRequest", "actor": local(&app, "/u/bob"),
                   "object": peer.url("/notes/1"), "instrument": ours},
        "result": peer.url("/stamps/1")});
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &accept).await, StatusCode::ACCEPTED);
    let status = api.get_json(&format!("/api/v1/statuses/{}", status["id"].as_str().expect("id"))).await;
    assert_eq!(status["quote"]["state"], "accepted", "{status}");
    assert_eq!(status["quote"]["quoted_status"]["id"], remote_post.0.to_string());
    drain(&app).await;
    let update =
        queued_activities(&app).await.into_iter().find(|a| a["type"] == "Update").expect("sent again");
    assert_eq!(update["object"]["quoteAuthorization"], peer.url("/stamps/1"), "{update}");
    // Someone else's Accept of bob's request does nothing.
    let yves = peer.add_actor("yves", "Person");
    let mut forged = accept.clone();
    forged["id"] = json!(peer.url("/accepts/2"));
    forged["actor"] = json!(yves);
    assert_eq!(peer.deliver(&yves, &app.url("/inbox"), &forged).await, StatusCode::FORBIDDEN);

    // A second quote is rejected by zoe's server.
    let second = statuses::post_status(
        &app.ctx,
        &bob,
        "localhost",
        NewStatus { text: "Again".into(), quoted_status_id: Some(remote_post.0), ..Default::default() },
    )
    .await
    .expect("quote");
    drain(&app).await;
    let request = queued_activities(&app)
        .await
        .into_iter()
        .rfind(|a| a["type"] == "QuoteRequest")
        .expect("asked again");
    let reject = json!({"@context": AS, "id": peer.url("/rejects/1"), "type": "Reject", "actor": zoe,
        "object": {"id": request["id"], "type": "QuoteRequest", "actor": local(&app, "/u/bob"),
                   "object": peer.url("/notes/1"), "instrument": request["instrument"]["id"]}});
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &reject).await, StatusCode::ACCEPTED);
    let status = api.get_json(&format!("/api/v1/statuses/{}", second.0)).await;
    assert_eq!(status["quote"]["state"], "rejected");
}

pub async fn remote_policies_limit_what_members_are_offered(app: TestApp) {
    let bob = app.signed_in_user("bob").await;
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    let mention = json!([{"type": "Mention", "href": local(&app, "/u/bob"), "name": "@bob@localhost"}]);
    // As GoToSocial says "nobody but the author may reply or boost"; no canQuote at all.
    let solo = note(
        &peer,
        &zoe,
        1,
        json!({"tag": mention, "interactionPolicy": {
        "canLike": {"always": PUBLIC}, "canReply": {"always": zoe}, "canAnnounce": {"always": zoe}}}),
    );
    assert_eq!(
        peer.deliver(&zoe, &app.url("/inbox"), &create(&peer, &zoe, &solo, 1)).await,
        StatusCode::ACCEPTED
    );
    let solo_id = post_id_of(&app, &peer.url("/notes/1")).await;
    let refused = posts::reply(
        &app.ctx,
        &bob,
        solo_id,
        posts::NewReply { body: "But I must".into(), ..Default::default() },
    )
    .await;
    assert!(matches!(refused, Err(ServiceError::Invalid(_))), "{refused:?}");
    let api = Api::for_user(&app, "bob").await;
    let reply = api
        .post_json("/api/v1/statuses", json!({"status": "Hi", "in_reply_to_id": solo_id.0.to_string()}))
        .await;
    assert_eq!(reply.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let message: Value = reply.json().await.expect("error");
    assert!(message.to_string().contains("reply"), "a clear error: {message}");
    let boost = api.post_form(&format!("/api/v1/statuses/{}/reblog", solo_id.0), &[]).await;
    assert_eq!(boost.status(), StatusCode::UNPROCESSABLE_ENTITY, "no boost either");
    let like = api.post_form(&format!("/api/v1/statuses/{}/favourite", solo_id.0), &[]).await;
    assert_eq!(like.status(), StatusCode::OK, "likes are open");
    let quote = api
        .post_json("/api/v1/statuses", json!({"status": "Q", "quoted_status_id": solo_id.0.to_string()}))
        .await;
    assert_eq!(quote.status(), StatusCode::UNPROCESSABLE_ENTITY, "no canQuote: not quotable");
    let status = api.get_json(&format!("/api/v1/statuses/{}", solo_id.0)).await;
    assert_eq!(status["quote_approval"]["current_user"], "denied");
    let (_, html) = app.get_html(&format!("/t/{}", solo_id.0)).await;
    assert!(!html.contains(&format!("/p/{}/reply", solo_id.0)), "no reply link where the origin forbids it");
    assert!(!html.contains(&format!("/p/{}/quote", solo_id.0)), "no quote link");
    drain(&app).await;
    assert!(
        queued_activities(&app).await.iter().all(|a| a["type"] != "Announce" && a["type"] != "Create"),
        "nothing forbidden was sent"
    );

    // A post that needs approval to reply is not replied to (we cannot wait for one).
    let ask = note(
        &peer,
        &zoe,
        2,
        json!({"tag": mention, "interactionPolicy": {
        "canReply": {"automaticApproval": [zoe], "manualApproval": [PUBLIC]}}}),
    );
    assert_eq!(
        peer.deliver(&zoe, &app.url("/inbox"), &create(&peer, &zoe, &ask, 2)).await,
        StatusCode::ACCEPTED
    );
    let ask_id = post_id_of(&app, &peer.url("/notes/2")).await;
    let (_, html) = app.get_html(&format!("/t/{}", ask_id.0)).await;
    assert!(html.contains(&format!("/p/{}/reply", ask_id.0)), "offered: the author may approve");
}

/// A file of `tests/fixtures/mastodon/quotes/` (JSON from Mastodon's own specs).
fn mastodon_fixture(name: &str) -> Value {
    let path = format!("{}/tests/fixtures/mastodon/quotes/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).expect("fixture")).expect("JSON")
}

/// Mastodon 4.5's JSON as its specs have it, with the ids pointed at this instance and the peer:
/// a `QuoteRequest` naming the quoting post by URL and one inlining it (neither with `to`), the
/// quoting `Create` with its stamp, and Mastodon's `Accept` (with `result`, without `to`) of a
/// request of ours.
pub async fn mastodons_own_quote_json_is_processed(app: TestApp) {
    let ana = app.signed_in_user("ana").await;
    app.create_user("bob").await;
    groups::create_group(&app.ctx, ana.id, group("energy", "discussion")).await.expect("group");
    let opener =
        threads::create_thread(&app.ctx, &ana, "energy", thread("Heat pumps")).await.expect("thread");
    let ours = local(&app, &format!("/t/{}", opener.0));
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    drain(&app).await;

    // The request as Mastodon sends it without inlining: the quoting post by URL.
    let mut by_url = mastodon_fixture("quote_request.json");
    by_url["id"] = json!(peer.url("/quote-requests/1"));
    by_url["actor"] = json!(zoe);
    by_url["object"] = json!(ours);
    by_url["instrument"] = json!(peer.url("/statuses/1"));
    assert!(by_url.get("to").is_none());
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &by_url).await, StatusCode::ACCEPTED);
    // And inlined (the spec's status JSON without its @context).
    let mut inlined = mastodon_fixture("quote_request_inlined.json");
    inlined["id"] = json!(peer.url("/quote-requests/2"));
    inlined["actor"] = json!(zoe);
    inlined["object"] = json!(ours);
    inlined["instrument"]["id"] = json!(peer.url("/statuses/2"));
    inlined["instrument"]["attributedTo"] = json!(zoe);
    inlined["instrument"]["quote"] = json!(ours);
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &inlined).await, StatusCode::ACCEPTED);
    drain(&app).await;
    let queued = queued_activities(&app).await;
    let stamp_for = |request: &str| -> String {
        let accept = queued
            .iter()
            .find(|a| a["type"] == "Accept" && a["object"]["id"] == request)
            .unwrap_or_else(|| panic!("an Accept of {request}: {queued:?}"));
        accept["result"].as_str().expect("the stamp").to_owned()
    };
    let stamp = stamp_for(&peer.url("/quote-requests/1"));
    stamp_for(&peer.url("/quote-requests/2"));

    // zoe's quoting post arrives in the Create of Mastodon's spec, with the stamp.
    let mut quoting_create = mastodon_fixture("create_note_quote.json");
    quoting_create["id"] = json!(peer.url("/statuses/1/activity"));
    quoting_create["actor"] = json!(zoe);
    quoting_create["object"]["id"] = json!(peer.url("/statuses/1"));
    quoting_create["object"]["attributedTo"] = json!(zoe);
    quoting_create["object"]["quote"] = json!(ours);
    quoting_create["object"]["quoteAuthorization"] = json!(stamp);
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &quoting_create).await, StatusCode::ACCEPTED);
    let theirs = post_id_of(&app, &peer.url("/statuses/1")).await;
    let api = Api::for_user(&app, "ana").await;
    let status = api.get_json(&format!("/api/v1/statuses/{}", theirs.0)).await;
    assert_eq!(status["quote"]["state"], "accepted", "{status}");
    assert_eq!(status["quote"]["quoted_status"]["id"], opener.0.to_string());

    // bob quotes a post of zoe's; her Mastodon accepts in the shape of its spec.
    let quotable = note(
        &peer,
        &zoe,
        3,
        json!({"tag": [{"type": "Mention", "href": local(&app, "/u/bob"), "name": "@bob@localhost"}],
               "interactionPolicy": {"canQuote": {"automaticApproval": PUBLIC}}}),
    );
    peer.publish(&peer.url("/notes/3"), quotable.clone());
    assert_eq!(
        peer.deliver(&zoe, &app.url("/inbox"), &create(&peer, &zoe, &quotable, 3)).await,
        StatusCode::ACCEPTED
    );
    let remote_post = post_id_of(&app, &peer.url("/notes/3")).await;
    let bob_api = Api::for_user(&app, "bob").await;
    let response = bob_api
        .post_json(
            "/api/v1/statuses",
            json!({"status": "Quoting zoe", "quoted_status_id": remote_post.0.to_string()}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let quoting: Value = response.json().await.expect("status");
    assert_eq!(quoting["quote"]["state"], "pending");
    drain(&app).await;
    let request = queued_activities(&app)
        .await
        .into_iter()
        .find(|a| a["type"] == "QuoteRequest" && a["actor"] == local(&app, "/u/bob"))
        .expect("asked");
    let mut accept = mastodon_fixture("accept_quote_request.json");
    accept["id"] = json!(format!("{zoe}#accepts/quote_requests/1"));
    accept["actor"] = json!(zoe);
    accept["object"]["id"] = request["id"].clone();
    accept["object"]["actor"] = json!(local(&app, "/u/bob"));
    accept["object"]["object"] = json!(peer.url("/notes/3"));
    accept["object"]["instrument"] = request["instrument"]["id"].clone();
    accept["result"] = json!(peer.url("/approvals/1"));
    assert!(accept.get("to").is_none());
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &accept).await, StatusCode::ACCEPTED);
    let quoting =
        bob_api.get_json(&format!("/api/v1/statuses/{}", quoting["id"].as_str().expect("id"))).await;
    assert_eq!(quoting["quote"]["state"], "accepted", "{quoting}");
}

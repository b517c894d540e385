//! Private groups (issue 15, as Lemmy 1.0's private communities): a closed group's threads are
//! for its members. Every way in from outside (signed out, signed in as a non-member, unsigned
//! and foreign-signed ActivityPub GETs) finds nothing of them; members (and the instance of a
//! remote member) see everything.

use allmende::domain::PostId;
use allmende::service::{follow_requests, follows, groups, posts, threads};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::api_support::Api;
use crate::common::TestApp;
use crate::groups::{group, thread};
use crate::peer::Peer;
use crate::signed_fetch::signed_get;

const AS: &str = "https://www.w3.org/ns/activitystreams";
/// A word only the private threads contain (titles and bodies).
const SECRET: &str = "whisperword";

struct PrivateGroup {
    /// Opened while the group was still open, then closed with it.
    before: PostId,
    /// Started after the group was closed.
    after: PostId,
    reply: PostId,
    ana_id: i64,
    ana: allmende::service::CurrentUser,
    peer: Peer,
    /// A member on the peer, and someone else on the same peer.
    zoe: String,
    yan: String,
}

fn secret_thread(title: &str) -> threads::NewThread {
    threads::NewThread {
        title: format!("{title} {SECRET}"),
        body: format!("The {SECRET} plan, #hush"),
        ..thread(title)
    }
}

/// `circle`, a group of ana's with mia (local) and zoe (on a peer) as members, closed after
/// its first thread; a second thread and a reply written after.
async fn private_group(app: &TestApp) -> PrivateGroup {
    let ana = app.create_user("ana").await;
    let mia = app.create_user("mia").await;
    app.create_user("nils").await;
    groups::create_group(&app.ctx, ana.id, group("circle", "discussion")).await.expect("group");
    follows::follow_group(&app.ctx, &mia, "circle").await.expect("mia joins");
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    let yan = peer.add_actor("yan", "Person");
    let follow = json!({"@context": AS, "id": peer.url("/follows/1"), "type": "Follow", "actor": zoe,
                        "object": app.state.uris.absolute("/g/circle")});
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &follow).await, StatusCode::ACCEPTED);
    let before =
        threads::create_thread(&app.ctx, &ana, "circle", secret_thread("Before")).await.expect("thread");
    follow_requests::set_closed(&app.ctx, &ana, "circle", true).await.expect("closed");
    let after =
        threads::create_thread(&app.ctx, &ana, "circle", secret_thread("After")).await.expect("thread");
    let reply = posts::reply(
        &app.ctx,
        &mia,
        after,
        posts::NewReply { body: format!("A {SECRET} reply"), ..Default::default() },
    )
    .await
    .expect("reply");
    PrivateGroup { before, after, reply, ana_id: ana.id.0, ana, peer, zoe, yan }
}

/// The paths of web pages, feeds and the client API where a private thread could show.
fn listing_paths(fixture: &PrivateGroup) -> Vec<String> {
    let (before, after, reply, ana) = (fixture.before.0, fixture.after.0, fixture.reply.0, fixture.ana_id);
    vec![
        "/".into(),
        "/g/circle".into(),
        "/u/ana".into(),
        "/tags/hush".into(),
        "/search?q=plan".into(),
        "/feed.atom".into(),
        "/g/circle/feed.atom".into(),
        "/g/circle/events.ics".into(),
        "/calendar".into(),
        "/api/v1/timelines/public".into(),
        "/api/v1/timelines/public?local=true".into(),
        "/api/v1/timelines/public?remote=true".into(),
        "/api/v1/timelines/tag/hush".into(),
        "/api/v2/search?q=plan".into(),
        "/api/v2/search?q=plan&type=statuses&resolve=true".into(),
        "/api/v2/search?q=hush&type=hashtags".into(),
        format!("/api/v1/accounts/{ana}/statuses"),
        format!("/api/v1/statuses/{before}"),
        format!("/api/v1/statuses/{after}/context"),
        format!("/api/v1/statuses/{reply}"),
        format!("/t/{before}"),
        format!("/t/{after}"),
        format!("/p/{reply}"),
    ]
}

/// The ActivityPub documents where a private thread could show.
fn activitypub_paths(fixture: &PrivateGroup) -> Vec<String> {
    let (before, after, reply) = (fixture.before.0, fixture.after.0, fixture.reply.0);
    vec![
        format!("/t/{before}"),
        format!("/t/{after}"),
        format!("/p/{reply}"),
        format!("/t/{after}/context"),
        format!("/t/{after}/context?after=0"),
        format!("/t/{after}/replies?after=0"),
        format!("/p/{reply}/replies"),
        "/g/circle/outbox".into(),
        "/g/circle/featured".into(),
        "/g/circle/events".into(),
        "/u/ana/outbox".into(),
        "/.well-known/webfinger?resource=acct:circle@localhost".into(),
    ]
}

async fn text_of(response: reqwest::Response) -> (StatusCode, String) {
    let status = response.status();
    (status, response.text().await.unwrap_or_default())
}

fn assert_hidden(who: &str, path: &str, (status, body): (StatusCode, String)) {
    assert!(!status.is_server_error(), "{who}: {path} answered {status}");
    assert!(!body.contains(SECRET), "{who} found the private thread at {path} ({status}): {body:.300}");
}

async fn activitypub_get(app: &TestApp, path: &str) -> (StatusCode, String) {
    text_of(
        reqwest::Client::new()
            .get(app.url(path))
            .header("accept", "application/activity+json")
            .send()
            .await
            .expect("answered"),
    )
    .await
}

/// A GET of our ActivityPub JSON signed by `actor` of `peer`: its status and body.
async fn signed_activitypub_get(app: &TestApp, peer: &Peer, actor: &str, path: &str) -> (StatusCode, String) {
    let client = reqwest::Client::new();
    let request = allmende::federation::signing::Signer::new()
        .signed_get(&client, &app.url(path), &format!("{actor}#main-key"), peer.private_key(actor))
        .await
        .expect("signed");
    text_of(client.execute(request).await.expect("answered")).await
}

pub async fn nobody_outside_a_private_group_finds_its_threads(app: TestApp) {
    let fixture = private_group(&app).await;
    let signed_out = reqwest::Client::new();
    for path in listing_paths(&fixture) {
        // Twice: the second answer may come from the page cache for signed-out readers.
        for _ in 0..2 {
            let response = signed_out.get(app.url(&path)).send().await.expect("answered");
            assert_hidden("signed out", &path, text_of(response).await);
        }
    }
    let (status, _) =
        text_of(signed_out.get(app.url(&format!("/t/{}", fixture.after.0))).send().await.expect("get")).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "a private thread does not exist to the signed-out");
    // Signed in as nils, who is no member: on the web and through an app.
    app.sign_in("nils").await;
    let nils = Api::for_user(&app, "nils").await;
    for path in listing_paths(&fixture) {
        assert_hidden("nils on the web", &path, text_of(app.get(&path).await).await);
        assert_hidden("nils in an app", &path, text_of(nils.get(&path).await).await);
    }
    for path in ["/api/v1/timelines/home", "/api/v1/notifications", "/feed"] {
        assert_hidden("nils at home", path, text_of(nils.get(path).await).await);
        assert_hidden("nils at home", path, text_of(app.get(path).await).await);
    }
    // Nor may he answer, boost, like or start a thread there.
    let after = fixture.after.0;
    let reply = nils
        .post_form("/api/v1/statuses", &[("status", "Let me in"), ("in_reply_to_id", &after.to_string())])
        .await;
    assert_eq!(reply.status(), StatusCode::NOT_FOUND, "replying");
    let boost = nils.post_form(&format!("/api/v1/statuses/{after}/reblog"), &[]).await;
    assert!(boost.status().is_client_error(), "boosting: {}", boost.status());
    let like = nils.post_form(&format!("/api/v1/statuses/{after}/favourite"), &[]).await;
    assert_eq!(like.status(), StatusCode::NOT_FOUND, "liking");
    let opener = nils.post_form("/api/v1/statuses", &[("status", "@circle Hello\n\nAnyone?")]).await;
    assert!(opener.status().is_client_error(), "a thread by a non-member: {}", opener.status());
    // ActivityPub: unsigned, and signed by someone on an instance without members.
    let mut stranger_peer = Peer::start().await;
    let eve = stranger_peer.add_actor("eve", "Person");
    for path in activitypub_paths(&fixture) {
        assert_hidden("an unsigned fetch", &path, activitypub_get(&app, &path).await);
        assert_hidden(
            "eve's signed fetch",
            &path,
            signed_activitypub_get(&app, &stranger_peer, &eve, &path).await,
        );
    }
    assert_eq!(
        signed_get(&app, &format!("/t/{after}"), &format!("{eve}#main-key"), stranger_peer.private_key(&eve))
            .await,
        StatusCode::NOT_FOUND
    );
    // The search index holds none of them.
    let mut conn = app.ctx.db.acquire().await.expect("conn");
    for id in [fixture.before, fixture.after, fixture.reply] {
        assert!(
            !allmende::db::post_search::is_indexed(&mut conn.conn(), id.0).await.expect("index"),
            "{id:?} indexed"
        );
    }
}

pub async fn members_and_their_instances_see_a_private_group(app: TestApp) {
    let fixture = private_group(&app).await;
    let (before, after, reply) = (fixture.before.0, fixture.after.0, fixture.reply.0);
    app.sign_in("mia").await;
    for path in [format!("/t/{before}"), format!("/t/{after}"), "/g/circle".into(), "/feed".into()] {
        let (status, body) = text_of(app.get(&path).await).await;
        assert_eq!(status, StatusCode::OK, "mia at {path}");
        assert!(body.contains(SECRET), "mia sees the private threads at {path}");
    }
    let mia = Api::for_user(&app, "mia").await;
    let status = mia.get_json(&format!("/api/v1/statuses/{after}")).await;
    assert_eq!(status["visibility"], "private", "apps are told the truth");
    let context = mia.get_json(&format!("/api/v1/statuses/{after}/context")).await;
    assert_eq!(context["descendants"].as_array().map(Vec::len), Some(1));
    let home = mia.get_json("/api/v1/timelines/home").await;
    assert!(home.to_string().contains(SECRET), "in mia's home timeline");
    let boost = mia.post_form(&format!("/api/v1/statuses/{after}/reblog"), &[]).await;
    assert_eq!(boost.status(), StatusCode::FORBIDDEN, "private posts are not shared further");
    // The owner too, through the API.
    let ana = Api::for_user(&app, "ana").await;
    assert_eq!(ana.get_json(&format!("/api/v1/statuses/{reply}")).await["visibility"], "private");
    // Zoe's instance fetches for her: the thread, its reply and its context, addressed to the
    // group's followers and never to the public.
    for actor in [&fixture.zoe, &fixture.yan] {
        for path in [format!("/t/{after}"), format!("/p/{reply}"), format!("/t/{after}/context?after=0")] {
            let (status, body) = signed_activitypub_get(&app, &fixture.peer, actor, &path).await;
            assert_eq!(status, StatusCode::OK, "{actor} fetching {path}");
            if !path.contains("context") {
                assert!(body.contains(SECRET), "{actor} gets the post at {path}");
            }
        }
    }
    let (_, page) = signed_activitypub_get(&app, &fixture.peer, &fixture.zoe, &format!("/t/{after}")).await;
    let page: Value = serde_json::from_str(&page).expect("JSON");
    let followers = app.state.uris.absolute("/g/circle/followers");
    assert!(
        page["to"].as_array().expect("to").iter().any(|a| a == &Value::String(followers.clone())),
        "{page}"
    );
    assert!(!page.to_string().contains("#Public"), "never public: {page}");
    // Opening the group again makes its threads public.
    follow_requests::set_closed(&app.ctx, &fixture.ana, "circle", false).await.expect("opened");
    let (status, body) =
        text_of(reqwest::Client::new().get(app.url(&format!("/t/{after}"))).send().await.expect("get")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains(SECRET));
}

crate::on_both_backends!(
    nobody_outside_a_private_group_finds_its_threads,
    members_and_their_instances_see_a_private_group
);

//! The conversation of every thread in our groups is ours to serve (FEP-7888), whoever started
//! it: `context` on every post, the context collection paged (FEP-f228) with remote posts by
//! their own ids, a `replies` collection on every post, and the local address of a remote
//! object redirecting an ActivityPub client to its origin.

use allmende::domain::PostId;
use allmende::service::posts::{self, NewReply};
use allmende::service::remote;
use allmende::service::thread_collections::PAGE_SIZE;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::TestApp;
use crate::groups::{group, thread};
use crate::on_both_backends;
use crate::peer::Peer;

const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";
const AS: &str = "https://www.w3.org/ns/activitystreams";

async fn get_json(app: &TestApp, path_or_url: &str) -> (StatusCode, Option<String>, Value) {
    let path = path_or_url.strip_prefix(&local(app, "")).unwrap_or(path_or_url);
    let url = if path.starts_with('/') { app.url(path) } else { path.to_owned() };
    let response = app
        .client
        .get(url)
        .header("accept", "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"")
        .send()
        .await
        .expect("response");
    let status = response.status();
    let location = response.headers().get("location").and_then(|v| v.to_str().ok()).map(str::to_owned);
    (status, location, response.json().await.unwrap_or(Value::Null))
}

/// Our absolute URL for `path`, as our documents name it.
fn local(app: &TestApp, path: &str) -> String {
    app.state.uris.absolute(path)
}

/// A path on our server for one of our absolute URLs (`first`, `next`).
fn path_of(app: &TestApp, url: &Value) -> String {
    let url = url.as_str().unwrap_or_else(|| panic!("a URL: {url}"));
    url.strip_prefix(&local(app, "")).unwrap_or_else(|| panic!("ours: {url}")).to_owned()
}

fn reply_text(body: &str) -> NewReply {
    NewReply { body: body.into(), language: None, content_warning: None, ..Default::default() }
}

pub async fn a_thread_a_remote_person_started_in_our_group_has_our_context(app: TestApp) {
    let ana = app.create_user("ana").await;
    allmende::service::groups::create_group(&app.ctx, ana.id, group("energy", "discussion"))
        .await
        .expect("group");
    let mut peer = Peer::start().await;
    let bea = peer.add_actor("bea", "Person");
    let group_url = local(&app, "/g/energy");
    let page_url = peer.url("/pages/1");
    let create = json!({"@context": AS, "id": peer.url("/creates/1"), "type": "Create", "actor": bea,
        "to": [PUBLIC], "object": {"id": page_url, "type": "Page", "name": "Wind turbines", "attributedTo": bea,
        "content": "<p>Anyone?</p>", "audience": group_url, "to": [PUBLIC], "cc": [group_url]}});
    assert_eq!(peer.deliver(&bea, &app.url("/inbox"), &create).await, StatusCode::ACCEPTED);
    let opener = remote::post_by_ap_id(&app.ctx, &page_url).await.expect("lookup").expect("stored");
    let ours = posts::reply(&app.ctx, &ana, opener, reply_text("Yes, us")).await.expect("reply");
    let note_url = peer.url("/notes/2");
    let create_reply = json!({"@context": AS, "id": peer.url("/creates/2"), "type": "Create", "actor": bea,
        "to": [PUBLIC], "object": {"id": note_url, "type": "Note", "attributedTo": bea, "inReplyTo": page_url,
        "content": "<p>Thanks</p>", "audience": group_url, "to": [PUBLIC]}});
    assert_eq!(peer.deliver(&bea, &app.url("/inbox"), &create_reply).await, StatusCode::ACCEPTED);

    // The local addresses of remote objects send ActivityPub clients to their origin; browsers
    // still get the page.
    let (status, location, _) = get_json(&app, &format!("/t/{}", opener.0)).await;
    assert_eq!((status, location.as_deref()), (StatusCode::FOUND, Some(page_url.as_str())));
    let theirs = remote::post_by_ap_id(&app.ctx, &note_url).await.expect("lookup").expect("stored");
    let (status, location, _) = get_json(&app, &format!("/p/{}", theirs.0)).await;
    assert_eq!((status, location.as_deref()), (StatusCode::FOUND, Some(note_url.as_str())));
    let handle = format!("/u/bea@{}", peer.base_url.trim_start_matches("http://"));
    let (status, location, _) = get_json(&app, &handle).await;
    assert_eq!((status, location.as_deref()), (StatusCode::FOUND, Some(bea.as_str())));
    assert_eq!(app.get_html(&format!("/t/{}", opener.0)).await.0, StatusCode::OK);
    assert_eq!(get_json(&app, "/t/999999").await.0, StatusCode::NOT_FOUND);

    // Our reply names the thread's context here, and its own replies.
    let context_url = local(&app, &format!("/t/{}/context", opener.0));
    let (status, _, note) = get_json(&app, &format!("/p/{}", ours.0)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(note["context"], context_url);
    assert_eq!(note["inReplyTo"], page_url);
    assert_eq!(note["replies"], local(&app, &format!("/p/{}/replies", ours.0)));

    let (status, _, context) = get_json(&app, &context_url).await;
    assert_eq!(status, StatusCode::OK, "{context}");
    assert_eq!(context["type"], "OrderedCollection");
    assert_eq!(context["id"], context_url);
    assert_eq!(context["totalItems"], 3);
    assert!(context.get("orderedItems").is_none(), "the posts are on pages: {context}");
    let (status, _, first) = get_json(&app, &path_of(&app, &context["first"])).await;
    assert_eq!(status, StatusCode::OK, "{first}");
    assert_eq!(first["type"], "OrderedCollectionPage");
    assert_eq!(first["partOf"], context_url);
    assert_eq!(first["orderedItems"], json!([page_url, local(&app, &format!("/p/{}", ours.0)), note_url]));
    assert!(first.get("next").is_none(), "one page: {first}");

    let (_, _, replies) = get_json(&app, &format!("/t/{}/replies", opener.0)).await;
    assert_eq!(replies["totalItems"], 2, "{replies}");
    let (_, _, page) = get_json(&app, &path_of(&app, &replies["first"])).await;
    assert_eq!(page["orderedItems"], json!([local(&app, &format!("/p/{}", ours.0)), note_url]));
    let (_, _, none) = get_json(&app, &format!("/p/{}/replies", ours.0)).await;
    assert_eq!(none["totalItems"], 0);
    assert_eq!(get_json(&app, &format!("/p/{}/replies", opener.0)).await.0, StatusCode::NOT_FOUND);
}

/// A long thread's context is read page by page, each linking the next.
pub async fn long_threads_are_served_page_by_page(app: TestApp) {
    let ana = app.create_user("ana").await;
    allmende::service::groups::create_group(&app.ctx, ana.id, group("energy", "discussion"))
        .await
        .expect("group");
    let opener = allmende::service::threads::create_thread(&app.ctx, &ana, "energy", thread("Heat pumps"))
        .await
        .expect("thread");
    let replies = PAGE_SIZE + 5;
    for n in 0..replies {
        posts::reply(&app.ctx, &ana, opener, reply_text(&format!("Reply {n}"))).await.expect("reply");
    }
    let (_, _, context) = get_json(&app, &format!("/t/{}/context", opener.0)).await;
    assert_eq!(context["totalItems"], replies + 1);
    let mut next = context["first"].clone();
    let mut items = Vec::new();
    let mut pages = 0;
    while !next.is_null() {
        let (status, _, page) = get_json(&app, &path_of(&app, &next)).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        items.extend(page["orderedItems"].as_array().expect("items").iter().cloned());
        next = page.get("next").cloned().unwrap_or(Value::Null);
        pages += 1;
        assert!(pages <= 3, "the pages end");
    }
    assert_eq!(pages, 2);
    assert_eq!(items.len(), usize::try_from(replies + 1).expect("small"));
    assert_eq!(items[0], local(&app, &format!("/t/{}", opener.0)));
    assert_eq!(get_json(&app, &format!("/t/{}/context?after=-1", opener.0)).await.0, StatusCode::BAD_REQUEST);
}

/// A thread of a remote group lives on the group's server: we serve no context for it.
pub async fn threads_of_remote_groups_have_no_context_here(app: TestApp) {
    let mut peer = Peer::start().await;
    let wind = peer.add_actor("wind", "Group");
    let bea = peer.add_actor("bea", "Person");
    let hello = |actor: &str, n: u32| {
        json!({"@context": AS, "id": peer.url(&format!("/hello/{n}")), "type": "View", "actor": actor,
               "object": actor})
    };
    for (n, actor) in [(1, &wind), (2, &bea)] {
        assert_eq!(peer.deliver(actor, &app.url("/inbox"), &hello(actor, n)).await, StatusCode::ACCEPTED);
    }
    let wind_id = remote::known_actor(&app.ctx, &wind).await.expect("lookup").expect("group").0;
    let bea_id = remote::known_actor(&app.ctx, &bea).await.expect("lookup").expect("bea").0;
    let (post, _) = remote::store_remote_post(
        &app.ctx,
        remote::RemotePost {
            visibility: Default::default(),
            ap_id: peer.url("/posts/1"),
            author: bea_id,
            group: Some(wind_id),
            in_reply_to: None,
            title: Some("Wind".into()),
            content_html: "<p>Wind?</p>".into(),
            language: None,
            sensitive: false,
            content_warning: None,
            published: app.ctx.now(),
            updated: None,
            activity_json: None,
            media: Vec::new(),
        },
    )
    .await
    .expect("stored");
    let PostId(id) = post;
    assert_eq!(get_json(&app, &format!("/t/{id}/context")).await.0, StatusCode::NOT_FOUND);
    assert_eq!(get_json(&app, &format!("/t/{id}/replies")).await.0, StatusCode::NOT_FOUND);
}

on_both_backends!(
    a_thread_a_remote_person_started_in_our_group_has_our_context,
    long_threads_are_served_page_by_page,
    threads_of_remote_groups_have_no_context_here,
);

//! Full-text search of public posts (issue 17): `GET /api/v2/search?type=statuses` and the
//! `/search` page, ranked, stemmed per language, paged without repeats or gaps, and current
//! after every kind of write (edits, deletions, moderators' removals and restores, suspensions,
//! and posts, updates and deletions arriving from other instances). The query plan uses the
//! full-text index on both backends.

use allmende::service::accounts::NewAccount;
use allmende::service::posts::{self, NewReply, PostEdit};
use allmende::service::suspensions::{self, AccountAction};
use allmende::service::{CurrentUser, blocks, groups, removals, search, threads};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::api_support::Api;
use crate::common::{PASSWORD, TestApp};
use crate::groups::group;
use crate::on_both_backends;
use crate::peer::Peer;

const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";
const AS: &str = "https://www.w3.org/ns/activitystreams";

fn thread_in(title: &str, body: &str, language: &str) -> threads::NewThread {
    threads::NewThread {
        title: title.into(),
        body: body.into(),
        language: Some(language.into()),
        content_warning: None,
        ..Default::default()
    }
}

fn reply_of(body: &str, language: &str) -> NewReply {
    NewReply {
        body: body.into(),
        language: Some(language.into()),
        content_warning: None,
        ..Default::default()
    }
}

/// The ids of the statuses a search finds, in the order given (signed out).
async fn found(app: &TestApp, query: &str) -> Vec<i64> {
    found_page(app, query, 0, 40).await
}

async fn found_page(app: &TestApp, query: &str, offset: i64, limit: i64) -> Vec<i64> {
    let path = format!(
        "/api/v2/search?type=statuses&q={}&offset={offset}&limit={limit}",
        form_urlencoded::byte_serialize(query.as_bytes()).collect::<String>()
    );
    let response = app.get(&path).await;
    assert_eq!(response.status(), StatusCode::OK, "GET {path}");
    ids(&response.json::<Value>().await.expect("search JSON"))
}

fn ids(results: &Value) -> Vec<i64> {
    results["statuses"]
        .as_array()
        .expect("statuses")
        .iter()
        .map(|s| s["id"].as_str().and_then(|id| id.parse().ok()).expect("an id"))
        .collect()
}

async fn energy_group(app: &TestApp) -> CurrentUser {
    let ana = app.create_user("ana").await;
    groups::create_group(&app.ctx, ana.id, group("energy", "discussion")).await.expect("group");
    ana
}

pub async fn results_are_ranked_and_stemmed_per_language(app: TestApp) {
    let ana = energy_group(&app).await;
    let rathaus = threads::create_thread(
        &app.ctx,
        &ana,
        "energy",
        thread_in("Solaranlage auf dem Rathaus", "Die Anlage auf den Schuldächern liefert Strom.", "de"),
    )
    .await
    .expect("thread");
    let bikes = threads::create_thread(
        &app.ctx,
        &ana,
        "energy",
        thread_in("Bike lanes", "Someone mentioned a solaranlage, once, among many other words here.", "en"),
    )
    .await
    .expect("thread");
    let studies = threads::create_thread(
        &app.ctx,
        &ana,
        "energy",
        thread_in("Heat pump study", "Results of the study in three schools.", "en"),
    )
    .await
    .expect("thread");

    // The German plural finds the singular; a match in the title ranks above one in the text.
    assert_eq!(found(&app, "Solaranlagen").await, [rathaus.0, bikes.0]);
    // Stems of other words and languages, whatever the case and diacritics typed.
    assert_eq!(found(&app, "Schuldach").await, [rathaus.0]);
    assert_eq!(found(&app, "SCHULDÄCHER").await, [rathaus.0]);
    assert_eq!(found(&app, "studies").await, [studies.0]);
    assert_eq!(found(&app, "schools study").await, [studies.0], "every word must match");
    assert_eq!(found(&app, "schools bike").await, Vec::<i64>::new());
    assert_eq!(found(&app, "\" * NEAR( -").await, Vec::<i64>::new(), "query syntax is only text");

    // Equal matches: the newer first.
    let older = posts::reply(&app.ctx, &ana, studies, reply_of("Windpark Nord", "de")).await.expect("reply");
    let newer = posts::reply(&app.ctx, &ana, studies, reply_of("Windpark Nord", "de")).await.expect("reply");
    assert_eq!(found(&app, "windpark").await, [newer.0, older.0]);

    // The web page: for anyone, each result with its thread, group and highlighted words.
    let (status, page) = app.get_html("/search?q=Solaranlagen").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(&format!("href=\"/t/{}\"", rathaus.0)), "{page}");
    assert!(page.contains("Solaranlage auf dem Rathaus"), "{page}");
    assert!(page.contains("href=\"/g/energy\""), "{page}");
    assert!(page.contains("<mark>solaranlage,</mark>"), "{page}");
    assert!(page.find("Rathaus") < page.find("Bike lanes"), "ranked as in the API");
    let (_, replies) = app.get_html("/search?q=Windpark").await;
    assert!(replies.contains(&format!("href=\"/t/{}#p{}\"", studies.0, newer.0)), "{replies}");
    assert!(replies.contains("Heat pump study"), "a reply shows its thread's title: {replies}");
    let (_, none) = app.get_html("/search?q=Gezeitenkraftwerk").await;
    assert!(none.contains("Gezeitenkraftwerk") && !none.contains("class=\"search-result\""), "{none}");
    // Looking up handles elsewhere is still for members only.
    let lookup = app.get("/search?q=@someone@elsewhere.example").await;
    assert!(lookup.status().is_redirection(), "{}", lookup.status());
}

pub async fn the_index_follows_every_change(app: TestApp) {
    let ana = energy_group(&app).await;
    let carl = app.create_user("carl").await;
    let bob = app.create_user("bob").await;
    let thread = threads::create_thread(&app.ctx, &carl, "energy", thread_in("Kompost", "Im Garten.", "de"))
        .await
        .expect("thread");
    let reply =
        posts::reply(&app.ctx, &carl, thread, reply_of("Regenwasser sammeln", "de")).await.expect("reply");
    assert_eq!(found(&app, "Regenwasser").await, [reply.0]);

    // An edit replaces the words.
    let edit =
        PostEdit { title: None, body: "Zisternen bauen".into(), content_warning: None, language: None };
    posts::edit_post(&app.ctx, &carl, reply, edit).await.expect("edit");
    assert_eq!(found(&app, "Regenwasser").await, Vec::<i64>::new());
    assert_eq!(found(&app, "Zisterne").await, [reply.0]);

    // Blocked people's posts stay out of the blocker's results only; suspended ones for all.
    blocks::block_actor(&app.ctx, &bob, carl.id).await.expect("block");
    let bob_api = Api::for_user(&app, "bob").await;
    assert_eq!(ids(&bob_api.get_json("/api/v2/search?type=statuses&q=Zisterne").await), Vec::<i64>::new());
    assert_eq!(found(&app, "Zisterne").await, [reply.0]);
    let admin = allmende::service::accounts::create_account(
        &app.ctx,
        NewAccount { username: "coord".into(), email: None, password: PASSWORD.into(), admin: true },
    )
    .await
    .expect("admin");
    suspensions::act_on_account(&app.ctx, &admin, carl.id, AccountAction::Suspend, "spam")
        .await
        .expect("suspend");
    assert_eq!(found(&app, "Zisterne").await, Vec::<i64>::new());
    suspensions::act_on_account(&app.ctx, &admin, carl.id, AccountAction::Unsuspend, "")
        .await
        .expect("unsuspend");
    assert_eq!(found(&app, "Zisterne").await, [reply.0]);

    // A moderator's removal takes it out, a restore brings it back.
    removals::remove_post(&app.ctx, &ana, thread, "off topic").await.expect("removed");
    assert_eq!(found(&app, "Kompost").await, Vec::<i64>::new());
    assert!(!search::is_indexed(&app.ctx, thread.0).await.expect("index"));
    removals::restore_post(&app.ctx, &ana, thread).await.expect("restored");
    assert_eq!(found(&app, "Kompost").await, [thread.0]);

    // The author's deletion takes it out for good.
    posts::delete_post(&app.ctx, &carl, reply).await.expect("deleted");
    assert_eq!(found(&app, "Zisterne").await, Vec::<i64>::new());
    assert!(!search::is_indexed(&app.ctx, reply.0).await.expect("index"));
    assert!(search::is_indexed(&app.ctx, thread.0).await.expect("index"));
}

fn remote_note(peer: &Peer, zoe: &str, n: u32, content: &str, to: Value) -> Value {
    json!({
        "id": peer.url(&format!("/users/zoe/statuses/{n}")),
        "type": "Note",
        "attributedTo": zoe,
        "to": to,
        "cc": [format!("{zoe}/followers"), "http://localhost/u/bob"],
        "content": format!("<p><span class=\"h-card\"><a href=\"http://localhost/u/bob\" class=\"u-url mention\">@<span>bob</span></a></span> {content}</p>"),
        "published": "2026-01-01T00:00:00Z",
        "tag": [{"type": "Mention", "href": "http://localhost/u/bob", "name": "@bob@localhost"}],
    })
}

pub async fn posts_from_other_instances_are_searchable_while_public(app: TestApp) {
    app.create_user("bob").await;
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    let inbox = app.url("/inbox");
    let note = remote_note(&peer, &zoe, 1, "Moorschutz &amp; Torf", json!([PUBLIC]));
    let create = json!({"@context": AS, "id": peer.url("/activities/1"), "type": "Create", "actor": zoe,
                        "to": [PUBLIC], "object": note});
    assert_eq!(peer.deliver(&zoe, &inbox, &create).await, StatusCode::ACCEPTED);
    let hits = found(&app, "Moorschutz").await;
    assert_eq!(hits.len(), 1, "a public post from elsewhere is found");
    assert_eq!(found(&app, "amp").await, Vec::<i64>::new(), "markup is not text");

    // Followers-only and direct posts are never found.
    let private = remote_note(&peer, &zoe, 2, "Geheimtreffen", json!([format!("{zoe}/followers")]));
    let create = json!({"@context": AS, "id": peer.url("/activities/2"), "type": "Create", "actor": zoe,
                        "to": [format!("{zoe}/followers")], "object": private});
    assert_eq!(peer.deliver(&zoe, &inbox, &create).await, StatusCode::ACCEPTED);
    assert_eq!(found(&app, "Geheimtreffen").await, Vec::<i64>::new());

    // An update replaces the words; a deletion takes the post out.
    let mut updated = remote_note(&peer, &zoe, 1, "Hochmoore", json!([PUBLIC]));
    updated["updated"] = json!("2026-01-02T00:00:00Z");
    let update = json!({"@context": AS, "id": peer.url("/activities/3"), "type": "Update", "actor": zoe,
                        "to": [PUBLIC], "object": updated});
    assert_eq!(peer.deliver(&zoe, &inbox, &update).await, StatusCode::ACCEPTED);
    assert_eq!(found(&app, "Moorschutz").await, Vec::<i64>::new());
    assert_eq!(found(&app, "Hochmoore").await, hits);
    let delete = json!({"@context": AS, "id": peer.url("/activities/4"), "type": "Delete", "actor": zoe,
                        "to": [PUBLIC], "object": {"id": peer.url("/users/zoe/statuses/1"), "type": "Tombstone"}});
    assert_eq!(peer.deliver(&zoe, &inbox, &delete).await, StatusCode::ACCEPTED);
    assert_eq!(found(&app, "Hochmoore").await, Vec::<i64>::new());
}

pub async fn pages_neither_repeat_nor_skip(app: TestApp) {
    let ana = energy_group(&app).await;
    let mut made = Vec::new();
    for n in 0..23 {
        // Different lengths and counts of the word, so ranks differ, and some equal ones.
        let body = format!("{} {}", "Klimaschutz ".repeat(1 + n % 4), "Wort ".repeat(n % 5));
        let id =
            threads::create_thread(&app.ctx, &ana, "energy", thread_in(&format!("Thema {n}"), &body, "de"))
                .await
                .expect("thread");
        made.push(id.0);
    }
    let all = found_page(&app, "Klimaschutz", 0, 40).await;
    let mut paged = Vec::new();
    for offset in (0..30).step_by(7) {
        paged.extend(found_page(&app, "Klimaschutz", offset, 7).await);
    }
    assert_eq!(paged, all, "pages in order, none repeated or left out");
    let mut sorted = all.clone();
    sorted.sort_unstable();
    made.sort_unstable();
    assert_eq!(sorted, made);

    // Offsets are bounded.
    let deep = app.get("/api/v2/search?type=statuses&q=Klimaschutz&offset=401").await;
    assert_eq!(deep.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(found_page(&app, "Klimaschutz", 400, 5).await, Vec::<i64>::new());

    // The web page pages by 20.
    let (_, first) = app.get_html("/search?q=Klimaschutz").await;
    assert_eq!(first.matches("class=\"search-result\"").count(), 20);
    assert!(first.contains("page=1\" rel=\"next\""), "{first}");
    let (_, second) = app.get_html("/search?q=Klimaschutz&page=1").await;
    assert_eq!(second.matches("class=\"search-result\"").count(), 3);
    assert!(second.contains("page=0\" rel=\"prev\"") && !second.contains("page=2"), "{second}");
}

pub async fn search_uses_the_full_text_index(app: TestApp) {
    let ana = energy_group(&app).await;
    // Enough posts that reading all of them would cost more than asking the index.
    for n in 0..150 {
        let body = format!("Wort {n} über Dächer, Wärme und Wasser");
        threads::create_thread(&app.ctx, &ana, "energy", thread_in(&format!("Thema {n}"), &body, "de"))
            .await
            .expect("thread");
    }
    threads::create_thread(&app.ctx, &ana, "energy", thread_in("Solaranlage", "Dach", "de"))
        .await
        .expect("thread");
    let plan =
        search::explain_search(&app.ctx, "Solaranlagen").await.expect("plan").expect("words").join("\n");
    match app.backend {
        crate::common::Backend::Sqlite => {
            assert!(plan.contains("post_search VIRTUAL TABLE INDEX"), "{plan}");
            assert!(!plan.contains("SCAN p\n") && !plan.ends_with("SCAN p"), "no scan of posts: {plan}");
        }
        crate::common::Backend::Postgres => {
            assert!(plan.contains("Bitmap Index Scan on posts_search"), "{plan}");
        }
    }
}

on_both_backends!(
    results_are_ranked_and_stemmed_per_language,
    the_index_follows_every_change,
    posts_from_other_instances_are_searchable_while_public,
    pages_neither_repeat_nor_skip,
    search_uses_the_full_text_index,
);

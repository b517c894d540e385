//! Partners of a project given as a fediverse handle or an actor URL are resolved to actors in
//! the background after the project is saved (WebFinger and signed fetches through the usual
//! resolver), and the project page links them to the organisation's profile (a group's page
//! here, a person's or organisation's profile on its own instance); references that do not
//! resolve, and plain names, stay text.

use std::time::Duration;

use allmende::domain::ActorId;
use allmende::service::{federated, groups};
use reqwest::StatusCode;
use serde_json::json;

use crate::common::TestApp;
use crate::groups::group;
use crate::on_both_backends;
use crate::peer::Peer;

/// The group page once `needle` shows on it (the resolution runs in the background).
async fn page_once_it_shows(app: &TestApp, path: &str, needle: &str) -> String {
    let mut page = String::new();
    for _ in 0..50 {
        page = app.get_html(path).await.1;
        if page.contains(needle) {
            return page;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{path} never showed {needle:?}: {page}");
}

pub async fn partners_link_to_the_actors_they_name(app: TestApp) {
    let mut peer = Peer::start().await;
    let werke = peer.add_actor("werke", "Organization");
    let cykel = peer.add_actor("cykel", "Group");
    let host = peer.base_url.trim_start_matches("http://").to_owned();
    peer.publish(
        &peer.url("/.well-known/webfinger"),
        json!({"subject": format!("acct:werke@{host}"),
               "links": [{"rel": "self", "type": "application/activity+json", "href": werke}]}),
    );
    app.create_user("stadtwerke").await;
    let ana = app.signed_in_user("ana").await;
    groups::create_group(&app.ctx, ana.id, group("solar", "project")).await.expect("group");

    let partners = format!(
        "Stadtwerke Borken | @stadtwerke@localhost\n\
         Werke Nord | @werke@{host}\n\
         Cykelköket | {cykel}\n\
         Nobody | @nobody@unreachable.invalid\n\
         Gesamtschule Gronau"
    );
    let response = app.post_form("/g/solar/project", &[("status", "running"), ("partners", &partners)]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    let remote_group = format!(r#"<a href="/g/cykel@{host}" rel="nofollow">Cykelköket</a>"#);
    let page = page_once_it_shows(&app, "/g/solar", &remote_group).await;
    let werke_link = format!(r#"<a href="{werke}" rel="nofollow">Werke Nord</a>"#);
    let page = if page.contains(&werke_link) {
        page
    } else {
        page_once_it_shows(&app, "/g/solar", &werke_link).await
    };
    assert!(page.contains(r#"<a href="/u/stadtwerke" rel="nofollow">Stadtwerke Borken</a>"#), "{page}");

    assert!(
        page.contains("<li>Nobody <span class=\"meta\">@nobody@unreachable.invalid</span></li>"),
        "{page}"
    );
    assert!(page.contains("<li>Gesamtschule Gronau</li>"), "{page}");
    // The remote group's page here is where its link goes.
    let (status, profile) = app.get_html(&format!("/g/cykel@{host}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(profile.contains("cykel elsewhere"), "{profile}");

    // Saving again resolves nothing twice: what resolved is remembered.
    let fetched = peer.fetch_count();
    let group_id: ActorId = federated::get_local_actor(&app.ctx, "solar").await.expect("group").id;
    let resolved =
        allmende::federation::partners::resolve_partners(&app.state, group_id).await.expect("resolve");
    assert_eq!(resolved, 0, "only the unresolvable one was tried again");
    assert_eq!(peer.fetch_count(), fetched, "no fetch for what is known");
}

on_both_backends!(partners_link_to_the_actors_they_name);

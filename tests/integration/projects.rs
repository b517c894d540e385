//! Projects of project groups through the web (the owner's form, refusals, permissions), the
//! project directory with its filters and featured remote projects, the project on the group's
//! actor document, and a group following remote groups (its network feed).

use allmende::domain::project::ProjectForm;
use allmende::domain::{ActorId, DomainEvent};
use allmende::service::projects::{self, DirectoryQuery};
use allmende::service::remote::{self, RemoteActor, RemoteActorKind, RemotePost};
use allmende::service::{CurrentUser, ServiceError, accounts, groups, network};
use reqwest::StatusCode;
use serde_json::Value;

use crate::common::{Backend, PASSWORD, TestApp, count_rows, location};
use crate::groups::{domain_events, group};
use crate::on_both_backends;
use crate::query_counts::count_queries;

const PEER: &str = "boras.example";

fn full_form() -> Vec<(&'static str, &'static str)> {
    vec![
        ("summary", "Solar panels on every school roof in the district"),
        ("status", "running"),
        ("start_date", "2026-01-15"),
        ("end_date", "2027-12-31"),
        ("focus_areas", "energy"),
        ("focus_areas", "co-creation"),
        ("tags", "solar, schools"),
        ("region", "Kreis Borken"),
        ("partners", "Stadtwerke Borken | @stadtwerke@borken.example\nGesamtschule Gronau"),
        ("funders", "EU LIFE | https://life.example/\nKreis Borken"),
        ("website", "https://solar.borken.example/"),
        ("contact", "klima@borken.example"),
        ("measures", "Survey the roofs | done | 2026-03-01\nFirst 20 panels | running | 2026-09-30"),
    ]
}

fn project_form(status: &str, focus: &str, region: &str, partners: &str) -> ProjectForm {
    ProjectForm {
        summary: format!("A {status} project"),
        status: status.into(),
        focus_areas: vec![focus.into()],
        region: region.into(),
        partners: partners.into(),
        ..ProjectForm::default()
    }
}

async fn admin(app: &TestApp, name: &str) -> CurrentUser {
    accounts::create_account(
        &app.ctx,
        accounts::NewAccount { username: name.into(), email: None, password: PASSWORD.into(), admin: true },
    )
    .await
    .expect("admin")
}

async fn remote_project_group(app: &TestApp, name: &str, title: &str) -> ActorId {
    let id = remote::store_remote_actor(
        &app.ctx,
        RemoteActor {
            ap_id: format!("https://{PEER}/g/{name}"),
            host: PEER.into(),
            kind: RemoteActorKind::Group,
            name: name.into(),
            display_name: title.into(),
            summary_html: String::new(),
            inbox: format!("https://{PEER}/g/{name}/inbox"),
            shared_inbox: None,
            followers: None,
            public_key_pem: "-----BEGIN PUBLIC KEY-----".into(),
            group_kind: Some("project".into()),
            avatar: None,
            header: None,
            extras: Default::default(),
        },
    )
    .await
    .expect("remote group stored");
    let project =
        allmende::domain::project::Project::parse_lenient(&allmende::domain::project::ProjectParts {
            summary: format!("{title} abroad"),
            status: "planned".into(),
            focus_areas: vec!["mobility".into()],
            region: "Västra Götaland".into(),
            partners: vec![("Borås Energi".into(), String::new())],
            ..Default::default()
        });
    projects::store_remote_project(&app.ctx, id, Some(project)).await.expect("remote project stored");
    id
}

async fn owner_edits_the_project_through_the_web_form(app: TestApp) {
    let ana = app.signed_in_user("ana").await;
    groups::create_group(&app.ctx, ana.id, group("solar", "project")).await.expect("group");
    let (status, page) = app.get_html("/g/solar/project").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("name=\"focus_areas\" value=\"energy\""), "the configured focus areas are offered");

    let response = app.post_form("/g/solar/project", &full_form()).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/g/solar");

    let (status, page) = app.get_html("/g/solar").await;
    assert_eq!(status, StatusCode::OK);
    for shown in [
        "Solar panels on every school roof",
        "Running",
        "Energy",
        "Co-creation",
        "#solar",
        "Kreis Borken",
        "Stadtwerke Borken",
        "@stadtwerke@borken.example",
        "EU LIFE",
        "https://solar.borken.example/",
        "Survey the roofs",
        "15 January 2026",
        "due 30 September 2026",
    ] {
        assert!(page.contains(shown), "the group page shows {shown:?}");
    }
    let project_at = page.find("project-heading").expect("project section");
    let threads_at = page.find("threads-heading").expect("threads section");
    assert!(project_at < threads_at, "the project comes before the discussion");

    // The form shows what was saved; the change is an event for the group's followers.
    let (_, form) = app.get_html("/g/solar/project").await;
    assert!(form.contains("Survey the roofs | done | 2026-03-01"));
    let group_id = groups::get_group_page(&app.ctx, "solar", None, None).await.expect("group").0.id;
    assert!(
        domain_events(&app).await.contains(&DomainEvent::ProfileUpdated { actor_id: group_id.0 }),
        "an Update of the group goes to its followers"
    );

    // A visitor's page speaks their browser's language.
    let german = reqwest::Client::new()
        .get(app.url("/g/solar"))
        .header("accept-language", "de")
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("body");
    assert!(
        german.contains("Laufend")
            && german.contains("Handlungsfelder")
            && german.contains("15. Januar 2026")
    );
}

async fn invalid_project_forms_are_refused_and_nothing_is_stored(app: TestApp) {
    let ana = app.signed_in_user("ana").await;
    groups::create_group(&app.ctx, ana.id, group("solar", "project")).await.expect("group");
    let mut bad = full_form();
    bad.retain(|(k, _)| !matches!(*k, "status" | "end_date" | "website" | "measures" | "focus_areas"));
    bad.extend([
        ("status", "finished"),
        ("end_date", "2025-01-01"),
        ("website", "javascript:alert(1)"),
        ("measures", "Roofs | someday"),
        ("focus_areas", "space-travel"),
    ]);
    let response = app.post_form("/g/solar/project", &bad).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.expect("body");
    for message in [
        "Choose one of the offered statuses.",
        "The end must not be before the start.",
        "Enter a web address starting with http:// or https://.",
        "Write the status of a measure as planned, running or done.",
        "Choose among the offered focus areas.",
    ] {
        assert!(page.contains(message), "the form says {message:?}");
    }
    assert!(page.contains("Roofs | someday"), "the input is kept");
    assert!(page.contains("aria-invalid=\"true\""));
    assert_eq!(count_rows(&app, "projects").await, 0, "nothing stored");

    let bad_date = [("status", "idea"), ("start_date", "2026-02-30")];
    let response = app.post_form("/g/solar/project", &bad_date).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.text().await.expect("body").contains("Write the date as YYYY-MM-DD"));
    assert_eq!(count_rows(&app, "projects").await, 0, "nothing stored");
}

async fn only_owners_and_moderators_edit_projects(app: TestApp) {
    let ana = app.create_user("ana").await;
    groups::create_group(&app.ctx, ana.id, group("solar", "project")).await.expect("group");
    groups::create_group(&app.ctx, ana.id, group("energy", "discussion")).await.expect("group");
    assert_eq!(
        app.get("/g/solar/project").await.status(),
        StatusCode::SEE_OTHER,
        "signed out: sign in first"
    );
    app.signed_in_user("bob").await;
    assert_eq!(app.get("/g/solar/project").await.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.post_form("/g/solar/project", &full_form()).await.status(), StatusCode::FORBIDDEN);
    let (_, page) = app.get_html("/g/solar").await;
    assert!(!page.contains("/g/solar/project"), "no edit link for members");
    assert_eq!(
        app.get("/g/energy/project").await.status(),
        StatusCode::NOT_FOUND,
        "discussion groups have none"
    );
    assert_eq!(count_rows(&app, "projects").await, 0);
    assert_eq!(count_rows(&app, "domain_events").await, 2, "only the two GroupCreated");
}

async fn directory_filters_local_followed_and_featured_projects(app: TestApp) {
    let ana = app.create_user("ana").await;
    for (name, form) in [
        ("solar", project_form("running", "energy", "Kreis Borken", "Stadtwerke Borken")),
        ("bikes", project_form("planned", "mobility", "Gronau", "ADFC Gronau")),
        ("trees", project_form("completed", "nature", "Kreis Borken", "@nabu@borken.example")),
    ] {
        groups::create_group(&app.ctx, ana.id, group(name, "project")).await.expect("group");
        projects::update_project(&app.ctx, &ana, name, &form).await.expect("project");
    }
    groups::create_group(&app.ctx, ana.id, group("empty-project", "project")).await.expect("group");
    let featured = remote_project_group(&app, "cykel", "Cykelstaden").await;
    remote_project_group(&app, "hidden", "Nobody follows this").await;
    let root = admin(&app, "coordinator").await;
    projects::set_featured(&app.ctx, &root, featured, true).await.expect("featured");

    let handles = |query: DirectoryQuery| {
        let ctx = app.ctx.clone();
        async move {
            projects::list_directory(&ctx, &query)
                .await
                .expect("directory")
                .entries
                .into_iter()
                .map(|e| e.handle)
                .collect::<Vec<_>>()
        }
    };
    let remote = format!("cykel@{PEER}");
    let all = handles(DirectoryQuery::default()).await;
    assert_eq!(all.len(), 5, "{all:?}");
    assert!(all.contains(&remote) && !all.iter().any(|h| h.starts_with("hidden")), "{all:?}");
    let status = DirectoryQuery { status: "running".into(), ..Default::default() };
    assert_eq!(handles(status).await, ["solar"]);
    let focus = DirectoryQuery { focus_area: "mobility".into(), ..Default::default() };
    assert_eq!(handles(focus).await, ["bikes", remote.as_str()]);
    let region = DirectoryQuery { region: "borken".into(), ..Default::default() };
    assert_eq!(handles(region).await, ["solar", "trees"]);
    let partner = DirectoryQuery { partner: "nabu@".into(), ..Default::default() };
    assert_eq!(handles(partner).await, ["trees"]);
    // `%` and `_` in a filter are letters, not wildcards.
    for wildcard in ["%", "_", "b_rken", "\\"] {
        let query = DirectoryQuery { region: wildcard.into(), ..Default::default() };
        assert_eq!(handles(query).await, Vec::<String>::new(), "{wildcard}");
    }

    let (status, page) = app.get_html("/projects?focus=mobility").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("Cykelstaden") && page.contains(&format!("on {PEER}")) && page.contains("Featured")
    );
    assert!(!page.contains("Title of solar"), "filtered out");
    assert!(page.contains("2 projects"));
    let (_, polish) = {
        let response = reqwest::Client::new()
            .get(app.url("/projects?region=borken"))
            .header("accept-language", "pl")
            .send()
            .await
            .expect("page");
        (response.status(), response.text().await.expect("body"))
    };
    assert!(polish.contains("2 projekty"), "Polish plural");

    // Only coordinators feature, and only remote project groups.
    let bob = app.create_user("bob").await;
    assert!(matches!(
        projects::set_featured(&app.ctx, &bob, featured, false).await,
        Err(ServiceError::Forbidden)
    ));
    let local = groups::get_group_page(&app.ctx, "solar", None, None).await.expect("group").0.id;
    assert!(matches!(
        projects::set_featured(&app.ctx, &root, local, true).await,
        Err(ServiceError::Invalid(_))
    ));
    app.sign_in("bob").await;
    let response = app.post_form("/projects/featured/remove", &[("handle", &remote)]).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    app.sign_in("coordinator").await;
    let response = app.post_form("/projects/featured/remove", &[("handle", &remote)]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(handles(DirectoryQuery::default()).await.len(), 4, "no longer featured, nobody follows it");
}

async fn the_group_document_carries_the_project(app: TestApp) {
    let ana = app.create_user("ana").await;
    groups::create_group(&app.ctx, ana.id, group("solar", "project")).await.expect("group");
    let form = ProjectForm {
        summary: "Solar <roofs>".into(),
        status: "running".into(),
        start_date: "2026-01-15".into(),
        focus_areas: vec!["energy".into()],
        partners: "Stadtwerke | @stadtwerke@borken.example".into(),
        website: "https://solar.example/".into(),
        measures: "Survey | done | 2026-03-01".into(),
        ..ProjectForm::default()
    };
    projects::update_project(&app.ctx, &ana, "solar", &form).await.expect("project");
    let document: Value = app
        .client
        .get(app.url("/g/solar"))
        .header("accept", "application/activity+json")
        .send()
        .await
        .expect("actor")
        .json()
        .await
        .expect("JSON");
    assert_eq!(document["type"], "Group");
    let fields = document["attachment"].as_array().expect("attachment");
    let field = |name: &str| fields.iter().find(|f| f["name"] == name).map(|f| f["value"].clone());
    assert_eq!(field("Kind"), Some(Value::from("Project group")));
    assert_eq!(field("Status"), Some(Value::from("Running")));
    assert_eq!(field("Timeframe"), Some(Value::from("from 2026-01-15")));
    assert!(fields.iter().all(|f| f["type"] == "PropertyValue"));
    let project = &document["project"];
    assert_eq!(project["status"], "running");
    assert_eq!(project["summary"], "Solar <roofs>");
    assert_eq!(project["focusAreas"], serde_json::json!(["energy"]));
    assert_eq!(project["partners"][0]["href"], "@stadtwerke@borken.example");
    assert_eq!(project["measures"][0]["due"], "2026-03-01");
    let context = document["@context"].to_string();
    assert!(context.contains("\"allmende\":\"urn:allmende:ns#\"") && context.contains("\"@json\""));
}

async fn a_group_follows_remote_groups_and_shows_their_threads(app: TestApp) {
    let ana = app.signed_in_user("ana").await;
    groups::create_group(&app.ctx, ana.id, group("climate-borken", "discussion")).await.expect("group");
    let remote_group = remote_project_group(&app, "cykel", "Cykelstaden").await;
    let bob = app.create_user("bob").await;
    assert!(matches!(
        network::follow_remote_group(&app.ctx, &bob, "climate-borken", remote_group).await,
        Err(ServiceError::Forbidden)
    ));
    let followed =
        network::follow_remote_group(&app.ctx, &ana, "climate-borken", remote_group).await.expect("followed");
    assert_eq!(followed.map(|u| u.to_string()), Some(format!("https://{PEER}/g/cykel")));
    let group_id = groups::get_group_page(&app.ctx, "climate-borken", None, None).await.expect("group").0.id;
    assert!(
        domain_events(&app).await.iter().any(|e| matches!(e,
            DomainEvent::Followed { follower_id, followed_id, .. }
                if *follower_id == group_id.0 && *followed_id == remote_group.0)),
        "the group's Follow goes out"
    );

    let author = remote::store_remote_actor(
        &app.ctx,
        RemoteActor {
            ap_id: format!("https://{PEER}/u/lena"),
            host: PEER.into(),
            kind: RemoteActorKind::Person,
            name: "lena".into(),
            display_name: "Lena".into(),
            summary_html: String::new(),
            inbox: format!("https://{PEER}/u/lena/inbox"),
            shared_inbox: None,
            followers: None,
            public_key_pem: "-----BEGIN PUBLIC KEY-----".into(),
            group_kind: None,
            avatar: None,
            header: None,
            extras: Default::default(),
        },
    )
    .await
    .expect("author");
    remote::store_remote_post(
        &app.ctx,
        RemotePost {
            visibility: Default::default(),
            ap_id: format!("https://{PEER}/t/1"),
            author,
            group: Some(remote_group),
            in_reply_to: None,
            title: Some("Cargo bikes for the library".into()),
            content_html: "<p>Who has tried it?</p>".into(),
            language: Some("sv".into()),
            sensitive: false,
            content_warning: None,
            published: app.ctx.now(),
            updated: None,
            activity_json: None,
            media: Vec::new(),
        },
    )
    .await
    .expect("remote thread");

    let (status, page) = app.get_html("/g/climate-borken/network").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Cargo bikes for the library"));
    assert!(page.contains(&format!("from @cykel@{PEER}")), "marked with its origin");
    assert!(page.contains("waiting for acceptance"));
    assert!(page.contains("Follows 1 group"));

    // Once the remote group accepts, the group's members find its threads in their home feeds
    // (web and app); others do not.
    assert!(remote::follow_was_accepted(&app.ctx, group_id, remote_group).await.expect("accepted"));
    allmende::service::follows::follow_group(&app.ctx, &bob, "climate-borken").await.expect("bob follows");
    app.create_user("carl").await;
    app.sign_in("bob").await;
    let (_, feed) = app.get_html("/feed").await;
    assert!(feed.contains("Cargo bikes for the library"), "{feed}");
    let bob_api = crate::api_support::Api::for_user(&app, "bob").await;
    let timeline = bob_api.get_json("/api/v1/timelines/home").await;
    assert!(timeline.to_string().contains("Cargo bikes for the library"), "{timeline}");
    let carl_api = crate::api_support::Api::for_user(&app, "carl").await;
    assert_eq!(carl_api.get_json("/api/v1/timelines/home").await, serde_json::json!([]));
    app.post_form("/logout", &[]).await;
    app.sign_in("carl").await;
    let (_, feed) = app.get_html("/feed").await;
    assert!(!feed.contains("Cargo bikes for the library"));
    app.post_form("/logout", &[]).await;

    // A member who does not moderate cannot change what the group follows.
    app.sign_in("bob").await;
    let response =
        app.post_form("/g/climate-borken/network/unfollow", &[("handle", &format!("cykel@{PEER}"))]).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    app.sign_in("ana").await;
    let response =
        app.post_form("/g/climate-borken/network/unfollow", &[("handle", &format!("cykel@{PEER}"))]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert!(matches!(domain_events(&app).await.last(), Some(DomainEvent::Unfollowed { .. })));
    let (_, page) = app.get_html("/g/climate-borken/network").await;
    assert!(!page.contains("Cargo bikes for the library"));
}

on_both_backends!(
    owner_edits_the_project_through_the_web_form,
    invalid_project_forms_are_refused_and_nothing_is_stored,
    only_owners_and_moderators_edit_projects,
    directory_filters_local_followed_and_featured_projects,
    the_group_document_carries_the_project,
    a_group_follows_remote_groups_and_shows_their_threads,
);

/// The directory is one query, whatever the number of projects, local or remote.
async fn directory_has_a_constant_query_count(app: TestApp) {
    let ana = app.create_user("ana").await;
    let count = |ctx: allmende::service::Context| async move {
        count_queries(projects::list_directory(&ctx, &DirectoryQuery::default())).await
    };
    groups::create_group(&app.ctx, ana.id, group("solar", "project")).await.expect("group");
    projects::update_project(&app.ctx, &ana, "solar", &project_form("running", "energy", "Borken", "A"))
        .await
        .expect("project");
    let (few, listed) = count(app.ctx.clone()).await;
    assert_eq!(listed.expect("directory").entries.len(), 1);
    let root = admin(&app, "coordinator").await;
    for i in 0..12 {
        let name = format!("project-{i}");
        groups::create_group(&app.ctx, ana.id, group(&name, "project")).await.expect("group");
        projects::update_project(&app.ctx, &ana, &name, &project_form("planned", "mobility", "Gronau", "B"))
            .await
            .expect("project");
        let remote = remote_project_group(&app, &format!("remote-{i}"), &format!("Remote {i}")).await;
        projects::set_featured(&app.ctx, &root, remote, true).await.expect("featured");
    }
    let (many, listed) = count(app.ctx.clone()).await;
    let listed = listed.expect("directory");
    assert_eq!((listed.entries.len(), listed.total, listed.has_more), (25, 25, false));
    assert_eq!(few, 1, "the directory is one query");
    assert_eq!(many, few, "the directory costs the same whatever its length");
}

/// Past one page, the directory links to the next page and back, keeping the filters.
async fn the_directory_is_paged(app: TestApp) {
    let ana = app.create_user("ana").await;
    for i in 0..55 {
        groups::create_group(&app.ctx, ana.id, group(&format!("project-{i:02}"), "project"))
            .await
            .expect("group");
    }
    let (status, first) = app.get_html("/projects").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(first.matches("<article").count(), 50);
    assert!(first.contains("55 projects"), "the count is of all pages");
    assert!(first.contains(r#"rel="next" href="/projects?page=2""#) && !first.contains(r#"rel="prev""#));
    let (_, second) = app.get_html("/projects?page=2").await;
    assert_eq!(second.matches("<article").count(), 5);
    assert!(second.contains(r#"rel="prev" href="/projects""#) && !second.contains(r#"rel="next""#));
    let (_, filtered) = app.get_html("/projects?status=running&page=2").await;
    assert_eq!(filtered.matches("<article").count(), 0);
    let (status, beyond) = app.get_html("/projects?page=99").await;
    assert_eq!(status, StatusCode::OK);
    assert!(beyond.contains(r#"rel="prev" href="/projects?page=98""#));
}

/// Mastodon apps show a project group's project as the account's profile fields.
async fn apps_see_the_project_as_profile_fields(app: TestApp) {
    let ana = app.create_user("ana").await;
    groups::create_group(&app.ctx, ana.id, group("solar", "project")).await.expect("group");
    projects::update_project(
        &app.ctx,
        &ana,
        "solar",
        &project_form("running", "energy", "Kreis <Borken>", "NABU"),
    )
    .await
    .expect("project");
    let api = crate::api_support::Api::for_user(&app, "ana").await;
    let account = api.get_json("/api/v1/accounts/lookup?acct=solar").await;
    assert_eq!(account["group"], true);
    let fields = account["fields"].as_array().expect("fields");
    let field = |name: &str| {
        fields.iter().find(|f| f["name"] == name).map(|f| f["value"].as_str().unwrap_or_default().to_owned())
    };
    assert_eq!(field("Status").as_deref(), Some("Running"), "{account}");
    assert_eq!(field("Region").as_deref(), Some("Kreis &lt;Borken&gt;"), "escaped: {account}");
    assert_eq!(field("Partners").as_deref(), Some("NABU"));
    let by_id =
        api.get_json(&format!("/api/v1/accounts/{}", account["id"].as_str().unwrap_or_default())).await;
    assert_eq!(by_id["fields"], account["fields"]);
}

on_both_backends!(the_directory_is_paged, apps_see_the_project_as_profile_fields);

#[tokio::test(flavor = "current_thread")]
async fn sqlite_directory_has_a_constant_query_count() {
    directory_has_a_constant_query_count(TestApp::spawn(Backend::Sqlite).await).await;
}

#[tokio::test(flavor = "current_thread")]
async fn postgres_directory_has_a_constant_query_count() {
    match TestApp::spawn_postgres().await {
        Some(app) => directory_has_a_constant_query_count(app).await,
        None => eprintln!("skipped: ALLMENDE_TEST_POSTGRES_URL is not set"),
    }
}

/// Every refusal of the project form has a message in every language.
#[test]
fn project_refusals_are_translated() {
    use allmende::domain::project::{Project, ProjectParts};
    use allmende::web::i18n::{Translator, field_errors};
    let bad = ProjectForm {
        status: "x".into(),
        start_date: "2027-01-01".into(),
        end_date: "2026-01-01".into(),
        focus_areas: vec!["x".into()],
        website: "ftp://x".into(),
        partners: "| nonsense\nName | nonsense".into(),
        funders: "| https://x.example".into(),
        measures: "T | maybe\nT | done | someday".into(),
        tags: (0..30).map(|i| format!("t{i}")).collect::<Vec<_>>().join(","),
        ..ProjectForm::default()
    };
    let errors = Project::parse(&ProjectParts::from_form(&bad), &["energy".into()]).expect_err("refused");
    let mut seen = 0;
    for error in errors.iter() {
        let (id, _) = field_errors::message_for(error).unwrap_or_else(|| panic!("no message for {error}"));
        for (code, _) in allmende::domain::language::UI_LANGUAGES {
            let text = field_errors::translate(error, &Translator::new(code));
            assert!(!text.is_empty() && text != id, "{code} lacks {id}");
        }
        seen += 1;
    }
    assert!(seen >= 9, "{errors}");
}

//! Groups, threads and the directory through the service layer.

use allmende::domain::{DomainEvent, GroupKind};
use allmende::service::groups::{self, NewGroup};
use allmende::service::threads::{self, NewThread};
use allmende::service::{ServiceError, follows};

use crate::common::{TestApp, count_rows};
use crate::on_both_backends;

pub fn group(name: &str, kind: &str) -> NewGroup {
    NewGroup {
        name: name.into(),
        kind: kind.into(),
        title: format!("Title of {name}"),
        description: "About **it**".into(),
    }
}

pub fn thread(title: &str) -> NewThread {
    NewThread {
        title: title.into(),
        body: format!("Body of {title}"),
        language: None,
        content_warning: None,
        ..Default::default()
    }
}

pub async fn domain_events(app: &TestApp) -> Vec<DomainEvent> {
    let mut conn = app.ctx.db.acquire().await.expect("connection");
    allmende::db::domain_events::list_pending_domain_events(&mut conn.conn(), 1000)
        .await
        .expect("events")
        .into_iter()
        .map(|row| serde_json::from_str(&row.payload).expect("event JSON"))
        .collect()
}

pub async fn creator_owns_the_new_group(app: TestApp) {
    let ana = app.create_user("ana").await;
    let name =
        groups::create_group(&app.ctx, ana.id, group("borken-solar", "project")).await.expect("created");
    let (details, threads) = groups::get_group_page(&app.ctx, &name, Some(&ana), None).await.expect("page");
    assert_eq!(details.kind, GroupKind::Project);
    assert_eq!(details.title, "Title of borken-solar");
    assert!(details.summary_html.contains("<strong>it</strong>"));
    assert_eq!(details.viewer_role.as_deref(), Some("owner"));
    assert_eq!(details.moderators.len(), 1);
    assert!(threads.items.is_empty());
    assert!(matches!(domain_events(&app).await.as_slice(), [DomainEvent::GroupCreated { .. }]));
}

pub async fn bad_groups_are_refused_and_nothing_is_stored(app: TestApp) {
    let ana = app.create_user("ana").await;
    let before = count_rows(&app, "actors").await;
    for (input, field) in [
        (group("Energy", "discussion"), "name"),
        (group("inbox", "discussion"), "name"),
        (group("energy", "party"), "kind"),
        (NewGroup { title: "   ".into(), ..group("energy", "discussion") }, "title"),
        (NewGroup { title: "x".repeat(101), ..group("energy", "discussion") }, "title"),
    ] {
        match groups::create_group(&app.ctx, ana.id, input).await {
            Err(ServiceError::Invalid(errors)) => assert!(errors.get(field).is_some(), "{field}: {errors}"),
            other => panic!("expected refusal on {field}, got {other:?}"),
        }
    }
    assert_eq!(count_rows(&app, "actors").await, before);
    assert_eq!(count_rows(&app, "domain_events").await, 0);
}

pub async fn directory_filters_by_kind_and_pages_by_name(app: TestApp) {
    let ana = app.create_user("ana").await;
    for i in 0..5 {
        groups::create_group(&app.ctx, ana.id, group(&format!("project-{i}"), "project"))
            .await
            .expect("created");
        groups::create_group(&app.ctx, ana.id, group(&format!("theme-{i}"), "discussion"))
            .await
            .expect("created");
    }
    let projects =
        groups::list_groups(&app.ctx, Some(GroupKind::Project), None, Some(3)).await.expect("list");
    assert_eq!(
        projects.items.iter().map(|g| g.name.as_str()).collect::<Vec<_>>(),
        ["project-0", "project-1", "project-2"]
    );
    let rest =
        groups::list_groups(&app.ctx, Some(GroupKind::Project), projects.next_cursor.as_deref(), Some(3))
            .await
            .expect("list");
    assert_eq!(rest.items.iter().map(|g| g.name.as_str()).collect::<Vec<_>>(), ["project-3", "project-4"]);
    assert!(rest.next_cursor.is_none());
    let all = groups::list_groups(&app.ctx, None, None, Some(100)).await.expect("list");
    assert_eq!(all.items.len(), 10);
}

pub async fn following_counts_once_and_unfollow_stops(app: TestApp) {
    let ana = app.create_user("ana").await;
    let bob = app.create_user("bob").await;
    groups::create_group(&app.ctx, ana.id, group("energy", "discussion")).await.expect("created");
    follows::follow_group(&app.ctx, &bob, "energy").await.expect("follows");
    follows::follow_group(&app.ctx, &bob, "energy").await.expect("follows again");
    let (details, _) = groups::get_group_page(&app.ctx, "energy", Some(&bob), None).await.expect("page");
    assert_eq!(details.follower_count, 1);
    assert!(details.viewer_follows);
    follows::unfollow_group(&app.ctx, &bob, "energy").await.expect("unfollows");
    follows::unfollow_group(&app.ctx, &bob, "energy").await.expect("unfollowing twice is harmless");
    let (details, _) = groups::get_group_page(&app.ctx, "energy", Some(&bob), None).await.expect("page");
    assert_eq!(details.follower_count, 0);
    assert!(!details.viewer_follows);
    let kinds: Vec<_> = domain_events(&app)
        .await
        .into_iter()
        .filter(|e| !matches!(e, DomainEvent::GroupCreated { .. }))
        .collect();
    assert!(
        matches!(kinds.as_slice(), [DomainEvent::Followed { .. }, DomainEvent::Unfollowed { .. }]),
        "{kinds:?}"
    );
    assert!(matches!(follows::follow_group(&app.ctx, &bob, "nope").await, Err(ServiceError::NotFound)));
}

pub async fn group_threads_page_by_latest_activity(app: TestApp) {
    let ana = app.create_user("ana").await;
    groups::create_group(&app.ctx, ana.id, group("energy", "discussion")).await.expect("created");
    let mut ids = Vec::new();
    for i in 0..25 {
        app.clock.advance_seconds(1);
        ids.push(
            threads::create_thread(&app.ctx, &ana, "energy", thread(&format!("Thread {i}")))
                .await
                .expect("thread"),
        );
    }
    // A reply bumps the oldest thread to the top.
    app.clock.advance_seconds(1);
    allmende::service::posts::reply(
        &app.ctx,
        &ana,
        ids[0],
        allmende::service::posts::NewReply {
            body: "bump".into(),
            language: None,
            content_warning: None,
            ..Default::default()
        },
    )
    .await
    .expect("reply");
    let (details, first) = groups::get_group_page(&app.ctx, "energy", None, None).await.expect("page");
    assert_eq!(details.thread_count, 25);
    assert_eq!(first.items.len(), 20);
    assert_eq!(first.items[0].title.as_deref(), Some("Thread 0"));
    assert_eq!(first.items[1].title.as_deref(), Some("Thread 24"));
    let (_, second) =
        groups::get_group_page(&app.ctx, "energy", None, first.next_cursor.as_deref()).await.expect("page");
    assert_eq!(second.items.len(), 5);
    assert!(second.next_cursor.is_none());
    let mut seen: Vec<_> = first.items.iter().chain(&second.items).map(|p| p.id).collect();
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 25, "every thread once, none twice");
    let latest = threads::list_latest_threads(&app.ctx, None, None).await.expect("latest");
    assert_eq!(latest.items[0].title.as_deref(), Some("Thread 0"));
}

pub async fn threads_need_a_title_a_body_and_an_existing_group(app: TestApp) {
    let ana = app.create_user("ana").await;
    groups::create_group(&app.ctx, ana.id, group("energy", "discussion")).await.expect("created");
    let empty = threads::create_thread(
        &app.ctx,
        &ana,
        "energy",
        NewThread {
            title: " ".into(),
            body: "".into(),
            language: None,
            content_warning: None,
            ..Default::default()
        },
    )
    .await;
    match empty {
        Err(ServiceError::Invalid(errors)) => {
            assert!(errors.get("title").is_some() && errors.get("body").is_some(), "{errors}");
        }
        other => panic!("expected refusal, got {other:?}"),
    }
    let missing = threads::create_thread(&app.ctx, &ana, "nope", thread("Hello")).await;
    assert!(matches!(missing, Err(ServiceError::NotFound)));
    assert_eq!(count_rows(&app, "posts").await, 0);
}

on_both_backends!(
    creator_owns_the_new_group,
    bad_groups_are_refused_and_nothing_is_stored,
    directory_filters_by_kind_and_pages_by_name,
    following_counts_once_and_unfollow_stops,
    group_threads_page_by_latest_activity,
    threads_need_a_title_a_body_and_an_existing_group,
);

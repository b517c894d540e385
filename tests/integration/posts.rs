//! Replies, edits, deletions and likes through the service layer, with their permission rules.

use allmende::domain::{DomainEvent, PostId};
use allmende::service::posts::{self, NewReply, PostEdit};
use allmende::service::threads;
use allmende::service::{CurrentUser, ServiceError, groups};

use crate::common::TestApp;
use crate::groups::{domain_events, group, thread};
use crate::on_both_backends;

fn reply_text(body: &str) -> NewReply {
    NewReply { body: body.into(), language: None, content_warning: None, ..Default::default() }
}

/// ana owns group `energy` and opened a thread in it.
async fn thread_by_ana(app: &TestApp) -> (CurrentUser, PostId) {
    let ana = app.create_user("ana").await;
    groups::create_group(&app.ctx, ana.id, group("energy", "discussion")).await.expect("group");
    let id = threads::create_thread(&app.ctx, &ana, "energy", thread("Heat pumps")).await.expect("thread");
    (ana, id)
}

pub async fn replies_join_the_thread_in_order(app: TestApp) {
    let (ana, opener) = thread_by_ana(&app).await;
    let bob = app.create_user("bob").await;
    let first = posts::reply(&app.ctx, &bob, opener, reply_text("First")).await.expect("reply");
    let nested =
        posts::reply(&app.ctx, &ana, first, reply_text("Answer to bob")).await.expect("nested reply");
    let page = threads::get_thread_page(&app.ctx, opener, Some(&bob), None).await.expect("thread");
    assert_eq!(page.opener.reply_count, 2);
    let ids: Vec<_> = page.replies.items.iter().map(|p| p.id).collect();
    assert_eq!(ids, [first, nested]);
    assert_eq!(page.replies.items[1].in_reply_to_id, Some(first));
    assert!(page.replies.items[0].viewer_can_edit && !page.replies.items[1].viewer_can_edit);
    assert!(matches!(
        threads::get_thread_page(&app.ctx, first, None, None).await,
        Err(ServiceError::NotFound)
    ));
    let events = domain_events(&app).await;
    assert_eq!(events.iter().filter(|e| matches!(e, DomainEvent::ReplyCreated { .. })).count(), 2);
}

pub async fn thread_replies_page_in_written_order(app: TestApp) {
    let (ana, opener) = thread_by_ana(&app).await;
    for i in 0..45 {
        posts::reply(&app.ctx, &ana, opener, reply_text(&format!("Reply {i}"))).await.expect("reply");
    }
    let mut cursor: Option<String> = None;
    let mut bodies = Vec::new();
    loop {
        let page = threads::get_thread_page(&app.ctx, opener, None, cursor.as_deref()).await.expect("page");
        assert!(page.replies.items.len() <= 20);
        bodies.extend(page.replies.items.iter().map(|p| p.source.clone().unwrap_or_default()));
        match page.replies.next_cursor {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    let expected: Vec<String> = (0..45).map(|i| format!("Reply {i}")).collect();
    assert_eq!(bodies, expected);
}

pub async fn only_the_author_edits(app: TestApp) {
    let (ana, opener) = thread_by_ana(&app).await;
    let bob = app.create_user("bob").await;
    let edit = PostEdit {
        title: Some("Heat pumps in old houses".into()),
        body: "New **text**".into(),
        ..PostEdit::default()
    };
    assert!(matches!(
        posts::edit_post(&app.ctx, &bob, opener, edit.clone()).await,
        Err(ServiceError::Forbidden)
    ));
    posts::edit_post(&app.ctx, &ana, opener, edit).await.expect("author edits");
    let post = posts::get_post(&app.ctx, opener, None).await.expect("post");
    assert_eq!(post.title.as_deref(), Some("Heat pumps in old houses"));
    assert!(post.content_html.contains("<strong>text</strong>"));
    assert!(post.updated_at.is_some());
    let empty = posts::edit_post(
        &app.ctx,
        &ana,
        opener,
        PostEdit { title: None, body: " ".into(), ..PostEdit::default() },
    )
    .await;
    assert!(matches!(empty, Err(ServiceError::Invalid(_))));
    let unchanged = posts::get_post(&app.ctx, opener, None).await.expect("post");
    assert_eq!(unchanged.source.as_deref(), Some("New **text**"), "a refused edit changes nothing");
}

pub async fn authors_moderators_and_admins_delete_others_do_not(app: TestApp) {
    let (ana, opener) = thread_by_ana(&app).await;
    let bob = app.create_user("bob").await;
    let carl = app.create_user("carl").await;
    let bobs = posts::reply(&app.ctx, &bob, opener, reply_text("Bob's reply")).await.expect("reply");
    let carls = posts::reply(&app.ctx, &carl, opener, reply_text("Carl's reply")).await.expect("reply");
    assert!(matches!(posts::delete_post(&app.ctx, &carl, bobs).await, Err(ServiceError::Forbidden)));
    posts::delete_post(&app.ctx, &bob, bobs).await.expect("author deletes");
    posts::delete_post(&app.ctx, &ana, carls).await.expect("group owner moderates");
    assert!(matches!(posts::delete_post(&app.ctx, &bob, bobs).await, Err(ServiceError::NotFound)));
    let admin = allmende::service::accounts::create_account(
        &app.ctx,
        allmende::service::accounts::NewAccount {
            username: "admin-dora".into(),
            email: None,
            password: crate::common::PASSWORD.into(),
            admin: true,
        },
    )
    .await
    .expect("admin");
    let anas = posts::reply(&app.ctx, &ana, opener, reply_text("Ana's reply")).await.expect("reply");
    assert!(
        matches!(
            posts::edit_post(
                &app.ctx,
                &admin,
                anas,
                PostEdit { title: None, body: "x".into(), ..PostEdit::default() }
            )
            .await,
            Err(ServiceError::Forbidden)
        ),
        "admins do not edit others' words"
    );
    posts::delete_post(&app.ctx, &admin, anas).await.expect("admin deletes");
    let page = threads::get_thread_page(&app.ctx, opener, None, None).await.expect("thread");
    // Bob's own deletion leaves nothing; the moderator's and the admin's are removals, which
    // stay as placeholders ("removed by the moderators"), restorable.
    assert_eq!(page.replies.items.len(), 2, "deleted replies without answers disappear");
    assert!(
        page.replies.items.iter().all(|reply| reply.deleted && reply.removal_reason.as_deref() == Some(""))
    );
    assert_eq!(page.opener.reply_count, 0);
}

pub async fn deleted_posts_with_replies_leave_a_placeholder(app: TestApp) {
    let (ana, opener) = thread_by_ana(&app).await;
    let bob = app.create_user("bob").await;
    let question = posts::reply(&app.ctx, &bob, opener, reply_text("A question")).await.expect("reply");
    posts::reply(&app.ctx, &ana, question, reply_text("An answer")).await.expect("answer");
    posts::delete_post(&app.ctx, &bob, question).await.expect("deleted");
    posts::delete_post(&app.ctx, &ana, opener).await.expect("opener deleted");
    let page = threads::get_thread_page(&app.ctx, opener, None, None).await.expect("thread stays");
    assert!(page.opener.deleted);
    assert_eq!(page.opener.source, None, "the text is gone");
    assert_eq!(page.replies.items.len(), 2);
    assert!(page.replies.items[0].deleted && page.replies.items[0].content_html.is_empty());
    assert!(!page.replies.items[1].deleted);
    assert!(matches!(
        posts::reply(&app.ctx, &ana, question, reply_text("to a deleted post")).await,
        Err(ServiceError::NotFound)
    ));
    // A deleted thread without replies disappears entirely.
    let lonely = threads::create_thread(&app.ctx, &ana, "energy", thread("Lonely")).await.expect("thread");
    posts::delete_post(&app.ctx, &ana, lonely).await.expect("deleted");
    assert!(matches!(
        threads::get_thread_page(&app.ctx, lonely, None, None).await,
        Err(ServiceError::NotFound)
    ));
    let (details, listed) = groups::get_group_page(&app.ctx, "energy", None, None).await.expect("group");
    assert_eq!(listed.items.len(), 1, "the deleted thread with replies stays listed");
    assert_eq!(details.thread_count, 0);
}

pub async fn likes_count_once_per_person(app: TestApp) {
    let (ana, opener) = thread_by_ana(&app).await;
    let bob = app.create_user("bob").await;
    posts::like_post(&app.ctx, &bob, opener).await.expect("like");
    posts::like_post(&app.ctx, &bob, opener).await.expect("like twice");
    posts::like_post(&app.ctx, &ana, opener).await.expect("like");
    let post = posts::get_post(&app.ctx, opener, Some(&bob)).await.expect("post");
    assert_eq!(post.like_count, 2);
    assert!(post.viewer_liked);
    posts::unlike_post(&app.ctx, &bob, opener).await.expect("unlike");
    posts::unlike_post(&app.ctx, &bob, opener).await.expect("unlike twice");
    let post = posts::get_post(&app.ctx, opener, Some(&bob)).await.expect("post");
    assert_eq!(post.like_count, 1);
    assert!(!post.viewer_liked);
    let events = domain_events(&app).await;
    assert_eq!(events.iter().filter(|e| matches!(e, DomainEvent::PostLiked { .. })).count(), 2);
    assert_eq!(events.iter().filter(|e| matches!(e, DomainEvent::PostUnliked { .. })).count(), 1);
    assert!(matches!(posts::like_post(&app.ctx, &bob, PostId(42)).await, Err(ServiceError::NotFound)));
}

on_both_backends!(
    replies_join_the_thread_in_order,
    thread_replies_page_in_written_order,
    only_the_author_edits,
    authors_moderators_and_admins_delete_others_do_not,
    deleted_posts_with_replies_leave_a_placeholder,
    likes_count_once_per_person,
);

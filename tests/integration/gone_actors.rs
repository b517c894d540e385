//! A 410 Gone from a remote actor's own inbox: the actor was deleted on its server. It is
//! marked gone, its follows end, its other pending deliveries are dropped and nothing is
//! addressed to it any more, until it is fetched again. A 410 from a shared inbox ends only
//! that one delivery: nobody else on the instance is touched.

use allmende::db;
use allmende::domain::ActorId;
use allmende::service::gone_actors::{self, GONE_REASON};
use allmende::service::remote::{self, RemoteActorKind};
use allmende::service::threads;

use crate::common::TestApp;
use crate::groups::thread;
use crate::on_both_backends;
use crate::outbound::{drain, group_with_remote_follower, remote_actor};
use crate::sink::Sink;

/// (state, last_error) of every delivery to `inbox`, oldest first.
async fn deliveries_to(app: &TestApp, inbox: &str) -> Vec<(String, Option<String>)> {
    let mut conn = app.ctx.db.acquire().await.expect("conn");
    let sql = "SELECT state, last_error FROM deliveries WHERE inbox_url = $1 ORDER BY id";
    match conn.conn() {
        db::Conn::Sqlite(c) => sqlx::query_as(sql).bind(inbox).fetch_all(c).await.expect("deliveries"),
        db::Conn::Postgres(c) => sqlx::query_as(sql).bind(inbox).fetch_all(c).await.expect("deliveries"),
    }
}

async fn follows(app: &TestApp, follower: ActorId, followed: ActorId) -> bool {
    let mut conn = app.ctx.db.acquire().await.expect("conn");
    db::follows::is_following(&mut conn.conn(), follower.0, followed.0).await.expect("follow")
}

async fn actor_id(app: &TestApp, ap_id: &str) -> ActorId {
    let mut conn = app.ctx.db.acquire().await.expect("conn");
    ActorId(db::actors::get_actor_by_ap_id(&mut conn.conn(), ap_id).await.expect("actor").expect("stored").id)
}

fn failed(error: &str) -> (String, Option<String>) {
    ("failed".to_owned(), Some(error.to_owned()))
}

pub async fn a_410_from_a_personal_inbox_means_the_actor_is_gone(app: TestApp) {
    let sink = Sink::start().await;
    let other = Sink::start().await;
    // zoe (own inbox `{sink}/inbox`, no shared one) follows the group `energy`; so does bob.
    let (ana, group_id) = group_with_remote_follower(&app, &sink).await;
    let zoe = actor_id(&app, &format!("{}/users/zoe", sink.base_url)).await;
    let bob = remote_actor(&app, &other, RemoteActorKind::Person, "users", "bob", "/inbox", None).await;
    let bob_follow = format!("{}/follows/1", other.base_url);
    remote::accept_remote_follow(&app.ctx, bob, group_id, &bob_follow).await.expect("bob follows");
    drain(&app).await;
    assert!(follows(&app, zoe, group_id).await && follows(&app, bob, group_id).await);
    let (zoe_inbox, bob_inbox) = (sink.inbox(), other.inbox());
    let zoe_seen = sink.received().len();

    sink.answer(&[(410, None)]);
    for n in 0..3 {
        crate::delivery::enqueue(&app, ana.id, n, &[zoe_inbox.clone(), bob_inbox.clone()]).await;
    }
    drain(&app).await;
    assert_eq!(sink.received().len(), zoe_seen + 1, "after the 410 nothing more is sent to zoe");
    assert_eq!(
        deliveries_to(&app, zoe_inbox.as_str()).await[1..],
        [failed("HTTP 410"), failed(GONE_REASON), failed(GONE_REASON)],
        "the Accept, the refused delivery, and the two dropped behind it"
    );
    assert!(gone_actors::is_gone(&app.ctx, zoe).await.expect("gone"), "zoe is marked gone");
    assert!(!follows(&app, zoe, group_id).await, "zoe's follow of the group ended");
    assert!(follows(&app, bob, group_id).await, "bob is not touched");
    assert!(!gone_actors::is_gone(&app.ctx, bob).await.expect("gone"));
    let bob_got: Vec<i64> = other.accepted().iter().filter_map(|body| body["object"]["n"].as_i64()).collect();
    assert_eq!(bob_got, [0, 1, 2]);

    // Nothing is addressed to zoe any more: neither the group's fan-out nor a direct delivery.
    threads::create_thread(&app.ctx, &ana, "energy", thread("After zoe left")).await.expect("thread");
    crate::delivery::enqueue(&app, ana.id, 3, std::slice::from_ref(&zoe_inbox)).await;
    drain(&app).await;
    assert_eq!(sink.received().len(), zoe_seen + 1, "zoe's inbox is not addressed any more");
    assert_eq!(deliveries_to(&app, zoe_inbox.as_str()).await.len(), 4, "nothing new queued for zoe");
    assert!(other.accepted().len() > bob_got.len() + 1, "bob gets the new thread");
    let mut conn = app.ctx.db.acquire().await.expect("conn");
    let instance =
        db::instances::get_instance_by_host(&mut conn.conn(), &sink.host()).await.expect("instance");
    assert_eq!(instance.and_then(|i| i.unavailable_since), None, "zoe's instance is not marked down");
    drop(conn);

    // zoe turns out to exist after all (fetched again): she can be addressed again.
    remote_actor(&app, &sink, RemoteActorKind::Person, "users", "zoe", "/inbox", None).await;
    assert!(!gone_actors::is_gone(&app.ctx, zoe).await.expect("gone"), "a fresh fetch clears the mark");
    crate::delivery::enqueue(&app, ana.id, 4, std::slice::from_ref(&zoe_inbox)).await;
    drain(&app).await;
    assert_eq!(sink.accepted().last().map(|body| body["object"]["n"].clone()), Some(4.into()));
}

pub async fn a_410_from_a_shared_inbox_ends_only_that_delivery(app: TestApp) {
    let sink = Sink::start().await;
    let (ana, group_id) = group_with_remote_follower(&app, &sink).await;
    // Two people on a server with a shared inbox, both following the group.
    let shared = format!("{}/shared-inbox", sink.base_url);
    let mut people = Vec::new();
    for name in ["max", "eva"] {
        let inbox = format!("/users/{name}/inbox");
        let id =
            remote_actor(&app, &sink, RemoteActorKind::Person, "users", name, &inbox, Some("/shared-inbox"))
                .await;
        let follow = format!("{}/follows/{name}", sink.base_url);
        remote::accept_remote_follow(&app.ctx, id, group_id, &follow).await.expect("follows");
        people.push(id);
    }
    drain(&app).await;
    let shared_inbox: url::Url = shared.parse().expect("URL");
    let before = deliveries_to(&app, &shared).await.len();

    sink.answer(&[(410, None)]);
    for n in 0..2 {
        crate::delivery::enqueue(&app, ana.id, n, std::slice::from_ref(&shared_inbox)).await;
    }
    drain(&app).await;
    let states = deliveries_to(&app, &shared).await;
    assert_eq!(
        states[before..],
        [failed("HTTP 410"), ("delivered".to_owned(), None)],
        "the refused delivery is final, the next one is still sent"
    );
    for person in &people {
        assert!(!gone_actors::is_gone(&app.ctx, *person).await.expect("gone"), "nobody is marked gone");
        assert!(follows(&app, *person, group_id).await, "their follows stay");
    }
    crate::delivery::enqueue(&app, ana.id, 2, std::slice::from_ref(&shared_inbox)).await;
    drain(&app).await;
    assert_eq!(deliveries_to(&app, &shared).await.last(), Some(&("delivered".to_owned(), None)));
}

on_both_backends!(
    a_410_from_a_personal_inbox_means_the_actor_is_gone,
    a_410_from_a_shared_inbox_ends_only_that_delivery,
);

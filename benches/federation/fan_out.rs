//! Fan-out: one new thread in a local group with `followers` remote followers spread evenly
//! over `sinks` peer instances, each peer a loopback HTTP server of its own (its own port, so
//! its own host and delivery queue) with a shared inbox. The followers are written straight
//! into the database as remote actors with a `sharedInbox`; the thread is posted through the
//! service, as the web form does, and the real delivery worker of the served application sends
//! it. Timed from the post to the last request any sink received.
//!
//! Checked: every sink received each activity exactly once (one request per shared inbox and
//! activity, however many of its actors follow), and nothing else. A new public thread sends
//! two activities to a group's followers: the group's `Announce` of the `Create` (FEP-1b12)
//! and its plain boost of the thread (what Mastodon followers see).
//!
//! In the same run, 1,000 RSA-2048 signatures with aws-lc-rs are timed as the yardstick.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use allmende::db;
use allmende::federation::signatures::rsa_keys::PrivateKey;
use axum::body::Bytes;
use axum::http::StatusCode;

use super::rsa_rates::time_aws_lc_signatures;
use super::support::{ServedApp, cpu_time, load_average, member_with_group, open_files_limit};

/// What the sinks received: per sink, the activity ids and how often each came.
#[derive(Default)]
struct Received {
    by_sink: Vec<HashMap<String, usize>>,
    total: usize,
    last: Option<Instant>,
}

pub async fn fan_out(sinks: usize, followers: usize) {
    // Each sink is one listening socket; the worker's connections and the accepted ones add up
    // to about two more per sink.
    let needed = (sinks as u64) * 3 + 200;
    if let Some(limit) = open_files_limit()
        && limit < needed
    {
        println!("fan-out: skipped, {sinks} sinks need about {needed} open files and the limit is {limit}");
        return;
    }
    let received =
        Arc::new(Mutex::new(Received { by_sink: vec![HashMap::new(); sinks], ..Received::default() }));
    let mut servers = Vec::with_capacity(sinks);
    let mut ports = Vec::with_capacity(sinks);
    for index in 0..sinks {
        let (port, server) = start_sink(index, received.clone()).await;
        ports.push(port);
        servers.push(server);
    }
    let app = ServedApp::start(true, |_| {}).await;
    let ctx = &app.state.ctx;
    let ana = member_with_group(ctx).await;
    let (public_pem, private_pem) = allmende::service::instance::generate_key_pair().expect("key");
    let seeded = Instant::now();
    {
        let now = ctx.now().millis();
        let mut tx = ctx.db.begin().await.expect("tx");
        let mut conn = tx.conn();
        let group =
            db::groups::get_group_by_handle(&mut conn, "energy").await.expect("group").expect("group");
        for (index, port) in ports.iter().enumerate() {
            let host = format!("127.0.0.1:{port}");
            let instance =
                db::instances::upsert_instance(&mut conn, ctx.new_id(), &host, now).await.expect("peer");
            let per_sink = followers / sinks + usize::from(index < followers % sinks);
            for n in 0..per_sink {
                let ap_id = format!("http://{host}/users/f{n}");
                let inbox = format!("{ap_id}/inbox");
                let shared_inbox = format!("http://{host}/inbox");
                let followers_url = format!("{ap_id}/followers");
                let name = format!("f{n}");
                let actor = db::actors::upsert_remote_actor(
                    &mut conn,
                    &db::actors::RemoteActorUpsert {
                        id: ctx.new_id(),
                        ap_id: &ap_id,
                        kind: "person",
                        name: &name,
                        instance_id: instance.id,
                        inbox_url: &inbox,
                        shared_inbox_url: Some(&shared_inbox),
                        followers_url: Some(&followers_url),
                        display_name: &name,
                        summary_html: "",
                        group_kind: None,
                        public_key_pem: &public_pem,
                        avatar: None,
                        header: None,
                        now,
                    },
                )
                .await
                .expect("follower");
                db::follows::insert_follow(&mut conn, ctx.new_id(), actor, group.id, "accepted", now)
                    .await
                    .expect("follow");
            }
        }
        tx.commit().await.expect("commit");
    }
    let seeding = seeded.elapsed();
    // Let the worker settle (nothing is due), then post.
    tokio::time::sleep(Duration::from_millis(600)).await;
    let load = load_average();
    let cpu = cpu_time();
    let started = Instant::now();
    allmende::service::threads::create_thread(
        ctx,
        &ana,
        "energy",
        allmende::service::threads::NewThread {
            title: "Heat pumps for schools".into(),
            body: "Who has one? What did it cost, and who paid?".into(),
            ..Default::default()
        },
    )
    .await
    .expect("thread");
    app.state.wake_delivery.notify_one();
    let posted = started.elapsed();
    // Wait until the sinks have been quiet for two seconds (the time of the last receipt is
    // what counts; the quiet time only makes sure nothing more was coming).
    let mut seen = 0;
    let mut quiet_since = Instant::now();
    loop {
        tokio::time::sleep(Duration::from_millis(50)).await;
        let total = received.lock().expect("received").total;
        if total != seen {
            seen = total;
            quiet_since = Instant::now();
        } else if (quiet_since.elapsed() > Duration::from_secs(2) && seen > 0)
            || started.elapsed() > Duration::from_secs(600)
        {
            break;
        }
    }
    let cpu_used = cpu_time() - cpu;
    let (elapsed, activities, total) = {
        let received = received.lock().expect("received");
        let last = received.last.expect("something was received");
        let activities: Vec<&String> =
            received.by_sink.first().map(|ids| ids.keys().collect()).unwrap_or_default();
        for (index, ids) in received.by_sink.iter().enumerate() {
            assert!(
                ids.len() == activities.len() && ids.values().all(|&count| count == 1),
                "sink {index} received {ids:?}, the first sink {activities:?}"
            );
        }
        assert_eq!(received.total, activities.len() * sinks, "one request per shared inbox and activity");
        (last.duration_since(started), activities.len(), received.total)
    };
    let key = PrivateKey::from_pkcs8_pem(&private_pem).expect("key");
    let signatures = time_aws_lc_signatures(&key, 1000);
    println!(
        "fan-out: one thread to {followers} followers on {sinks} peers (each its own port and shared inbox): \
         {} activities x {sinks} shared inboxes = {} requests, exactly one per inbox and activity, \
         in {:.2} s from the post to the last receipt ({:.0} requests/s; the post itself {:.1} ms), \
         {:.2} s CPU; seeding took {:.1} s; load average before: {load}",
        activities,
        total,
        elapsed.as_secs_f64(),
        total as f64 / elapsed.as_secs_f64(),
        posted.as_secs_f64() * 1000.0,
        cpu_used,
        seeding.as_secs_f64(),
    );
    let ratio = elapsed.as_secs_f64() / signatures.as_secs_f64();
    println!(
        "fan-out: 1,000 RSA-2048 signatures (aws-lc-rs, one core) took {:.3} s in the same run: \
         the fan-out took {ratio:.2}x that (target <= 2x); per activity {:.2}x",
        signatures.as_secs_f64(),
        ratio / activities.max(1) as f64,
    );
    app.stop().await;
    for server in servers {
        server.abort();
    }
}

/// A peer's shared inbox on a loopback port: counts what arrives, by activity id.
async fn start_sink(index: usize, received: Arc<Mutex<Received>>) -> (u16, tokio::task::JoinHandle<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("sink");
    let port = listener.local_addr().expect("address").port();
    let router = axum::Router::new().route(
        "/inbox",
        axum::routing::post(move |body: Bytes| {
            let received = received.clone();
            async move {
                let id = serde_json::from_slice::<serde_json::Value>(&body)
                    .ok()
                    .and_then(|activity| activity.get("id").and_then(|id| id.as_str()).map(str::to_owned))
                    .unwrap_or_default();
                let mut received = received.lock().expect("received");
                *received.by_sink[index].entry(id).or_default() += 1;
                received.total += 1;
                received.last = Some(Instant::now());
                StatusCode::ACCEPTED
            }
        }),
    );
    let server = tokio::spawn(async move {
        let _ = axum::serve(listener, router).await;
    });
    (port, server)
}

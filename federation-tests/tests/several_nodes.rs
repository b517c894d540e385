//! Several nodes: two `allmende serve` processes on ONE PostgreSQL database, on different ports,
//! as behind a load balancer (both say the same public domain). Checks that they share the work
//! with nothing lost or done twice:
//! - posts made on either node show on both, in the pages and the client API;
//! - a page cached for signed-out readers on one node follows a write made on the other, long
//!   before the cache's time bound (set to a minute here) could explain it;
//! - a fan-out to 200 followers on 50 loopback peers is delivered exactly once per peer and
//!   activity, in total over both nodes;
//! - killing one node (SIGKILL) in the middle of a fan-out loses nothing: the other node takes
//!   over the killed node's claims once their lease ends, and every peer gets every activity.
//!
//! PostgreSQL only (SQLite is one process's file): skipped with a message when
//! `ALLMENDE_TEST_POSTGRES_URL` is unset; CI sets it.
//!
//! The delivery benchmark is here too, ignored by default (see docs/PERFORMANCE.md):
//! `ALLMENDE_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres cargo test -p
//! federation-tests --test several_nodes -- --ignored --nocapture delivery_throughput`

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use federation_tests::scenario::{
    LogsOnPanic, Node, PASSWORD, Server, eventually, eventually_within, member, project_group, reply,
    start_thread, thread_id,
};
use federation_tests::{
    InstanceOptions, LoopbackSinks, POSTGRES_URL_VAR, PostgresDatabase, WAIT_SECONDS, free_port, run_sql,
};
use tempfile::TempDir;

/// Followers per loopback peer; with [`PEERS`] peers, 200 followers.
const FOLLOWERS_PER_PEER: usize = 4;
const PEERS: usize = 50;
/// Deliveries a node has in flight at most (`PARALLEL_SENDS` of the delivery worker): what a
/// node killed between a peer's answer and its own record of it may have left to send again.
const IN_FLIGHT_PER_NODE: usize = 16;

/// Nodes on one database, with one shared media directory. The first node owns the database
/// (dropped after it).
struct Cluster {
    nodes: Vec<Node>,
    database_url: String,
    _media: TempDir,
}

impl Cluster {
    /// Starts `count` nodes, or `None` (with a message) without PostgreSQL.
    fn start(count: usize, env: &[(&str, &str)]) -> Option<Self> {
        let Some(database) = PostgresDatabase::from_env() else {
            eprintln!("skipped: several nodes need PostgreSQL; set {POSTGRES_URL_VAR} (CI does)");
            return None;
        };
        let database_url = database.url().to_owned();
        let media = tempfile::tempdir().expect("a shared media directory");
        // The public name of the whole instance (a load balancer's), not of either node.
        let domain = format!("localhost:{}", free_port().expect("a free port"));
        let mut shared = vec![
            ("ALLMENDE_DOMAIN".to_owned(), domain),
            ("ALLMENDE_MEDIA_DIR".to_owned(), media.path().display().to_string()),
            // A killed node's claims are taken over after 3 s, not a minute.
            ("ALLMENDE_FEDERATION_DELIVERY_LEASE_SECONDS".to_owned(), "3".to_owned()),
            // The lease must outlast a send, which the fetch timeout bounds.
            ("ALLMENDE_FEDERATION_FETCH_TIMEOUT_SECONDS".to_owned(), "2".to_owned()),
            ("ALLMENDE_FEDERATION_FIRST_RETRY_SECONDS".to_owned(), "1".to_owned()),
        ];
        shared.extend(env.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())));
        let with_shared = |mut options: InstanceOptions| {
            for (key, value) in &shared {
                options = options.with_env(key.clone(), value.clone());
            }
            options
        };
        let mut nodes = vec![Node::start(with_shared(InstanceOptions::postgres(database)))];
        for _ in 1..count {
            let options = InstanceOptions { database_url: Some(database_url.clone()), ..Default::default() };
            nodes.push(Node::start(with_shared(options)));
        }
        Some(Self { nodes, database_url, _media: media })
    }

    fn logs_on_panic(&self) -> LogsOnPanic {
        self.nodes.iter().fold(LogsOnPanic::default(), |logs, node| logs.with("node", node))
    }

    /// One number from SQL on the shared database.
    fn number(&self, sql: &str) -> i64 {
        let out = run_sql(&self.database_url, sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
        out.trim().parse().unwrap_or_else(|e| panic!("{sql} gave {out:?}: {e}"))
    }

    fn sql(&self, sql: &str) {
        run_sql(&self.database_url, sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
    }

    /// Domain events not yet planned plus deliveries not yet done.
    fn outstanding(&self) -> i64 {
        self.number(
            "SELECT (SELECT COUNT(*) FROM domain_events WHERE processed_at IS NULL) \
             + (SELECT COUNT(*) FROM deliveries WHERE state = 'pending')",
        )
    }

    /// Makes `per_peer` remote people on each sink follow the local actors `followed` (one
    /// statement: the sinks are peers this instance has heard of before).
    fn add_followers(&self, sinks: &LoopbackSinks, per_peer: usize, followed: &[&str]) {
        let mut actors = Vec::new();
        let mut n = 0;
        for peer in 0..sinks.len() {
            let host = sinks.host(peer);
            for _ in 0..per_peer {
                n += 1;
                actors.push(format!(
                    "({id}, 'person', 'f{n}', FALSE, 'http://{host}/users/f{n}', 'http://{host}/users/f{n}/inbox', \
                     '{shared}', 0, 0)",
                    id = 900_000_000 + n,
                    shared = sinks.inbox_url(peer),
                ));
            }
        }
        let names = followed.iter().map(|name| format!("'{name}'")).collect::<Vec<_>>().join(", ");
        self.sql(&format!(
            "INSERT INTO actors (id, kind, name, local, ap_id, inbox_url, shared_inbox_url, created_at, updated_at) \
             VALUES {}; \
             INSERT INTO follows (id, follower_id, followed_id, state, created_at) \
             SELECT f.id * 100 + ROW_NUMBER() OVER (PARTITION BY f.id ORDER BY l.id), f.id, l.id, 'accepted', 0 \
             FROM actors f CROSS JOIN actors l \
             WHERE f.id > 900000000 AND NOT f.local AND l.local AND l.name IN ({names})",
            actors.join(", ")
        ));
    }
}

/// A client without cookies: a signed-out reader, whose pages may come from the cache.
fn reader() -> reqwest::Client {
    reqwest::Client::builder().timeout(Duration::from_secs(WAIT_SECONDS)).build().expect("client")
}

async fn get(client: &reqwest::Client, url: &str) -> (u16, Option<String>, String) {
    let response = client.get(url).send().await.unwrap_or_else(|e| panic!("GET {url}: {e}"));
    let status = response.status().as_u16();
    let cache = response.headers().get("x-cache").and_then(|v| v.to_str().ok()).map(str::to_owned);
    (status, cache, response.text().await.unwrap_or_default())
}

/// Waits until `url` is answered from the node's cache (background work such as planning
/// deliveries may still write for a moment after a post, and every write empties the cache).
async fn cached(client: &reqwest::Client, url: &str) {
    eventually(&format!("{url} to come from the cache"), || async {
        let (status, cache, _) = get(client, url).await;
        (status == 200 && cache.as_deref() == Some("hit")).then_some(())
    })
    .await;
}

/// Waits until nothing is left to plan or deliver, and the sinks stopped receiving.
async fn settled(cluster: &Cluster, sinks: &LoopbackSinks) {
    let mut last = usize::MAX;
    eventually("the queue to be empty and the sinks quiet", || {
        let now = sinks.total_accepted();
        let quiet = now == last && cluster.outstanding() == 0;
        last = now;
        async move { quiet.then_some(()) }
    })
    .await;
}

/// Every sink accepted the same activities; how often each, per sink.
fn per_activity(sinks: &LoopbackSinks) -> BTreeMap<String, Vec<usize>> {
    let mut counts: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for sink in 0..sinks.len() {
        for (id, count) in sinks.counts(sink) {
            counts.entry(id).or_insert_with(|| vec![0; sinks.len()])[sink] = count;
        }
    }
    counts
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn posts_on_either_node_show_on_both_and_cached_pages_follow_writes_elsewhere() {
    // A minute of cache: only the nodes telling each other can explain a prompt update.
    let Some(cluster) = Cluster::start(2, &[("ALLMENDE_CACHE_TTL_SECONDS", "60")]) else { return };
    let _logs = cluster.logs_on_panic();
    let (a, b) = (&cluster.nodes[0], &cluster.nodes[1]);
    let alice_on_a = member(a, "alice", true).await;
    let alice_on_b = b.browserless();
    alice_on_b.sign_in("alice", PASSWORD).await;
    project_group(b, "commons", "Commons");

    let from_a = start_thread(&alice_on_a, "/g/commons", "Written on node A", "Body typed into node A").await;
    let from_b = start_thread(&alice_on_b, "/g/commons", "Written on node B", "Body typed into node B").await;
    let reader = reader();
    for node in [a, b] {
        for (path, text) in [(&from_a, "Body typed into node A"), (&from_b, "Body typed into node B")] {
            let (status, _, page) = get(&reader, &format!("{}{path}", node.base_url())).await;
            assert_eq!(status, 200, "{path} on {}", node.base_url());
            assert!(page.contains(text), "{path} on {} lacks {text:?}", node.base_url());
            let id = thread_id(path);
            let (status, _, json) = get(&reader, &format!("{}/api/v1/statuses/{id}", node.base_url())).await;
            assert_eq!(status, 200, "status {id} on {}: {json}", node.base_url());
            assert!(json.contains(text), "status {id} on {}: {json}", node.base_url());
        }
        let (_, _, timeline) =
            get(&reader, &format!("{}/api/v1/timelines/public?limit=40", node.base_url())).await;
        for path in [&from_a, &from_b] {
            assert!(timeline.contains(&format!("\"{}\"", thread_id(path))), "{path} not in {timeline}");
        }
    }

    // Node B keeps the thread page for signed-out readers…
    let on_b = format!("{}{from_a}", b.base_url());
    cached(&reader, &on_b).await;
    // …until node A writes to it.
    let written = Instant::now();
    reply(&alice_on_a, &from_a, "A reply written on node A").await;
    eventually_within(Duration::from_secs(10), "node B's cached page to show node A's reply", || async {
        let (status, _, page) = get(&reader, &on_b).await;
        (status == 200 && page.contains("A reply written on node A")).then_some(())
    })
    .await;
    println!("node B's cached page showed node A's reply after {:?}", written.elapsed());
    // And the other way round, on the API's public timeline.
    let timeline_on_a = format!("{}/api/v1/timelines/public?limit=40", a.base_url());
    cached(&reader, &timeline_on_a).await;
    reply(&alice_on_b, &from_b, "A reply written on node B").await;
    eventually_within(Duration::from_secs(10), "node A's cached timeline to show node B's reply", || async {
        let (_, _, page) = get(&reader, &timeline_on_a).await;
        page.contains("A reply written on node B").then_some(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_fan_out_is_delivered_once_in_total_and_survives_a_killed_node() {
    let sinks = LoopbackSinks::start(PEERS).await;
    let Some(mut cluster) = Cluster::start(2, &[]) else { return };
    let _logs = cluster.logs_on_panic();
    let alice = member(&cluster.nodes[0], "alice", true).await;
    project_group(&cluster.nodes[0], "commons", "Commons");
    cluster.add_followers(&sinks, FOLLOWERS_PER_PEER, &["alice", "commons"]);
    assert_eq!(cluster.number("SELECT COUNT(*) FROM actors WHERE NOT local AND id > 900000000"), 200);

    // One thread, both nodes running: every peer gets each activity exactly once.
    start_thread(&alice, "/g/commons", "A thread for 200 followers", "Fanned out once").await;
    settled(&cluster, &sinks).await;
    let first = per_activity(&sinks);
    assert!(!first.is_empty(), "nothing was delivered");
    for (id, counts) in &first {
        assert!(counts.iter().all(|&n| n == 1), "{id} reached the peers {counts:?} times, not once each");
    }
    let per_thread = first.len();
    let worked = cluster.number("SELECT COUNT(*) FROM deliveries WHERE state = 'delivered'");
    assert_eq!(worked, i64::try_from(per_thread * PEERS).unwrap_or(i64::MAX), "one request per shared inbox");

    // Ten more threads written on node B; node A is killed while they are being delivered.
    let alice_on_b = cluster.nodes[1].browserless();
    alice_on_b.sign_in("alice", PASSWORD).await;
    let threads = 10;
    let before = sinks.total_accepted();
    let expected = before + threads * per_thread * PEERS;
    let mut killed_at = None;
    for n in 0..threads {
        start_thread(&alice_on_b, "/g/commons", &format!("Thread {n} of the big fan-out"), "More").await;
        if killed_at.is_none() && sinks.total_accepted() > before + PEERS {
            cluster.nodes[0].kill();
            killed_at = Some(sinks.total_accepted() - before);
        }
    }
    if killed_at.is_none() {
        eventually("the fan-out to get going", || {
            let going = sinks.total_accepted() > before + PEERS;
            async move { going.then_some(()) }
        })
        .await;
        cluster.nodes[0].kill();
        killed_at = Some(sinks.total_accepted() - before);
    }
    let killed_at = killed_at.unwrap_or_default();
    assert!(
        killed_at < expected - before,
        "node A was killed only after the fan-out ({killed_at} delivered)"
    );
    settled(&cluster, &sinks).await;

    let all = per_activity(&sinks);
    assert_eq!(all.len(), per_thread * (threads + 1), "every activity of every thread was delivered");
    let mut again = 0;
    for (id, counts) in &all {
        assert!(counts.iter().all(|&n| n >= 1), "{id} is missing at some peers: {counts:?}");
        again += counts.iter().map(|n| n - 1).sum::<usize>();
    }
    // Only what the killed node had in flight may have gone out twice (sent, but the node died
    // before it wrote that down); everything else exactly once.
    assert!(again <= IN_FLIGHT_PER_NODE, "{again} deliveries repeated after the kill");
    let failed = cluster.number("SELECT COUNT(*) FROM deliveries WHERE state <> 'delivered'");
    assert_eq!(failed, 0, "every delivery is done");
    println!(
        "killed node A after {killed_at} of {} deliveries; node B finished; {again} sent twice",
        expected - before
    );
}

/// The delivery benchmark: a backlog of `BENCH_ACTIVITIES` activities (default 40) to 50 loopback
/// peers, worked off by one node and then by two (each run on a fresh database). The backlog is
/// made by copying the activities of one real thread in SQL, so only delivering is measured.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a benchmark: run with --ignored --nocapture (see docs/PERFORMANCE.md)"]
async fn delivery_throughput_with_one_and_two_nodes() {
    let activities: usize = std::env::var("BENCH_ACTIVITIES").ok().and_then(|n| n.parse().ok()).unwrap_or(40);
    let mut rates = Vec::new();
    for nodes in [1, 2] {
        let sinks = LoopbackSinks::start(PEERS).await;
        let Some(cluster) = Cluster::start(nodes, &[]) else { return };
        let _logs = cluster.logs_on_panic();
        let alice = member(&cluster.nodes[0], "alice", true).await;
        project_group(&cluster.nodes[0], "commons", "Commons");
        cluster.add_followers(&sinks, FOLLOWERS_PER_PEER, &["alice", "commons"]);
        start_thread(&alice, "/g/commons", "The benchmark's thread", "Copied many times").await;
        settled(&cluster, &sinks).await;
        let per_thread = per_activity(&sinks).len();
        let copies = activities.div_ceil(per_thread.max(1));
        let before = sinks.total_accepted();
        let deliveries = copies * per_thread * PEERS;
        let started = Instant::now();
        cluster.sql(&backlog_sql(copies));
        eventually_within(Duration::from_secs(600), "the backlog to be delivered", || {
            let done = sinks.total_accepted() >= before + deliveries;
            async move { done.then_some(()) }
        })
        .await;
        let seconds = started.elapsed().as_secs_f64();
        let rate = deliveries as f64 / seconds;
        println!(
            "{nodes} node(s): {deliveries} deliveries ({} activities x {PEERS} peers) in {seconds:.2} s: {rate:.0}/s",
            copies * per_thread
        );
        let ids: BTreeSet<String> = per_activity(&sinks).into_keys().collect();
        assert_eq!(ids.len(), per_thread * (copies + 1));
        rates.push(rate);
    }
    if let [one, two] = rates[..] {
        println!("two nodes / one node: {:.2}x", two / one);
    }
}

/// SQL that copies every stored activity `copies` times (new ids, `#copy-N` appended to the
/// activity's id in its payload) with one due delivery per inbox the original went to, in one
/// transaction.
fn backlog_sql(copies: usize) -> String {
    format!(
        "CREATE TEMP TABLE copies AS \
           SELECT o.id AS source, \
             (SELECT MAX(id) FROM outbox_activities) + ROW_NUMBER() OVER (ORDER BY o.id, g) AS id, \
             o.ap_id || '#copy-' || g AS ap_id, o.actor_id, \
             replace(o.payload, '\"' || o.ap_id || '\"', '\"' || o.ap_id || '#copy-' || g || '\"') AS payload \
           FROM outbox_activities o CROSS JOIN generate_series(1, {copies}) g; \
         INSERT INTO outbox_activities (id, ap_id, actor_id, payload, created_at) \
           SELECT id, ap_id, actor_id, payload, (EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::BIGINT FROM copies; \
         INSERT INTO deliveries (id, activity_id, inbox_url, domain, next_attempt_at, created_at, updated_at) \
           SELECT (SELECT MAX(id) FROM deliveries) + ROW_NUMBER() OVER (ORDER BY c.id, d.id), c.id, d.inbox_url, \
             d.domain, 0, (EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::BIGINT, 0 \
           FROM copies c JOIN deliveries d ON d.activity_id = c.source"
    )
}

//! RFC 9421 HTTP message signatures between two real instances: the north instance signs with
//! RFC 9421 first (`federation.first_signature_format = "rfc9421"`), both require signed
//! fetches. A member of the north follows a group of the home instance, a thread arrives and a
//! reply goes back; each instance learns that the other takes RFC 9421 (the home one from the
//! north's own signatures) and the north never falls back to draft-cavage.

use federation_tests::scenario::{
    LogsOnPanic, eventually, follow_remote_group, followers_become, member, options, page_shows,
    project_group, reply, start_thread, thread_arrives,
};
use federation_tests::{Backend, Instance};

const FIRST_SIGNATURE_FORMAT: &str = "ALLMENDE_FEDERATION_FIRST_SIGNATURE_FORMAT";
const REQUIRE_SIGNED_FETCH: &str = "ALLMENDE_FEDERATION_REQUIRE_SIGNED_FETCH";
const LEARNED: &str = "learned a peer's signature format";

fn start(backend: Backend, name: &str, env: &[(&str, &str)]) -> Option<Instance> {
    Some(Instance::start(options(backend, name, env)?))
}

/// The lines of `instance`'s log saying which signature format it learned for `peer_host`.
fn learned_for(instance: &Instance, peer_host: &str) -> Vec<String> {
    ["server.stdout.log", "server.stderr.log"]
        .iter()
        .filter_map(|name| std::fs::read_to_string(instance.data_dir().join(name)).ok())
        .flat_map(|log| log.lines().map(str::to_owned).collect::<Vec<_>>())
        .filter(|line| line.contains(LEARNED) && line.contains(peer_host))
        .collect()
}

async fn instances_federate_over_rfc9421(backend: Backend) {
    let (Some(home), Some(north)) = (
        start(backend, "Borken", &[(REQUIRE_SIGNED_FETCH, "1")]),
        start(backend, "Boras", &[(REQUIRE_SIGNED_FETCH, "1"), (FIRST_SIGNATURE_FORMAT, "rfc9421")]),
    ) else {
        return;
    };
    let _logs = LogsOnPanic::default().with("home", &home).with("north", &north);
    let bea = member(&home, "bea", true).await;
    project_group(&home, "energy", "Energy in Borken");
    let ana = member(&north, "ana", false).await;
    let ana_group = follow_remote_group(&ana, &format!("@energy@{}", home.domain())).await;
    followers_become(&bea, "/g/energy", 1).await;
    let thread = start_thread(&bea, "/g/energy", "Signed both ways", "RFC 9421 only").await;
    let ana_thread = thread_arrives(&ana, &ana_group, "Signed both ways").await;
    reply(&ana, &ana_thread, "Arrived over RFC 9421").await;
    page_shows(&bea, &thread, "Arrived over RFC 9421").await;

    let home_host = home.domain();
    let north_host = north.domain();
    let north_learned = eventually("the north to learn the home's format", || async {
        let lines = learned_for(&north, &home_host);
        (!lines.is_empty()).then_some(lines)
    })
    .await;
    assert!(
        north_learned.iter().all(|line| line.contains("rfc9421")),
        "the north, signing RFC 9421 first, never fell back to draft-cavage: {north_learned:#?}"
    );
    let home_learned = learned_for(&home, &north_host);
    assert!(
        home_learned.iter().any(|line| line.contains("rfc9421") && line.contains("signed")),
        "the home instance learned RFC 9421 from the north's signatures: {home_learned:#?}"
    );
    assert!(
        home_learned.last().is_some_and(|line| line.contains("rfc9421")),
        "and signs RFC 9421 to it now: {home_learned:#?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_instances_federate_over_rfc9421() {
    instances_federate_over_rfc9421(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_instances_federate_over_rfc9421() {
    instances_federate_over_rfc9421(Backend::Postgres).await;
}

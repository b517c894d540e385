//! Projects across two real instances, driven only through public HTTP: the project fields set
//! on B show on A's page of the remote group and in A's project directory once A follows it,
//! and later edits (of the project, and of the group's title, description and languages) arrive
//! as an `Update` of the group; a group on A follows a group on B, whose new threads then appear
//! in the A group's network feed, and a reply from there reaches B.

use federation_tests::scenario::{
    LogsOnPanic, eventually, follow_remote_group, member, options, page_shows, project_group, reply,
    start_thread, thread_link,
};
use federation_tests::{Backend, Instance};

async fn project_fields_and_group_follows_federate(backend: Backend) {
    let (Some(a), Some(b)) = (options(backend, "Borken", &[]), options(backend, "Boras", &[])) else {
        return;
    };
    let (a, b) = (Instance::start(a), Instance::start(b));
    let _logs = LogsOnPanic::default().with("A", &a).with("B", &b);

    // B: a project group with its project described through the form.
    let britt = member(&b, "britt", true).await;
    project_group(&b, "cykel", "Cykelstaden");
    b.run_cli(&["group", "create", "--name", "energi", "--kind", "discussion", "--title", "Energi i Borås"]);
    let fields = [
        ("summary", "Cargo bikes for every library branch"),
        ("status", "running"),
        ("start_date", "2026-04-01"),
        ("end_date", "2027-10-31"),
        ("focus_areas", "mobility"),
        ("region", "Västra Götaland"),
        ("partners", "Borås Stad | https://boras.example/\nCykelköket"),
        ("funders", "Energimyndigheten"),
        ("website", "https://cykel.boras.example/"),
        ("measures", "Buy ten bikes | done | 2026-06-01\nLending system | running"),
    ];
    britt.submit_ok("/g/cykel/project", "/g/cykel/project", &fields).await;

    // A: a member follows the remote project; A's copy shows the same project.
    let anna = member(&a, "anna", true).await;
    let handle = format!("@cykel@{}", b.domain());
    let remote_path = follow_remote_group(&anna, &handle).await;
    let page = page_shows(&anna, &remote_path, "Cargo bikes for every library branch").await;
    for shown in [
        "Running",
        "Mobility",
        "Västra Götaland",
        "Borås Stad",
        "Energimyndigheten",
        "Lending system",
        "1 April 2026",
    ] {
        assert!(page.contains(shown), "A's page of the remote project shows {shown:?}");
    }
    let directory = page_shows(&anna, "/projects?focus=mobility", "Cykelstaden").await;
    assert!(directory.contains(&format!("on {}", b.domain())), "the directory names the instance");

    // An edit on B reaches A as an Update of the group.
    let mut changed = fields.to_vec();
    changed.retain(|(k, _)| *k != "status");
    changed.push(("status", "completed"));
    britt.submit_ok("/g/cykel/project", "/g/cykel/project", &changed).await;
    page_shows(&anna, &remote_path, "Completed").await;
    page_shows(&anna, "/projects?status=completed", "Cykelstaden").await;

    // B's owner renames the group and declares its languages: A's copy follows.
    let settings = [
        ("title", "Cykelstaden Borås"),
        ("description", "Cargo bikes, *lent* for free"),
        ("languages", "sv"),
        ("languages", "en"),
    ];
    britt.submit_ok("/g/cykel/edit", "/g/cykel/edit", &settings).await;
    let renamed = page_shows(&anna, &remote_path, "<h1>Cykelstaden Borås</h1>").await;
    assert!(renamed.contains("<em>lent</em>"), "the new description arrives: {renamed}");
    assert!(renamed.contains("Languages: English, Svenska"), "the declared languages arrive: {renamed}");

    // A's discussion group follows B's `energi`, which no member of A follows.
    a.run_cli(&["group", "create", "--name", "klima", "--kind", "discussion", "--title", "Klima Borken"]);
    let energi = format!("@energi@{}", b.domain());
    anna.submit_ok("/g/klima/network", "/g/klima/network/follow", &[("handle", &energi)]).await;
    eventually("B to accept the group's follow", || async {
        let page = anna.get("/g/klima/network").await;
        (page.body.contains("Energi i Borås") && !page.body.contains("waiting for acceptance")).then_some(())
    })
    .await;

    // B's new thread appears in A's network feed, marked with its origin; a reply goes back.
    let thread = start_thread(&britt, "/g/energi", "Heat pumps in old houses", "Experiences?").await;
    let network = page_shows(&anna, "/g/klima/network", "Heat pumps in old houses").await;
    assert!(network.contains(&format!("from @energi@{}", b.domain())));
    let local_thread = thread_link(&network, "Heat pumps in old houses").expect("a link to the thread on A");
    reply(&anna, &local_thread, "We insulated first, then it worked.").await;
    page_shows(&britt, &thread, "We insulated first, then it worked.").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_project_fields_and_group_follows_federate() {
    project_fields_and_group_follows_federate(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_project_fields_and_group_follows_federate() {
    project_fields_and_group_follows_federate(Backend::Postgres).await;
}

//! Real Mastodon client libraries against real instances: the `megalodon` crate registers an
//! app, signs in through our authorize page (its form filled in as a person would), posts a
//! thread into a group on another instance by mentioning it, replies, favourites, reads the
//! home timeline and notifications, and finds and follows a remote group with `resolve=true`.
//! The thread reaches the group's instance and the group's followers on a third instance.

use megalodon::entities::UploadMedia;
use megalodon::megalodon::{
    AppInputOptions, PostStatusInputOptions, PostStatusOutput, SearchInputOptions, UploadMediaInputOptions,
};
use megalodon::{Megalodon, SNS};

use federation_tests::clients::{client_found, command_runs};
use federation_tests::oauth::{OUT_OF_BAND, approve_out_of_band, token_for};
use federation_tests::scenario::{
    LogsOnPanic, eventually, follow_remote_group, followers_become, member, options, page_shows,
    project_group, reply, start_thread, thread_arrives,
};
use federation_tests::{Backend, Instance};

fn start(backend: Backend, name: &str) -> Option<Instance> {
    Some(Instance::start(options(backend, name, &[])?))
}

/// Signs in to a Mastodon client the way a person does: the app opens our authorize page, the
/// person signs in and approves, and pastes the shown code back into the app.
async fn sign_in_with_megalodon(instance: &Instance, username: &str) -> Box<dyn Megalodon + Send + Sync> {
    let client = megalodon::generator(SNS::Mastodon, instance.base_url(), None, None).expect("client");
    let app = client
        .register_app(
            "megalodon test".into(),
            &AppInputOptions {
                scopes: Some(vec!["read".into(), "write".into(), "follow".into()]),
                redirect_uris: Some(OUT_OF_BAND.into()),
                website: None,
            },
        )
        .await
        .expect("the app registers");
    let authorize_url = app.url.clone().expect("an authorize URL");
    assert!(authorize_url.starts_with(&instance.url("/oauth/authorize")), "{authorize_url}");

    let code = approve_out_of_band(instance, &authorize_url, username).await;
    let token = client
        .fetch_access_token(app.client_id.clone(), app.client_secret.clone(), code, OUT_OF_BAND.into())
        .await
        .expect("the code is exchanged");
    megalodon::generator(SNS::Mastodon, instance.base_url(), Some(token.access_token), None).expect("client")
}

/// Three instances at once are heavy for a two-core machine: the SQLite and PostgreSQL runs of
/// the three-instance scenario take turns instead of competing (side by side, a delivery could
/// miss the scenario's wait).
static THREE_INSTANCES: std::sync::LazyLock<tokio::sync::Mutex<()>> =
    std::sync::LazyLock::new(|| tokio::sync::Mutex::new(()));

async fn a_mastodon_app_posts_into_a_group_on_another_instance(backend: Backend) {
    let _turn = THREE_INSTANCES.lock().await;
    let (Some(home), Some(groups), Some(third)) =
        (start(backend, "Borken"), start(backend, "Boras"), start(backend, "Hjorring"))
    else {
        return;
    };
    let _logs = LogsOnPanic::default().with("home", &home).with("groups", &groups).with("third", &third);
    member(&home, "ana", true).await;
    let bo = member(&groups, "bo", true).await;
    project_group(&groups, "energy", "Energy in Boras");
    let cy = member(&third, "cy", true).await;
    let handle = format!("@energy@{}", groups.domain());
    let third_group_path = follow_remote_group(&cy, &handle).await;
    // The group has taken the third instance's follow before anything is posted there (under
    // load the Follow can take seconds; a thread announced before it would not reach Cy).
    followers_become(&bo, "/g/energy", 1).await;

    // Bo starts a thread at home before Ana follows: it is pulled in on follow.
    let bo_thread = start_thread(&bo, "/g/energy", "District heating", "Who joins?").await;

    let ana = sign_in_with_megalodon(&home, "ana").await;
    let me = ana.verify_account_credentials().await.expect("verify_credentials").json;
    assert_eq!(me.username, "ana");

    let found = ana
        .search(handle.clone(), Some(&SearchInputOptions { resolve: Some(true), ..Default::default() }))
        .await
        .expect("search")
        .json;
    let group = found.accounts.first().unwrap_or_else(|| panic!("{handle} is found")).clone();
    assert_eq!(group.group, Some(true), "a group shows as a group account");
    assert_eq!(group.acct, handle.trim_start_matches('@'));
    ana.follow_account(group.id.clone(), None).await.expect("follow");
    eventually("the follow to be accepted", || async {
        let relationships = ana.get_relationships(vec![group.id.clone()]).await.ok()?.json;
        relationships.first().filter(|r| r.following).map(|_| ())
    })
    .await;

    // The older thread is in Ana's home timeline; she replies to it and favourites it.
    let opener = eventually("the group's thread in the home timeline", || async {
        let home_timeline = ana.get_home_timeline(None).await.ok()?.json;
        home_timeline.into_iter().find(|s| s.content.contains("District heating"))
    })
    .await;
    ana.favourite_status(opener.id.clone()).await.expect("favourite");
    let answered = ana
        .post_status(
            "Count me in, from Borken".into(),
            Some(&PostStatusInputOptions { in_reply_to_id: Some(opener.id.clone()), ..Default::default() }),
        )
        .await
        .expect("reply");
    let PostStatusOutput::Status(answered) = answered.json else { panic!("a status, not a scheduled one") };
    assert_eq!(answered.in_reply_to_id.as_deref(), Some(opener.id.as_str()));
    page_shows(&bo, &bo_thread, "Count me in, from Borken").await;

    // A toot that mentions the remote group starts a thread there, which the group passes on.
    let posted = ana
        .post_status(format!("{handle} Heat pumps for schools\nA pilot in two schools this winter."), None)
        .await
        .expect("post by mention");
    let PostStatusOutput::Status(posted) = posted.json else { panic!("a status") };
    assert!(posted.content.contains("Heat pumps for schools"), "{}", posted.content);
    thread_arrives(&bo, "/g/energy", "Heat pumps for schools").await;
    thread_arrives(&cy, &third_group_path, "Heat pumps for schools").await;

    // A photo from the app goes with a reply; the group's instance shows it, alt text included.
    let photo = concat!(env!("CARGO_MANIFEST_DIR"), "/../static/avatar.png").to_owned();
    let uploaded = ana
        .upload_media(
            photo,
            Some(&UploadMediaInputOptions { description: Some("The school roof".into()), focus: None }),
        )
        .await
        .expect("upload");
    let UploadMedia::Attachment(uploaded) = uploaded.json else { panic!("the upload is ready at once") };
    let with_photo = ana
        .post_status(
            "Here is the roof".into(),
            Some(&PostStatusInputOptions {
                in_reply_to_id: Some(posted.id.clone()),
                media_ids: Some(vec![uploaded.id.clone()]),
                ..Default::default()
            }),
        )
        .await
        .expect("reply with a photo");
    let PostStatusOutput::Status(with_photo) = with_photo.json else { panic!("a status") };
    assert_eq!(with_photo.media_attachments.len(), 1);
    assert_eq!(with_photo.media_attachments[0].description.as_deref(), Some("The school roof"));
    let groups_page = bo.get_ok("/g/energy").await;
    let remote_thread = federation_tests::scenario::thread_link(&groups_page, "Heat pumps for schools")
        .expect("the thread is listed on its group's page");
    page_shows(&bo, &remote_thread, r#"alt="The school roof""#).await;
    // Files are named at random (not after the upload's id): the page links the upload's URL.
    let file_url = with_photo.media_attachments[0].url.clone();
    assert!(file_url.starts_with(&format!("{}/media/", home.base_url())), "{file_url}");
    page_shows(&bo, &remote_thread, &file_url).await;

    // Ana boosts Bo's thread from her app.
    let boosted = ana.reblog_status(opener.id.clone()).await.expect("boost").json;
    assert_eq!(boosted.reblog.map(|original| original.reblogged), Some(Some(true)));

    // The app shows the remote group as Mastodon shows a group: its statuses are its boosts of
    // the threads started in it.
    let group_statuses =
        ana.get_account_statuses(group.id.clone(), None).await.expect("the group's statuses").json;
    let shared = group_statuses
        .iter()
        .find(|s| s.reblog.as_ref().is_some_and(|r| r.content.contains("District heating")))
        .unwrap_or_else(|| panic!("the group shares its thread: {group_statuses:?}"));
    assert_eq!(shared.account.id, group.id);
    assert_eq!(shared.reblog.as_ref().map(|r| r.account.username.as_str()), Some("bo"));

    // Bo answers Ana's thread at home; Ana is notified on her own instance.
    let bo_page = bo.get_ok("/g/energy").await;
    let thread_path = federation_tests::scenario::thread_link(&bo_page, "Heat pumps for schools")
        .expect("the thread is listed on its group's page");
    reply(&bo, &thread_path, "Our school is in").await;
    let mention = eventually("a notification of Bo's reply", || async {
        let notifications = ana.get_notifications(None).await.ok()?.json;
        notifications
            .into_iter()
            .find(|n| n.status.as_ref().is_some_and(|s| s.content.contains("Our school is in")))
    })
    .await;
    assert_eq!(mention.account.map(|a| a.username), Some("bo".to_owned()));
    let context = ana.get_status_context(posted.id.clone(), None).await.expect("context").json;
    assert!(context.descendants.iter().any(|s| s.content.contains("Our school is in")));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_a_mastodon_app_posts_into_a_group_on_another_instance() {
    a_mastodon_app_posts_into_a_group_on_another_instance(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_a_mastodon_app_posts_into_a_group_on_another_instance() {
    a_mastodon_app_posts_into_a_group_on_another_instance(Backend::Postgres).await;
}

/// The `toot` command (PyPI), from `ALLMENDE_TOOT` or the `PATH`; None when it is not
/// installed and `ALLMENDE_REQUIRE_CLIENTS` is not set (then its absence is a failure).
fn toot_command() -> Option<String> {
    let toot = std::env::var("ALLMENDE_TOOT").unwrap_or_else(|_| "toot".to_owned());
    let found = command_runs(&toot, &["--version"]).then(|| toot.clone());
    client_found(found, &format!("{toot} cannot be run (pip install toot)"))
}

/// Runs a toot subcommand with its own configuration directory; returns its standard output.
fn toot(toot: &str, config: &std::path::Path, args: &[&str]) -> String {
    let output = std::process::Command::new(toot)
        .args(args)
        .env("XDG_CONFIG_HOME", config)
        .env("NO_COLOR", "1")
        .output()
        .expect("toot runs");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "toot {args:?} failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_toot_cli_logs_in_through_the_browser_flow_and_posts_a_thread() {
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

    let Some(toot_bin) = toot_command() else { return };
    let Some(options) = options(Backend::Sqlite, "Borken", &[]) else { return };
    let instance = Instance::start(options);
    let _logs = LogsOnPanic::default().with("instance", &instance);
    member(&instance, "ana", true).await;
    project_group(&instance, "energy", "Energy in Borken");
    let config = tempfile::tempdir().expect("config directory");

    // `toot login` prints the authorize URL, asks whether to open a browser, then for the code.
    let mut login = tokio::process::Command::new(&toot_bin)
        .args(["login", "--instance", &instance.base_url()])
        .env("XDG_CONFIG_HOME", config.path())
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("toot login starts");
    let stdout = login.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let authorize_url = tokio::time::timeout(std::time::Duration::from_secs(30), async {
        while let Ok(Some(line)) = lines.next_line().await {
            if line.trim().starts_with(&instance.url("/oauth/authorize")) {
                return line.trim().to_owned();
            }
        }
        panic!("toot login printed no authorize URL")
    })
    .await
    .expect("toot login shows the URL in time");
    let code = approve_out_of_band(&instance, &authorize_url, "ana").await;
    let mut stdin = login.stdin.take().expect("stdin");
    stdin.write_all(format!("n\n{code}\n").as_bytes()).await.expect("answers");
    drop(stdin);
    let status = tokio::time::timeout(std::time::Duration::from_secs(30), login.wait())
        .await
        .expect("toot login ends")
        .expect("exit status");
    let mut rest = String::new();
    while let Ok(Some(line)) = lines.next_line().await {
        rest.push_str(&line);
        rest.push('\n');
    }
    assert!(status.success(), "toot login failed:\n{rest}");
    assert!(rest.contains("Successfully logged in"), "{rest}");

    let whoami = toot(&toot_bin, config.path(), &["whoami"]);
    assert!(whoami.contains("@ana"), "{whoami}");
    let instance_info = toot(&toot_bin, config.path(), &["instance"]);
    assert!(instance_info.contains("Borken"), "{instance_info}");
    let posted =
        toot(&toot_bin, config.path(), &["post", "@energy Bike lanes to school\nSafer routes for the kids."]);
    assert!(posted.contains("/t/"), "toot shows the new thread's URL: {posted}");
    let client = instance.browserless();
    thread_arrives(&client, "/g/energy", "Bike lanes to school").await;
    let timeline = toot(&toot_bin, config.path(), &["timeline", "--public", "--local"]);
    assert!(timeline.contains("Bike lanes to school"), "{timeline}");
    toot(&toot_bin, config.path(), &["notifications"]);
}

/// The `schemathesis` command (PyPI), from `ALLMENDE_SCHEMATHESIS` or the `PATH`.
fn schemathesis_command() -> Option<String> {
    let command = std::env::var("ALLMENDE_SCHEMATHESIS").unwrap_or_else(|_| "schemathesis".to_owned());
    let found = command_runs(&command, &["--version"]).then(|| command.clone());
    client_found(found, &format!("{command} cannot be run (pip install schemathesis)"))
}

/// The endpoints Allmende implements, as a path pattern over the Mastodon OpenAPI description.
const IMPLEMENTED: &str = "^/(api/v[12]/(apps|apps/verify_credentials|instance|instance/rules|custom_emojis|\
announcements|preferences|markers|lists|lists/\\{id\\}|lists/\\{id\\}/accounts|trends/tags|\
accounts/verify_credentials|accounts/update_credentials|accounts/lookup|accounts/relationships|\
accounts/search|bookmarks|accounts/\\{id\\}|accounts/\\{id\\}/(statuses|followers|following|follow|unfollow)|\
statuses|statuses/\\{id\\}|statuses/\\{id\\}/(context|source|history|favourite|unfavourite|favourited_by|\
reblog|unreblog|reblogged_by|bookmark|unbookmark)|media|media/\\{id\\}|timelines/home|timelines/public|timelines/tag/\\{hashtag\\}|timelines/list/\\{list_id\\}|\
notifications|notifications/clear|notifications/\\{id\\}|notifications/\\{id\\}/dismiss|\
notifications/unread_count|favourites|search|tags/\\{name\\}|follow_requests)|\\.well-known/oauth-authorization-server|\
oauth/(userinfo|token|revoke))$";

fn schemathesis(command: &str, instance: &Instance, token: &str, extra: &[&str]) {
    let schema = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/data/mastodon-openapi/schema.json");
    let report = tempfile::tempdir().expect("report directory");
    let output = std::process::Command::new(command)
        .arg("run")
        .arg(schema)
        .args(["--url", &instance.base_url()])
        .args(["-H", &format!("Authorization: Bearer {token}")])
        .args(["--include-path-regex", IMPLEMENTED])
        .args(["-n", "10", "--phases", "examples,fuzzing", "--no-shrink", "--seed", "20261123"])
        .args(["--report-dir", &report.path().to_string_lossy()])
        .args(extra)
        .env("NO_COLOR", "1")
        .env("SCHEMATHESIS_TELEMETRY", "false")
        // It keeps a cache in its working directory: not in the source tree.
        .current_dir(report.path())
        .output()
        .expect("schemathesis runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "schemathesis {extra:?} found problems:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("passed"), "{stdout}");
}

/// Response-schema conformance against the Mastodon OpenAPI description, with real data in
/// place (a thread, a reply, a like, notifications): every implemented read endpoint answers
/// as documented, and no endpoint answers any generated request with a 5xx. `/api/v2/instance`
/// is left out of the schema check on purpose: it has no `api_versions` until grouped
/// notifications exist (what apps key their feature detection on).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_client_api_conforms_to_the_mastodon_openapi_description() {
    let Some(command) = schemathesis_command() else { return };
    let Some(options) =
        options(Backend::Sqlite, "Borken", &[("ALLMENDE_INSTANCE_CONTACT_EMAIL", "admin@example.org")])
    else {
        return;
    };
    let instance = Instance::start(options);
    let _logs = LogsOnPanic::default().with("instance", &instance);
    member(&instance, "ana", true).await;
    member(&instance, "bo", false).await;
    project_group(&instance, "energy", "Energy in Borken");
    let ana = token_for(&instance, "ana").await;
    let bo = token_for(&instance, "bo").await;
    let http = reqwest::Client::new();
    let thread: serde_json::Value = http
        .post(instance.url("/api/v1/statuses"))
        .bearer_auth(&ana)
        .form(&[("status", "@energy Solar on schools\nTwo schools first.")])
        .send()
        .await
        .expect("thread")
        .json()
        .await
        .expect("thread JSON");
    let thread_id = thread["id"].as_str().expect("id");
    http.post(instance.url("/api/v1/statuses"))
        .bearer_auth(&bo)
        .form(&[("status", "Count me in"), ("in_reply_to_id", thread_id)])
        .send()
        .await
        .expect("reply");
    http.post(instance.url(&format!("/api/v1/statuses/{thread_id}/favourite")))
        .bearer_auth(&bo)
        .send()
        .await
        .expect("like");

    let reads: &[&str] = &[
        "--exclude-method",
        "POST",
        "--exclude-method",
        "PUT",
        "--exclude-method",
        "PATCH",
        "--exclude-method",
        "DELETE",
        "--exclude-path",
        "/api/v2/instance",
        "--checks",
        "not_a_server_error,response_schema_conformance",
    ];
    schemathesis(&command, &instance, &ana, reads);
    schemathesis(&command, &instance, &bo, &["--checks", "not_a_server_error"]);
}

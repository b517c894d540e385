//! Before the measured run: one account per client (registered with the web form, so the
//! server must have open registration), a Mastodon app and a token per client (password grant),
//! the load's groups, and a few threads in each. All through HTTP, as people and apps would.

use std::sync::Arc;

use anyhow::{Context, bail};
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

use super::client::{App, Client, PASSWORD};
use super::ledger::{Ledger, PostRef, Write};
use super::stats::Recorder;

/// How many setup requests run at once (registrations hash passwords: CPU-bound on the server).
const SETUP_CONCURRENCY: usize = 8;
/// Threads written into each group before the run, so there is something to read and answer.
const SEED_THREADS_PER_GROUP: usize = 3;

/// Registers the clients' accounts, signs each in on the web and with the password grant.
pub async fn clients(
    base_url: &str,
    run: &str,
    count: usize,
    recorder: &Arc<Recorder>,
) -> anyhow::Result<(Vec<Client>, App)> {
    let app = register_app(base_url).await?;
    let limit = Arc::new(Semaphore::new(SETUP_CONCURRENCY));
    let mut tasks = JoinSet::new();
    for index in 0..count {
        let client = Client::new(index, format!("l{run}u{index}"), base_url, recorder.clone())?;
        let (limit, app) = (limit.clone(), app.clone());
        tasks.spawn(async move {
            let _permit = limit.acquire_owned().await?;
            let mut client = client;
            register(&mut client).await?;
            if !client.password_grant(&app).await {
                bail!(
                    "the password grant for {} failed; start the server with \
                     ALLMENDE_OAUTH_PASSWORD_GRANT=true",
                    client.username
                );
            }
            Ok(client)
        });
    }
    let mut clients = Vec::with_capacity(count);
    while let Some(result) = tasks.join_next().await {
        clients.push(result??);
    }
    clients.sort_by_key(|c| c.index);
    Ok((clients, app))
}

async fn register(client: &mut Client) -> anyhow::Result<()> {
    let form = client.get("GET /register", "/register").await.context("the register page did not answer")?;
    if form.status != 200 {
        bail!("GET /register answered {}: is registration open?", form.status);
    }
    let username = client.username.clone();
    let email = format!("{username}@example.org");
    let fields = [
        ("username", username.as_str()),
        ("email", email.as_str()),
        ("password", PASSWORD),
        ("password_confirmation", PASSWORD),
        ("website", ""),
    ];
    let answer = client
        .post_form("POST /register", "/register", &fields)
        .await
        .context("no answer to POST /register")?;
    if answer.status != 303 {
        let start: String = answer.body.chars().take(400).collect();
        bail!("registering {username} answered {}: {start}", answer.status);
    }
    Ok(())
}

async fn register_app(base_url: &str) -> anyhow::Result<App> {
    let http = reqwest::Client::new();
    let answer: serde_json::Value = http
        .post(format!("{base_url}/api/v1/apps"))
        .form(&[
            ("client_name", "allmende-perf load"),
            ("redirect_uris", "urn:ietf:wg:oauth:2.0:oob"),
            ("scopes", "read write follow"),
        ])
        .send()
        .await
        .context("POST /api/v1/apps")?
        .json()
        .await
        .context("the app's JSON")?;
    let field =
        |name: &str| answer[name].as_str().map(str::to_owned).with_context(|| format!("no {name}: {answer}"));
    Ok(App { client_id: field("client_id")?, client_secret: field("client_secret")? })
}

/// Creates `count` discussion groups (by the first clients) and seeds each with threads.
pub async fn groups(
    clients: &mut [Client],
    run: &str,
    count: usize,
    ledger: &Ledger,
) -> anyhow::Result<Vec<String>> {
    if clients.is_empty() {
        bail!("no clients");
    }
    let n = clients.len();
    let mut names = Vec::with_capacity(count);
    for g in 0..count {
        let client = &mut clients[g % n];
        let name = format!("l{run}g{g}");
        client.get("GET /groups/new", "/groups/new").await.context("the new-group page did not answer")?;
        let title = format!("Load group {g} of run {run}");
        let fields = [
            ("name", name.as_str()),
            ("kind", "discussion"),
            ("title", title.as_str()),
            ("description", "Made by allmende-perf load."),
        ];
        let answer = client
            .post_form("POST /groups", "/groups", &fields)
            .await
            .context("no answer to POST /groups")?;
        if answer.status != 303 {
            bail!("creating group {name} answered {}", answer.status);
        }
        names.push(name);
    }
    for (g, name) in names.iter().enumerate() {
        for t in 0..SEED_THREADS_PER_GROUP {
            let client = &mut clients[(g * SEED_THREADS_PER_GROUP + t) % n];
            client.get("GET /g/{name}/threads/new", &format!("/g/{name}/threads/new")).await;
            let marker = format!("lw{run}seed{g}x{t}");
            let title = format!("Seed thread {marker}");
            let body = format!("The first words of {marker}.");
            let fields = [("title", title.as_str()), ("body", body.as_str())];
            let answer = client
                .post_form("POST /g/{name}/threads", &format!("/g/{name}/threads"), &fields)
                .await
                .context("no answer to a seed thread")?;
            let id = answer
                .location
                .as_deref()
                .and_then(|l| l.strip_prefix("/t/"))
                .and_then(|id| id.parse::<i64>().ok())
                .with_context(|| format!("a seed thread in {name} answered {}", answer.status))?;
            ledger.record(Write::LocalPost {
                id,
                root: id,
                group: Some(name.clone()),
                marker,
                via: "seed thread",
            });
            ledger.add_target(PostRef { id, root: id, group: name.clone() });
        }
    }
    Ok(names)
}

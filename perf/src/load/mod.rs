//! `allmende-perf load`: a sustained mixed load against a running server, then the checks.
//!
//! 1. Setup (not measured): one account per client, registered with the web form; a Mastodon app
//!    and a token per client (OAuth password grant); a few groups with seed threads; fake peers
//!    on loopback ports with their actors and keys.
//! 2. The run: every client repeats actions of the [`mix`] until the duration is over, each as
//!    soon as the previous one is answered (a closed loop: 200 clients keep about 200 requests
//!    in flight). Every request is recorded per route.
//! 3. The checks: every acknowledged write is looked up again (API, and database when given),
//!    counters are compared with what was written, and the database's own invariants in SQL.
//!
//! The server must have open registration, `oauth.password_grant = true`, the load's address
//! (127.0.0.1) among `trusted_proxies` (every client says its own address with
//! `X-Forwarded-For`, so per-address limits see 200 people, not one), and `insecure_http` for
//! the loopback peers. `--base-url` must be the server's public URL (`http://` + `domain`).

mod checks;
mod client;
mod ledger;
mod mix;
mod peers;
mod setup;
mod stats;

use std::fmt;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use rand::Rng;

pub use checks::{Check, INVARIANTS};
pub use stats::{RouteSummary, Summary};

use client::Client;
use ledger::Ledger;
use mix::Shared;
use peers::FakePeers;
use stats::Recorder;

/// The command line of `allmende-perf load`.
#[derive(Debug, Clone, clap::Args)]
pub struct LoadArgs {
    /// The server's public URL, e.g. http://localhost:8080 (its `domain` with http://).
    #[arg(long)]
    pub base_url: String,
    /// Concurrent clients, each with its own account and address.
    #[arg(long, default_value_t = 200)]
    pub clients: usize,
    /// How long the measured run lasts: 60s, 2m or plain seconds.
    #[arg(long, default_value = "60s", value_parser = parse_duration)]
    pub duration: Duration,
    /// The server's database (sqlite://PATH or postgres://...), for the checks in SQL. Without
    /// it, only the API checks run.
    #[arg(long)]
    pub database_url: Option<String>,
    /// Groups the load creates and posts in.
    #[arg(long, default_value_t = 8)]
    pub groups: usize,
    /// Fake peer servers delivering to the inbox (each its own loopback port and key). Each
    /// peer stays under the server's `federation.inbox_activities_per_minute` (600) only when
    /// there are enough of them for the inbox share of the mix.
    #[arg(long, default_value_t = 10)]
    pub peers: usize,
    /// Actors on each fake peer.
    #[arg(long, default_value_t = 4)]
    pub actors_per_peer: usize,
    /// The server's log file, searched for `database is locked` afterwards.
    #[arg(long)]
    pub server_log: Option<PathBuf>,
    /// The server's process id, for its peak resident memory (Linux).
    #[arg(long)]
    pub server_pid: Option<u32>,
}

/// Parses `60s`, `2m`, `1500ms` or `60`.
pub fn parse_duration(raw: &str) -> Result<Duration, String> {
    let raw = raw.trim();
    let (number, unit) = match raw.find(|c: char| !c.is_ascii_digit()) {
        Some(at) => raw.split_at(at),
        None => (raw, "s"),
    };
    let number: u64 = number.parse().map_err(|_| format!("not a duration: {raw:?}"))?;
    match unit {
        "ms" => Ok(Duration::from_millis(number)),
        "s" => Ok(Duration::from_secs(number)),
        "m" | "min" => Ok(Duration::from_secs(number * 60)),
        _ => Err(format!("unknown unit in {raw:?} (use ms, s or m)")),
    }
}

/// Everything a run found.
#[derive(Debug)]
pub struct LoadReport {
    /// The run's name part (accounts and groups are called `l<run>u<n>`, `l<run>g<n>`).
    pub run: String,
    pub clients: usize,
    pub summary: Summary,
    /// Acknowledged writes, by kind.
    pub writes: Vec<(&'static str, usize)>,
    /// Writes that got no answer (they may or may not have happened; the counts allow for them).
    pub unanswered_writes: u64,
    /// Acknowledged writes that are not found afterwards.
    pub lost: Vec<String>,
    pub checks: Vec<Check>,
    /// Whether the database was checked too.
    pub database_checked: bool,
    /// Lines of the server log reporting a locked database, when a log was given.
    pub log_lock_lines: Option<Vec<String>>,
    pub peak_rss_kib: Option<u64>,
}

impl LoadReport {
    /// What makes the run a failure: any 5xx, any request without answer, any `database is
    /// locked` seen by a client or in the log, any lost write, any failed check.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.summary.server_errors() > 0 {
            problems.push(format!("{} answers were 5xx", self.summary.server_errors()));
        }
        if self.summary.transport_errors() > 0 {
            problems.push(format!("{} requests got no answer", self.summary.transport_errors()));
        }
        if self.summary.lock_errors > 0 {
            problems.push(format!("{} answers said `database is locked`", self.summary.lock_errors));
        }
        if let Some(lines) = self.log_lock_lines.as_ref().filter(|l| !l.is_empty()) {
            problems.push(format!(
                "{} server log lines say the database was locked: {}",
                lines.len(),
                lines[0]
            ));
        }
        problems.extend(self.lost.iter().take(20).map(|lost| format!("lost write: {lost}")));
        if self.lost.len() > 20 {
            problems.push(format!("... {} lost writes in all", self.lost.len()));
        }
        problems.extend(self.checks.iter().filter(|c| !c.passed).map(ToString::to_string));
        problems
    }
}

impl fmt::Display for LoadReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "run {}: {} clients", self.run, self.clients)?;
        write!(f, "{}", self.summary)?;
        let writes: Vec<String> = self.writes.iter().map(|(kind, n)| format!("{kind} {n}")).collect();
        writeln!(
            f,
            "acknowledged writes: {}; without answer: {}",
            writes.join(", "),
            self.unanswered_writes
        )?;
        writeln!(f, "lost writes: {}", self.lost.len())?;
        for lost in self.lost.iter().take(20) {
            writeln!(f, "  {lost}")?;
        }
        if !self.database_checked {
            writeln!(f, "database: not checked (no --database-url)")?;
        }
        for check in &self.checks {
            writeln!(f, "{check}")?;
        }
        match &self.log_lock_lines {
            Some(lines) => writeln!(f, "server log lines with `database is locked`: {}", lines.len())?,
            None => writeln!(f, "server log: not checked (no --server-log)")?,
        }
        writeln!(f, "answers with `database is locked`: {}", self.summary.lock_errors)?;
        if let Some(kib) = self.peak_rss_kib {
            writeln!(f, "server peak RSS (VmHWM): {:.1} MiB", kib as f64 / 1024.0)?;
        }
        let problems = self.problems();
        if problems.is_empty() {
            writeln!(f, "result: PASSED")
        } else {
            writeln!(f, "result: FAILED")?;
            for problem in problems {
                writeln!(f, "  {problem}")?;
            }
            Ok(())
        }
    }
}

/// The `load` subcommand: runs, prints the report, exits 1 on any problem.
pub async fn main(args: LoadArgs) -> ExitCode {
    match run(&args).await {
        Ok(report) => {
            println!("{report}");
            if report.problems().is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE }
        }
        Err(e) => {
            eprintln!("load: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Sets up, drives the load for the duration, and checks. Errors are setup failures (the
/// server is not configured for the load, say); what the run finds is in the report.
pub async fn run(args: &LoadArgs) -> anyhow::Result<LoadReport> {
    let base_url = args.base_url.trim_end_matches('/').to_owned();
    let run = format!("{:05x}", rand::rng().random_range(0..0xf_ffff));
    let recorder = Arc::new(Recorder::default());
    let ledger = Arc::new(Ledger::default());

    eprintln!(
        "load {run}: setting up {} accounts, {} groups, {} fake peers",
        args.clients, args.groups, args.peers
    );
    let (mut clients, app) = setup::clients(&base_url, &run, args.clients, &recorder).await?;
    let groups = setup::groups(&mut clients, &run, args.groups.max(1), &ledger).await?;
    let peers =
        FakePeers::start(args.peers.max(1), args.actors_per_peer.max(1), &base_url, &run, recorder.clone())
            .await?;
    let shared = Arc::new(Shared::new(run.clone(), groups, app, ledger.clone(), peers));
    let setup_summary = recorder.summary(Duration::ZERO);
    if setup_summary.server_errors() > 0 {
        eprintln!("warning: the setup saw {} 5xx answers", setup_summary.server_errors());
    }
    recorder.reset();

    eprintln!("load {run}: {} clients for {:?}", clients.len(), args.duration);
    let started = Instant::now();
    let deadline = started + args.duration;
    let mut tasks = tokio::task::JoinSet::new();
    for client in clients {
        let shared = shared.clone();
        tasks.spawn(drive(client, shared, deadline));
    }
    let mut clients = Vec::new();
    while let Some(client) = tasks.join_next().await {
        clients.push(client?);
    }
    let summary = recorder.summary(started.elapsed());
    clients.sort_by_key(|c| c.index);
    eprintln!("load {run}: checking");

    let writes = ledger.writes();
    let slack = ledger.unanswered();
    let tokens: Vec<Option<String>> = clients.iter().map(|c| c.token.clone()).collect();
    let usernames: Vec<String> = clients.iter().map(|c| c.username.clone()).collect();
    let api = checks::through_api(&base_url, &writes, &tokens, slack, args.database_url.is_none()).await;
    let mut lost = api.lost;
    let mut all_checks = api.checks;
    if let Some(url) = &args.database_url {
        let database = checks::in_database(url, &writes, &usernames, slack).await?;
        lost.extend(database.lost);
        all_checks.extend(database.checks);
    }
    let log_lock_lines = match &args.server_log {
        Some(path) => Some(checks::lock_lines_in_log(path)?),
        None => None,
    };
    Ok(LoadReport {
        run,
        clients: clients.len(),
        summary,
        writes: count_writes(&writes),
        unanswered_writes: slack,
        lost,
        checks: all_checks,
        database_checked: args.database_url.is_some(),
        log_lock_lines,
        peak_rss_kib: args.server_pid.and_then(checks::peak_rss_kib),
    })
}

/// One client's loop until the deadline; hands the client back for the checks.
async fn drive(mut client: Client, shared: Arc<Shared>, deadline: Instant) -> Client {
    while Instant::now() < deadline {
        let action = mix::choose(&mut rand::rng());
        mix::perform(action, &mut client, &shared).await;
    }
    client
}

fn count_writes(writes: &[ledger::Write]) -> Vec<(&'static str, usize)> {
    let mut counts: std::collections::BTreeMap<&'static str, usize> = std::collections::BTreeMap::new();
    for write in writes {
        let kind = match write {
            ledger::Write::LocalPost { via, .. } => *via,
            ledger::Write::Like { .. } => "like",
            ledger::Write::RemoteReply { .. } => "inbox reply",
            ledger::Write::RemoteLike { .. } => "inbox like",
        };
        *counts.entry(kind).or_default() += 1;
    }
    counts.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_parse_with_units() {
        assert_eq!(parse_duration("60s"), Ok(Duration::from_secs(60)));
        assert_eq!(parse_duration("2m"), Ok(Duration::from_secs(120)));
        assert_eq!(parse_duration("1500ms"), Ok(Duration::from_millis(1500)));
        assert_eq!(parse_duration("10"), Ok(Duration::from_secs(10)));
        assert!(parse_duration("ten").is_err());
        assert!(parse_duration("5h").is_err());
    }
}

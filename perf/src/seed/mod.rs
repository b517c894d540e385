//! `allmende-perf seed`: fills an empty database with a large, realistic and deterministic
//! instance (people, groups, threads, likes, follows, remote people on fake peers, events,
//! projects, hashtags in six languages), so `allmende serve` pointed at it serves it.
//!
//! The rows are the ones the application's own write paths make (see each writer module), but
//! written in bulk: the shape is planned up front ([`plan`]), then each table is filled with
//! multi-row `INSERT`s in large transactions ([`bulk`]). No domain events are written: nothing
//! seeded is delivered to the (fake) peers.

pub mod actors;
pub mod bulk;
pub mod database;
pub mod deferred;
pub mod events;
pub mod follows;
pub mod ids;
pub mod likes;
pub mod notifications;
pub mod plan;
pub mod posts;
pub mod projects;
pub mod text;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use allmende::config::Config;
use allmende::domain::SystemClock;
use anyhow::Context as _;
use indicatif::{ProgressBar, ProgressStyle};

/// The password of every seeded account (the admin's too).
pub const PASSWORD: &str = "perf-password-2026";
/// The seeded admin's name.
pub const ADMIN: &str = "perfadmin";

#[derive(Debug, Clone, clap::Args)]
pub struct SeedArgs {
    /// The database to fill (sqlite://FILE or postgres://...): created and migrated if new, and
    /// it must hold no people, groups or posts yet. Defaults to the configured database.
    #[arg(long, env = "ALLMENDE_DATABASE_URL")]
    pub database_url: Option<String>,
    /// A TOML file layered over the built-in defaults, as for `allmende --config`.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Local people (with an account each); a fifth as many remote people come on top.
    #[arg(long, default_value_t = 100_000)]
    pub users: u32,
    /// Local groups.
    #[arg(long, default_value_t = 20_000)]
    pub groups: u32,
    /// Posts: thread openers, replies and people's own posts.
    #[arg(long, default_value_t = 1_000_000)]
    pub posts: u32,
    /// The seed of the random generator: the same seed gives the same instance.
    #[arg(long, default_value_t = 17)]
    pub seed: u64,
}

/// What to make.
#[derive(Debug, Clone, Copy)]
pub struct SeedOptions {
    pub users: u32,
    pub groups: u32,
    pub posts: u32,
    pub seed: u64,
}

impl Default for SeedOptions {
    fn default() -> Self {
        Self { users: 100_000, groups: 20_000, posts: 1_000_000, seed: 17 }
    }
}

/// What was made: rows per table, and a few things worth looking at.
#[derive(Debug, Clone)]
pub struct SeedReport {
    pub rows: Vec<(&'static str, u64)>,
    /// The group with the most threads.
    pub biggest_group: String,
    /// The id of the thread with the most replies, and how many it has.
    pub longest_thread: (i64, u32),
    /// The person who wrote the most posts.
    pub busiest_person: String,
    pub seconds: f64,
    /// Seconds per step, in order.
    pub steps: Vec<(&'static str, f64)>,
}

impl SeedReport {
    pub fn rows_of(&self, table: &str) -> u64 {
        self.rows.iter().find(|(t, _)| *t == table).map_or(0, |(_, n)| *n)
    }
}

struct Steps {
    last: Instant,
    done: Vec<(&'static str, f64)>,
}

impl Steps {
    fn done(&mut self, step: &'static str) {
        self.done.push((step, self.last.elapsed().as_secs_f64()));
        self.last = Instant::now();
    }
}

/// The command: loads the configuration as `allmende` does, fills the database, prints counts.
pub async fn run(args: SeedArgs) -> anyhow::Result<()> {
    let mut config = Config::load(args.config.as_deref())?;
    if let Some(url) = args.database_url {
        config.database.url = url;
    }
    let options = SeedOptions { users: args.users, groups: args.groups, posts: args.posts, seed: args.seed };
    let report = seed_database(&config, options, true).await?;
    println!("Seeded {} in {:.1} s:", database::redact(&config.database_url()), report.seconds);
    for (table, rows) in &report.rows {
        println!("  {table:<22} {rows:>10}");
    }
    println!("Steps:");
    for (step, seconds) in &report.steps {
        println!("  {step:<30} {seconds:>8.1} s");
    }
    println!("Biggest group: {}/g/{}", config.base_url(), report.biggest_group);
    println!(
        "Longest thread: {}/t/{} ({} replies)",
        config.base_url(),
        report.longest_thread.0,
        report.longest_thread.1
    );
    println!("Busiest person: {}/u/{}", config.base_url(), report.busiest_person);
    println!("Every account's password is {PASSWORD:?}; the admin is {ADMIN:?}.");
    Ok(())
}

/// Fills the configured (empty) database. With `progress`, shows a progress bar on stderr.
pub async fn seed_database(
    config: &Config,
    options: SeedOptions,
    progress: bool,
) -> anyhow::Result<SeedReport> {
    let started = Instant::now();
    let mut steps = Steps { last: Instant::now(), done: Vec::new() };
    let url = config.database_url();
    let db = database::open_empty(config, &url).await?;
    let ctx = allmende::startup::service_context(config, db.clone(), Arc::new(SystemClock));
    // The instance actor and its key, and the admin, through the application's own code.
    allmende::service::instance::ensure_instance_actor(&ctx).await.context("creating the instance actor")?;
    let admin = allmende::service::accounts::create_account(
        &ctx,
        allmende::service::accounts::NewAccount {
            username: ADMIN.into(),
            email: None,
            password: PASSWORD.into(),
            admin: true,
        },
    )
    .await
    .context("creating the admin")?;
    let password_hash = database::password_hash(&db, admin.id.0).await?;
    steps.done("schema, instance actor, admin");

    let anchor = database::anchor_now();
    let plan = Arc::new(plan::Plan::new(&options, anchor)?);
    steps.done("plan");
    let bar = if progress { ProgressBar::new(plan.posts.len() as u64) } else { ProgressBar::hidden() };
    bar.set_style(
        ProgressStyle::with_template("{spinner} {msg:<14} [{bar:40}] {pos}/{len} posts ({per_sec}, {eta})")
            .map_err(|e| anyhow::anyhow!("progress bar template: {e}"))?
            .progress_chars("=> "),
    );
    let seed_db = database::seeding_pool(config, &url).await?;
    let set_aside = deferred::set_aside(&seed_db).await.context("setting indexes aside")?;
    let mut writer = bulk::Writer::new(seed_db.clone());
    let mut notes = notifications::Notifications::new();

    bar.set_message("people, groups");
    actors::write(&mut writer, &plan, &password_hash, &config.base_url()).await?;
    steps.done("people and groups");
    bar.set_message("follows");
    follows::write(&mut writer, &plan, &mut notes).await?;
    steps.done("follows");
    bar.set_message("events");
    events::write(&mut writer, &plan, &mut notes).await?;
    projects::write(&mut writer, &plan, &config.network.focus_areas).await?;
    steps.done("events and projects");
    bar.set_message("posts");
    posts::write(&mut writer, &plan, &config.base_url(), &mut notes, &bar).await?;
    steps.done("posts");
    bar.set_message("likes");
    likes::write(&mut writer, &plan, &mut notes).await?;
    steps.done("likes");
    bar.set_message("notifications");
    notes.write(&mut writer).await?;
    writer.finish().await?;
    steps.done("notifications and the rest");
    bar.set_message("indexes");
    deferred::restore(&seed_db, set_aside).await?;
    steps.done("indexes, triggers, search index");
    database::finish(&seed_db).await?;
    steps.done("checkpoint or ANALYZE");
    seed_db.close().await;
    drop(ctx);
    db.close().await;
    bar.finish_with_message("done");
    let rows = database::count_rows(config, &url).await?;
    let biggest_group = {
        let mut threads = vec![0u32; plan.groups.len()];
        for (i, post) in plan.posts.iter().enumerate() {
            if let (Some(group), true) = (post.group, post.is_root(i as u32)) {
                threads[group as usize] += 1;
            }
        }
        let best = (0..threads.len()).max_by_key(|&g| (threads[g], std::cmp::Reverse(g))).unwrap_or(0);
        plan.groups.get(best).map(|g| g.name.clone()).unwrap_or_default()
    };
    let longest_thread = plan
        .posts
        .iter()
        .enumerate()
        .filter(|(i, p)| p.is_root(*i as u32) && p.group.is_some())
        .max_by_key(|(i, p)| (p.reply_count, std::cmp::Reverse(*i)))
        .map(|(_, p)| (p.id, p.reply_count))
        .unwrap_or_default();
    let busiest_person = {
        let mut written = vec![0u32; plan.local_people];
        for post in &plan.posts {
            if let Some(count) = written.get_mut(post.author as usize) {
                *count += 1;
            }
        }
        let best = (0..written.len()).max_by_key(|&p| (written[p], std::cmp::Reverse(p))).unwrap_or(0);
        plan.people.get(best).map(|p| p.name.clone()).unwrap_or_default()
    };
    Ok(SeedReport {
        rows,
        biggest_group,
        longest_thread,
        busiest_person,
        seconds: started.elapsed().as_secs_f64(),
        steps: steps.done,
    })
}

//! What the federation benchmarks share: a served application on loopback, CPU time, and the
//! load of the machine while they run.

use allmende::config::Config;
use allmende::service::{Context, CurrentUser, accounts, groups};
use allmende::startup::Application;
use allmende::state::AppState;

/// The application, served on a loopback port until dropped.
pub struct ServedApp {
    pub state: AppState,
    pub base_url: String,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    server: Option<tokio::task::JoinHandle<()>>,
    _data_dir: tempfile::TempDir,
}

impl ServedApp {
    /// A fresh SQLite instance as `localhost` (the name our URIs carry), reached at its
    /// loopback address; `background_delivery` runs the real delivery worker.
    pub async fn start(background_delivery: bool, configure: impl FnOnce(&mut Config)) -> Self {
        let data_dir = tempfile::tempdir().expect("data directory");
        let mut config = Config::defaults().expect("config");
        config.bind = "127.0.0.1:0".into();
        config.domain = "localhost".into();
        config.insecure_http = true;
        config.data_dir = data_dir.path().to_owned();
        configure(&mut config);
        let mut app = Application::build(config).await.expect("app");
        if !background_delivery {
            app = app.without_background_delivery();
        }
        let port = app.local_addr().expect("address").port();
        let state = app.state().clone();
        let (shutdown, stopped) = tokio::sync::oneshot::channel();
        let server = tokio::spawn(async move {
            let _ = app
                .run_until(async {
                    let _ = stopped.await;
                })
                .await;
        });
        Self {
            state,
            base_url: format!("http://127.0.0.1:{port}"),
            shutdown: Some(shutdown),
            server: Some(server),
            _data_dir: data_dir,
        }
    }

    /// Stops the server and waits for it (the delivery worker finishes what is in flight).
    pub async fn stop(mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        if let Some(server) = self.server.take() {
            let _ = server.await;
        }
    }
}

/// CPU seconds used by this process so far (user + system).
pub fn cpu_time() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else { return 0.0 };
    let fields: Vec<&str> = stat.rsplit(')').next().unwrap_or_default().split_whitespace().collect();
    let ticks: f64 = fields.get(11).and_then(|u| u.parse::<f64>().ok()).unwrap_or(0.0)
        + fields.get(12).and_then(|s| s.parse::<f64>().ok()).unwrap_or(0.0);
    ticks / 100.0
}

/// The load averages, as `uptime` shows them.
pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|text| text.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

/// The soft limit of open files of this process.
pub fn open_files_limit() -> Option<u64> {
    let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
    let line = limits.lines().find(|line| line.starts_with("Max open files"))?;
    line.split_whitespace().nth(3)?.parse().ok()
}

/// The member `ana` and her discussion group `energy`, where the benchmarks' threads go.
pub async fn member_with_group(ctx: &Context) -> CurrentUser {
    let ana = accounts::create_account(
        ctx,
        accounts::NewAccount {
            username: "ana".into(),
            email: None,
            password: "long enough".into(),
            admin: false,
        },
    )
    .await
    .expect("user");
    let group = groups::NewGroup {
        name: "energy".into(),
        kind: "discussion".into(),
        title: "Energy".into(),
        description: "Heat and power".into(),
    };
    groups::create_group(ctx, ana.id, group).await.expect("group");
    ana
}

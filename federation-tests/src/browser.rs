//! A real headless Chromium, driven over WebDriver through Debian's `chromedriver`.

use std::fs::File;
use std::future::Future;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::wd::Capabilities;
use serde_json::json;
use tempfile::TempDir;

use crate::WAIT_SECONDS;
use crate::net::{free_port, poll, probe_status};

/// Debian's `chromium-driver` package.
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// Debian's `chromium` package.
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// `1` makes a missing browser a test failure instead of a skip (for CI images that have one).
pub const REQUIRE_BROWSER_VAR: &str = "ALLMENDE_REQUIRE_BROWSER";

/// A running `chromedriver`. Dropping it kills chromedriver together with every Chromium it
/// started, so a failed test leaves no browser behind.
#[derive(Debug)]
pub struct ChromeDriver {
    child: Child,
    port: u16,
    logs: TempDir,
}

impl ChromeDriver {
    /// Starts chromedriver, or returns `None` after printing "skipped: chromedriver not
    /// installed" when it is missing.
    ///
    /// # Panics
    ///
    /// When it is missing and `ALLMENDE_REQUIRE_BROWSER=1`, or when it does not start.
    pub fn start_or_skip() -> Option<Self> {
        if Path::new(CHROMEDRIVER).is_file() && Path::new(CHROMIUM).is_file() {
            return Some(Self::start());
        }
        let required = std::env::var(REQUIRE_BROWSER_VAR).is_ok_and(|v| v.trim() == "1");
        assert!(!required, "{REQUIRE_BROWSER_VAR}=1 but {CHROMEDRIVER} or {CHROMIUM} is not installed");
        eprintln!("skipped: chromedriver not installed");
        None
    }

    /// Starts chromedriver on a free loopback port and waits until it answers `/status`.
    ///
    /// # Panics
    ///
    /// When it cannot be started or does not answer within [`WAIT_SECONDS`].
    pub fn start() -> Self {
        let logs = tempfile::Builder::new()
            .prefix("allmende-chromedriver-")
            .tempdir()
            .unwrap_or_else(|e| panic!("cannot create a temporary directory: {e}"));
        let port = free_port().unwrap_or_else(|e| panic!("cannot find a free loopback port: {e}"));
        let log_file = File::create(logs.path().join("chromedriver.log"))
            .unwrap_or_else(|e| panic!("cannot create the chromedriver log: {e}"));
        let mut command = Command::new(CHROMEDRIVER);
        command.arg(format!("--port={port}")).stdin(Stdio::null()).stdout(Stdio::null()).stderr(log_file);
        // A process group of its own, so Drop can end the browsers chromedriver spawns as well.
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let child = command.spawn().unwrap_or_else(|e| panic!("cannot start {CHROMEDRIVER}: {e}"));
        let driver = Self { child, port, logs };
        let limit = Duration::from_secs(WAIT_SECONDS);
        let ready = poll(limit, Duration::from_millis(50), || {
            (probe_status(port, &format!("127.0.0.1:{port}"), "/status") == Some(200)).then_some(())
        });
        assert!(ready.is_some(), "chromedriver did not answer within {limit:?}:\n{}", driver.log());
        driver
    }

    /// The WebDriver endpoint, `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// What chromedriver wrote to stderr, for failure messages.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.logs.path().join("chromedriver.log")).unwrap_or_default()
    }

    /// Opens a headless Chromium session that keeps its profile in `user_data_dir`.
    ///
    /// # Panics
    ///
    /// When chromedriver cannot start the browser.
    pub async fn session(&self, user_data_dir: &Path) -> fantoccini::Client {
        // Test binaries that also link a client using rustls with `ring` (megalodon) have two
        // crypto backends; name one, or rustls refuses to guess. A second install is harmless.
        let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
        let mut builder = fantoccini::ClientBuilder::rustls()
            .unwrap_or_else(|e| panic!("cannot initialise TLS for the WebDriver client: {e}"));
        let url = self.url();
        let connect = builder.capabilities(chrome_capabilities(user_data_dir)).connect(&url);
        match tokio::time::timeout(Duration::from_secs(2 * WAIT_SECONDS), connect).await {
            Ok(Ok(client)) => client,
            Ok(Err(e)) => panic!("chromedriver could not start Chromium: {e}\n{}", self.log()),
            Err(_) => panic!("Chromium did not start in time\n{}", self.log()),
        }
    }

    /// Runs `scenario` with a fresh browser session and closes the session afterwards even when
    /// the scenario panics (the panic is then passed on), so no Chromium outlives a failure.
    pub async fn with_session<F, Fut>(&self, user_data_dir: &Path, scenario: F)
    where
        F: FnOnce(fantoccini::Client) -> Fut,
        Fut: Future<Output = ()> + Send + 'static,
    {
        let client = self.session(user_data_dir).await;
        let outcome = tokio::spawn(scenario(client.clone())).await;
        let _ = tokio::time::timeout(Duration::from_secs(WAIT_SECONDS), client.close()).await;
        if let Err(error) = outcome {
            match error.try_into_panic() {
                Ok(panic) => std::panic::resume_unwind(panic),
                Err(error) => panic!("the browser scenario did not finish: {error}"),
            }
        }
    }
}

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        #[cfg(unix)]
        {
            // Negative pid: the whole process group (chromedriver and its Chromium processes).
            let _ = Command::new("kill")
                .args(["-KILL", "--", &format!("-{}", self.child.id())])
                .stderr(Stdio::null())
                .status();
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Capabilities for headless Debian Chromium on a machine without display or network.
///
/// Background networking, component updates and sync are switched off because on a closed network
/// Chromium otherwise stalls on them; `--no-sandbox` and `--disable-dev-shm-usage` are needed in
/// containers; a fresh `user_data_dir` keeps sessions from sharing cookies.
pub fn chrome_capabilities(user_data_dir: &Path) -> Capabilities {
    let limit_ms = Duration::from_secs(WAIT_SECONDS).as_millis();
    let capabilities = json!({
        "browserName": "chrome",
        "timeouts": { "pageLoad": limit_ms, "script": limit_ms, "implicit": 0 },
        "goog:chromeOptions": {
            "binary": CHROMIUM,
            "args": [
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,1024",
                format!("--user-data-dir={}", user_data_dir.display()),
            ],
        },
    });
    match capabilities {
        serde_json::Value::Object(map) => map,
        _ => Capabilities::new(),
    }
}

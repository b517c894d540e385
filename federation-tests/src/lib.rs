//! Harness for end-to-end tests against the real `allmende` binary.
//!
//! The in-crate integration tests (`tests/integration`) build the application inside the test
//! process. These tests instead run the compiled server as a child process, exactly as an
//! operator would, so that several instances can run side by side on loopback ports and talk to
//! each other (the groundwork for federation tests), and so that a real browser can drive them.
//!
//! - [`Instance`] starts `allmende serve` on a free port with its own data directory and
//!   database, waits until it answers `/healthz`, and kills it again on drop.
//! - [`PostgresDatabase`] creates and drops a throw-away PostgreSQL database when
//!   `ALLMENDE_TEST_POSTGRES_URL` is set.
//! - [`Browserless`] is a cookie-keeping HTTP client that submits forms with their CSRF token.
//! - [`ChromeDriver`] runs Debian's `chromedriver` and hands out headless Chromium sessions;
//!   [`axe::audit`] checks the page it shows against WCAG 2.0/2.1 A and AA with axe-core.
//! - [`LoopbackSinks`] are many fake peer inboxes that count the activities they accept.
//!
//! # Running
//!
//! `cargo test -p federation-tests` from the workspace root. It builds `allmende` first (once per
//! test binary). Environment variables:
//!
//! - `ALLMENDE_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres` also runs the
//!   PostgreSQL variants; an unreachable server then fails them.
//! - `ALLMENDE_BIN=/path/to/allmende` tests that binary instead of building one.
//! - `ALLMENDE_REQUIRE_BROWSER=1` fails the browser test when Chromium (or axe-core, from
//!   `npm ci --prefix tests/a11y`) is not installed.
//! - `ALLMENDE_SCREENSHOT_DIR=DIR` keeps the browser test's screenshots.

pub mod axe;
mod binary;
mod browser;
mod browserless;
pub mod clients;
mod instance;
mod net;
pub mod oauth;
mod postgres;
pub mod scenario;
mod sinks;

pub use binary::allmende_binary;
pub use browser::{CHROMEDRIVER, CHROMIUM, ChromeDriver, chrome_capabilities};
pub use browserless::{Browserless, Page, csrf_token, try_csrf_token};
pub use instance::{Backend, Instance, InstanceOptions};
pub use net::free_port;
pub use postgres::{POSTGRES_URL_VAR, PostgresDatabase, run_sql};
pub use sinks::LoopbackSinks;

/// Seconds any single wait in these tests may take before it counts as a failure. Generous,
/// because debug builds on a busy two-core machine are slow (CI runs several three-instance
/// scenarios at once), but bounded so a hang fails.
pub const WAIT_SECONDS: u64 = 45;

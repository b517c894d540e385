//! Accessibility checks in the browser tests: axe-core (pinned in `tests/a11y`, installed with
//! `npm ci --prefix tests/a11y`) is injected into the page the browser shows and run with the
//! WCAG 2.0 and 2.1 A and AA rules; any violation fails the test with a readable list.
//!
//! [`audit`] is the one helper every browser scenario calls after each navigation (a `goto`, or a
//! click that loads another page); [`visit`] is `goto` followed by it.

use std::path::PathBuf;
use std::sync::OnceLock;

use fantoccini::Client;
use serde_json::{Value, json};

use crate::browser::REQUIRE_BROWSER_VAR;

/// The rule tags checked: WCAG 2.0 and 2.1, levels A and AA.
pub const WCAG_TAGS: [&str; 4] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/// `tests/a11y/node_modules/axe-core/axe.min.js` of this checkout.
pub fn axe_script_path() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/a11y/node_modules/axe-core/axe.min.js"))
}

/// The axe-core source, read once; `None` (after a note) when it is not installed and
/// `ALLMENDE_REQUIRE_BROWSER` is not `1`.
///
/// # Panics
///
/// When it is not installed and `ALLMENDE_REQUIRE_BROWSER=1` (CI installs it).
fn axe_source() -> Option<&'static str> {
    static SOURCE: OnceLock<Option<String>> = OnceLock::new();
    SOURCE
        .get_or_init(|| {
            let path = axe_script_path();
            match std::fs::read_to_string(&path) {
                Ok(source) => Some(source),
                Err(error) => {
                    let required = std::env::var(REQUIRE_BROWSER_VAR).is_ok_and(|v| v.trim() == "1");
                    assert!(
                        !required,
                        "{REQUIRE_BROWSER_VAR}=1 but axe-core is not installed at {} ({error}): \
                         npm ci --prefix tests/a11y",
                        path.display()
                    );
                    eprintln!(
                        "skipped: accessibility checks (axe-core is not installed: npm ci --prefix tests/a11y)"
                    );
                    None
                }
            }
        })
        .as_deref()
}

/// One violated rule as axe reports it, reduced to what a reader needs.
#[derive(Debug)]
pub struct Violation {
    pub id: String,
    pub impact: String,
    pub help: String,
    pub help_url: String,
    pub nodes: Vec<ViolatingNode>,
}

/// One element that violates a rule.
#[derive(Debug)]
pub struct ViolatingNode {
    /// CSS selectors, one per frame level, joined by ` >>> `.
    pub target: String,
    pub html: String,
    pub failure_summary: String,
}

fn text(value: &Value, key: &str) -> String {
    value.get(key).and_then(Value::as_str).unwrap_or_default().to_owned()
}

impl Violation {
    fn from_json(value: &Value) -> Self {
        let nodes = value.get("nodes").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
        Self {
            id: text(value, "id"),
            impact: value.get("impact").and_then(Value::as_str).unwrap_or("unknown").to_owned(),
            help: text(value, "help"),
            help_url: text(value, "helpUrl"),
            nodes: nodes.iter().map(ViolatingNode::from_json).collect(),
        }
    }
}

impl ViolatingNode {
    fn from_json(value: &Value) -> Self {
        let targets = value.get("target").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
        let target = targets
            .iter()
            .map(|t| t.as_str().map_or_else(|| t.to_string(), str::to_owned))
            .collect::<Vec<_>>()
            .join(" >>> ");
        Self { target, html: text(value, "html"), failure_summary: text(value, "failureSummary") }
    }
}

/// Runs axe on the page `client` shows and returns the WCAG 2.0/2.1 A and AA violations, or
/// `None` when axe-core is not installed (and not required).
///
/// # Panics
///
/// When the script cannot be injected or axe fails.
pub async fn violations(client: &Client) -> Option<Vec<Violation>> {
    let source = axe_source()?;
    let url = current_url(client).await;
    // Loading the library defines `window.axe` on this page; a new page starts without it.
    client
        .execute(&format!("{source}\nreturn typeof window.axe;"), vec![])
        .await
        .unwrap_or_else(|e| panic!("axe-core cannot be injected into {url}: {e}"));
    let run = r"
        const [tags, done] = arguments;
        window.axe
            .run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
            .then((results) => done({ violations: results.violations }))
            .catch((error) => done({ error: String(error && error.stack || error) }));
    ";
    let value = client
        .execute_async(run, vec![json!(WCAG_TAGS)])
        .await
        .unwrap_or_else(|e| panic!("axe-core did not run on {url}: {e}"));
    if let Some(error) = value.get("error") {
        panic!("axe-core failed on {url}: {error}");
    }
    let Some(found) = value.get("violations").and_then(Value::as_array) else {
        panic!("axe-core's answer on {url} has no violations list: {value}");
    };
    Some(found.iter().map(Violation::from_json).collect())
}

/// Checks the page `client` shows against WCAG 2.0/2.1 A and AA; call it after every navigation.
///
/// # Panics
///
/// On any violation, with a list of rule, impact, target selectors and the page's URL.
pub async fn audit(client: &Client) {
    let Some(found) = violations(client).await else { return };
    if !found.is_empty() {
        let url = current_url(client).await;
        panic!("{}", report(&url, &found));
    }
}

/// `goto` followed by [`audit`].
///
/// # Panics
///
/// When the page does not load or has an accessibility violation.
pub async fn visit(client: &Client, url: &str) {
    client.goto(url).await.unwrap_or_else(|e| panic!("{url} does not open: {e}"));
    audit(client).await;
}

/// The readable failure message for `found` on `url`.
pub fn report(url: &str, found: &[Violation]) -> String {
    let mut out = format!("{} accessibility violation(s) (WCAG 2.0/2.1 A/AA) on {url}:\n", found.len());
    for violation in found {
        out.push_str(&format!(
            "- {} [{}]: {} ({})\n",
            violation.id, violation.impact, violation.help, violation.help_url
        ));
        for node in &violation.nodes {
            out.push_str(&format!("    at {}: {}\n", node.target, node.html));
            for line in node.failure_summary.lines().filter(|l| !l.trim().is_empty()) {
                out.push_str(&format!("      {}\n", line.trim()));
            }
        }
    }
    out
}

async fn current_url(client: &Client) -> String {
    client.current_url().await.map(String::from).unwrap_or_else(|_| "(unknown page)".to_owned())
}

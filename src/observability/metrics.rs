//! The instance's metrics, one registry per running application (tests run several apps in one
//! process), exposed at `/metrics` in the OpenMetrics text format (see [`super::scrape`]).
//!
//! Labels are bounded: routes are the matched route templates (`/g/{name}`), never raw paths;
//! methods, activity types and results come from short fixed lists.

use std::sync::atomic::AtomicU64;

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::metrics::info::Info;
use prometheus_client::registry::Registry;

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct HttpLabels {
    method: &'static str,
    route: String,
    status: u16,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    method: &'static str,
    route: String,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct InboxLabels {
    activity: &'static str,
    result: &'static str,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ResultLabels {
    result: &'static str,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct StateLabels {
    state: &'static str,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct JobLabels {
    job: &'static str,
    result: &'static str,
}

/// Latency buckets in seconds, 5 ms to 10 s.
const LATENCY_BUCKETS: [f64; 12] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0];

fn latency_histogram() -> Histogram {
    Histogram::new(LATENCY_BUCKETS)
}

/// What the delivery queue and the database pool look like at scrape time.
#[derive(Debug, Clone, Copy, Default)]
pub struct ScrapeFigures {
    pub queue_depth: i64,
    pub oldest_pending_seconds: f64,
    pub connections_in_use: i64,
    pub connections_idle: i64,
    pub connections_max: i64,
}

pub struct Metrics {
    registry: Registry,
    http_requests: Family<HttpLabels, Counter>,
    http_duration: Family<RouteLabels, Histogram, fn() -> Histogram>,
    inbox_activities: Family<InboxLabels, Counter>,
    deliveries: Family<ResultLabels, Counter>,
    queue_depth: Gauge,
    oldest_pending_seconds: Gauge<f64, AtomicU64>,
    connections: Family<StateLabels, Gauge>,
    connections_max: Gauge,
    job_runs: Family<JobLabels, Counter>,
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Debug for Metrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Metrics").finish_non_exhaustive()
    }
}

impl Metrics {
    pub fn new() -> Self {
        let mut registry = Registry::with_prefix("allmende");
        let metrics = Self {
            http_requests: Family::default(),
            http_duration: Family::new_with_constructor(latency_histogram as fn() -> Histogram),
            inbox_activities: Family::default(),
            deliveries: Family::default(),
            queue_depth: Gauge::default(),
            oldest_pending_seconds: Gauge::default(),
            connections: Family::default(),
            connections_max: Gauge::default(),
            job_runs: Family::default(),
            registry: Registry::default(),
        };
        registry.register(
            "build",
            "The running version",
            Info::new(vec![("version", env!("CARGO_PKG_VERSION"))]),
        );
        registry.register(
            "http_requests",
            "HTTP requests answered, by method, matched route template and status",
            metrics.http_requests.clone(),
        );
        registry.register(
            "http_request_duration_seconds",
            "Time from receiving a request to its answer's head, by method and route template",
            metrics.http_duration.clone(),
        );
        registry.register(
            "inbox_activities",
            "Activities posted to our inboxes, by type and what became of them",
            metrics.inbox_activities.clone(),
        );
        registry.register(
            "deliveries",
            "Delivery attempts to peers' inboxes, by result (delivered, retry, failed)",
            metrics.deliveries.clone(),
        );
        registry.register(
            "delivery_queue_depth",
            "Deliveries waiting to be sent (pending), read from the database at scrape time",
            metrics.queue_depth.clone(),
        );
        registry.register(
            "delivery_oldest_pending_seconds",
            "Age of the oldest pending delivery (0 when none is pending)",
            metrics.oldest_pending_seconds.clone(),
        );
        registry.register(
            "db_connections",
            "Database pool connections, by state (in_use, idle)",
            metrics.connections.clone(),
        );
        registry.register(
            "db_connections_max",
            "Largest size of the database pool (database.max_connections)",
            metrics.connections_max.clone(),
        );
        registry.register(
            "background_job_runs",
            "Runs of background jobs (delivery rounds, upload clean-up), by job and result",
            metrics.job_runs.clone(),
        );
        Self { registry, ..metrics }
    }

    /// One answered request; `route` is the matched route template or `unmatched`.
    pub fn record_http(&self, method: &axum::http::Method, route: &str, status: u16, seconds: f64) {
        let method = method_label(method);
        let route = route.to_owned();
        self.http_duration.get_or_create(&RouteLabels { method, route: route.clone() }).observe(seconds);
        self.http_requests.get_or_create(&HttpLabels { method, route, status }).inc();
    }

    /// One activity posted to an inbox (see `federation::inbox`).
    pub fn record_inbox(&self, activity: &'static str, result: &'static str) {
        self.inbox_activities.get_or_create(&InboxLabels { activity, result }).inc();
    }

    /// One delivery attempt: `delivered`, `retry` or `failed`.
    pub fn record_delivery(&self, result: &'static str) {
        self.deliveries.get_or_create(&ResultLabels { result }).inc();
    }

    /// One run of a background job.
    pub fn record_job(&self, job: &'static str, succeeded: bool) {
        let result = if succeeded { "ok" } else { "error" };
        self.job_runs.get_or_create(&JobLabels { job, result }).inc();
    }

    /// The whole registry as OpenMetrics text, with the scrape-time figures set first.
    pub fn encode(&self, figures: ScrapeFigures) -> Result<String, std::fmt::Error> {
        self.queue_depth.set(figures.queue_depth);
        self.oldest_pending_seconds.set(figures.oldest_pending_seconds);
        self.connections.get_or_create(&StateLabels { state: "in_use" }).set(figures.connections_in_use);
        self.connections.get_or_create(&StateLabels { state: "idle" }).set(figures.connections_idle);
        self.connections_max.set(figures.connections_max);
        let mut text = String::new();
        prometheus_client::encoding::text::encode(&mut text, &self.registry)?;
        Ok(text)
    }
}

fn method_label(method: &axum::http::Method) -> &'static str {
    use axum::http::Method;
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::OPTIONS => "OPTIONS",
        _ => "other",
    }
}

/// The activity types counted by name; anything else is `other` (peers choose the type, and
/// a label per invented type would grow without bound).
const KNOWN_ACTIVITIES: &[&str] = &[
    "Accept", "Add", "Announce", "Block", "Create", "Delete", "Dislike", "Flag", "Follow", "Join", "Leave",
    "Like", "Lock", "Move", "Reject", "Remove", "Undo", "Update",
];

/// The label for an activity's `type` as a peer wrote it.
pub fn activity_label(kind: Option<&str>) -> &'static str {
    match kind {
        None => "unknown",
        Some(kind) => KNOWN_ACTIVITIES.iter().find(|known| **known == kind).copied().unwrap_or("other"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_stay_bounded() {
        assert_eq!(activity_label(Some("Create")), "Create");
        assert_eq!(activity_label(Some("EvilType<script>")), "other");
        assert_eq!(activity_label(None), "unknown");
        assert_eq!(method_label(&axum::http::Method::from_bytes(b"BREW").unwrap()), "other");
    }

    #[test]
    fn recorded_figures_show_in_the_text() {
        let metrics = Metrics::new();
        metrics.record_http(&axum::http::Method::GET, "/g/{name}", 200, 0.02);
        metrics.record_delivery("delivered");
        let text = metrics.encode(ScrapeFigures { queue_depth: 3, ..ScrapeFigures::default() }).unwrap();
        assert!(
            text.contains(r#"allmende_http_requests_total{method="GET",route="/g/{name}",status="200"} 1"#),
            "{text}"
        );
        assert!(text.contains("allmende_delivery_queue_depth 3"), "{text}");
        assert!(text.ends_with("# EOF\n"), "{text}");
    }
}

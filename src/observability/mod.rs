//! Running the instance for real: health and readiness probes, request ids, structured logs
//! and `/metrics`. Instrumentation lives here (layers and a few `record_*` calls in the inbox
//! and the delivery worker), not in handlers.

pub mod health;
pub mod http_metrics;
pub mod logging;
pub mod metrics;
pub mod request_id;
pub mod scrape;

use axum::Router;
use axum::routing::get;

use crate::state::AppState;

pub use metrics::Metrics;
pub use request_id::RequestId;

/// `/healthz`, `/readyz` and `/metrics`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/metrics", get(scrape::metrics))
}

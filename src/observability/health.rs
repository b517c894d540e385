//! `/healthz`: the process answers (no database involved), for liveness probes and harnesses.
//! `/readyz`: the database answers and its migrations are exactly this version's; otherwise
//! 503 with a short reason, so a load balancer sends no traffic to an instance that cannot
//! serve it.

use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::service::readiness;
use crate::state::AppState;

pub async fn healthz() -> &'static str {
    "ok"
}

pub async fn readyz(State(state): State<AppState>) -> Response {
    let answer = match readiness::check(&state.ctx).await {
        Ok(()) => (StatusCode::OK, "ready\n".to_owned()),
        Err(reason) => (StatusCode::SERVICE_UNAVAILABLE, format!("not ready: {reason}\n")),
    };
    (answer.0, [(header::CACHE_CONTROL, "no-store")], answer.1).into_response()
}

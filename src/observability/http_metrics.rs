//! Counts every answered request by method, matched route template and status, and observes
//! its latency. Runs inside the router (as a `Router::layer`), where axum has put the
//! [`MatchedPath`] into the request; requests no route matched count as `unmatched`.

use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::Response;

use crate::state::AppState;

pub async fn count(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |path| path.as_str().to_owned());
    let response = next.run(request).await;
    state.metrics.record_http(&method, &route, response.status().as_u16(), started.elapsed().as_secs_f64());
    response
}

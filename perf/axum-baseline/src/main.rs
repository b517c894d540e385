//! The smallest axum "hello" server, built with the same axum, tokio and release profile as
//! `allmende`: the yardstick the performance figures in `docs/PERFORMANCE.md` are ratios of.
//!
//! `cargo run --release -p axum-baseline -- PORT` (default 8099), then e.g.
//! `wrk -c50 -d10s http://127.0.0.1:PORT/`.

use axum::Router;
use axum::routing::get;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let port: u16 = std::env::args().nth(1).and_then(|p| p.parse().ok()).unwrap_or(8099);
    let app = Router::new().route("/", get(|| async { "Hello, World!" }));
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    axum::serve(listener, app).await
}

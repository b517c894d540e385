//! Log output on stderr: text for people (the default) or one JSON object a line
//! (`log.format = "json"`), and the span every request's log lines are written in.

use std::io::IsTerminal as _;

use axum::extract::Request;
use tracing_subscriber::EnvFilter;

use super::request_id::RequestId;
use crate::config::{LogConfig, LogFormat};

/// Installs the global subscriber; `RUST_LOG` overrides `log.filter`.
pub fn init(config: &LogConfig) {
    let filter = EnvFilter::try_from_default_env()
        .or_else(|_| EnvFilter::try_new(&config.filter))
        .unwrap_or_else(|_| EnvFilter::new("info"));
    // Colours only for a person at a terminal, not in the journal or a log file.
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal());
    // Only fails when a subscriber is already set (a second call): keep that one.
    let _ = match config.format {
        LogFormat::Text => builder.try_init(),
        // Each line: timestamp, level, fields, target, and the spans it was written in (the
        // request span with its `request_id` among them).
        LogFormat::Json => builder.json().with_current_span(true).with_span_list(true).try_init(),
    };
}

/// The span of one request: its id, method and path (the query is left out: it may hold
/// tokens). Everything logged while the request is handled carries these fields.
pub fn request_span(request: &Request) -> tracing::Span {
    let id = request.extensions().get::<RequestId>().map_or("-", RequestId::as_str);
    tracing::info_span!(
        "request",
        request_id = %id,
        method = %request.method(),
        path = %request.uri().path(),
        // With credentials' values replaced (`request_log`).
        query = %crate::request_log::loggable_query(request.uri()),
    )
}

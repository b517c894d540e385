//! From domain events to activities on the delivery queue.

use super::uris::Uris;
use crate::service::{Context, ServiceError};

/// Turns pending domain events into queued activities; returns how many events were handled.
pub async fn translate_pending_events(_ctx: &Context, _uris: &Uris, _limit: i64) -> Result<usize, ServiceError> {
    Ok(0)
}

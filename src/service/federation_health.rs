//! Federation health for admins: per peer its software, delivery queue, lag, last success and
//! error, failures in a row and a state; and "retry now", which makes a peer's waiting
//! deliveries due at once.

use super::{Context, CurrentUser, ServiceError};
use crate::db;
use crate::domain::Timestamp;

/// How a peer is doing, as far as our deliveries to it tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeerState {
    /// Nothing failing.
    Ok,
    /// The last attempts failed; they are being retried with backoff.
    Retrying,
    /// Failing for days: marked unavailable until it is heard from again.
    Unreachable,
    /// Blocked by an admin (directly or through a block of a domain above it).
    Blocked,
}

impl PeerState {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ok => "ok",
            Self::Retrying => "retrying",
            Self::Unreachable => "unreachable",
            Self::Blocked => "blocked",
        }
    }

    /// Worst first, for sorting.
    fn severity(self) -> u8 {
        match self {
            Self::Unreachable => 0,
            Self::Retrying => 1,
            Self::Blocked => 2,
            Self::Ok => 3,
        }
    }
}

#[derive(Debug, Clone)]
pub struct PeerHealth {
    pub host: String,
    /// From the peer's NodeInfo (asked at most daily), when it has been stored.
    pub software: Option<String>,
    pub software_version: Option<String>,
    /// Activities accepted from the peer in the current clock hour, and in the last 24 hours.
    pub inbound_this_hour: i64,
    pub inbound_last_day: i64,
    /// The admin's policy: `blocked`, `allowed` or `default`.
    pub policy: String,
    pub state: PeerState,
    /// Pending deliveries (queue depth).
    pub pending: i64,
    /// Deliveries given up on, and delivered, as long as the queue keeps them.
    pub failed: i64,
    pub delivered: i64,
    /// When the oldest pending delivery was queued: the peer's lag.
    pub oldest_pending_at: Option<Timestamp>,
    pub last_delivered_at: Option<Timestamp>,
    pub last_failed_at: Option<Timestamp>,
    pub last_error: Option<String>,
    pub failures_in_a_row: i64,
    /// When the peer last sent us a verified request or accepted a delivery.
    pub last_heard_from: Option<Timestamp>,
}

/// Every known peer (and every domain deliveries went to), worst first; admins only.
pub async fn list_peer_health(ctx: &Context, admin: &CurrentUser) -> Result<Vec<PeerHealth>, ServiceError> {
    if !admin.is_admin() {
        return Err(ServiceError::Forbidden);
    }
    let mut conn = ctx.db.acquire().await?;
    let peers = db::federation_health::list_peer_health(&mut conn.conn(), hour_of(ctx.now())).await?;
    let mut queues = db::federation_health::list_deliveries_by_domain(&mut conn.conn()).await?;
    let blocked = db::instances::list_blocked_hosts(&mut conn.conn()).await?;
    let is_blocked = |host: &str| blocked.iter().any(|block| super::peers::block_covers(block, host));
    let at = |millis: Option<i64>| millis.map(Timestamp::from_millis);
    let mut health: Vec<PeerHealth> = peers
        .into_iter()
        .map(|peer| {
            let queue = queues.iter().position(|q| q.domain == peer.host).map(|i| queues.swap_remove(i));
            let pending = queue.as_ref().map_or(0, |q| q.pending);
            let state = peer_state(
                is_blocked(&peer.host),
                peer.unavailable_since.is_some(),
                peer.failing_since.is_some(),
                peer.failures_in_a_row,
                pending,
            );
            PeerHealth {
                software: peer.software,
                software_version: peer.software_version,
                inbound_this_hour: peer.inbound_this_hour,
                inbound_last_day: peer.inbound_last_day,
                state,
                policy: peer.policy,
                pending,
                failed: queue.as_ref().map_or(0, |q| q.failed),
                delivered: queue.as_ref().map_or(0, |q| q.delivered),
                oldest_pending_at: at(queue.as_ref().and_then(|q| q.oldest_pending_at)),
                last_delivered_at: at(peer.last_delivered_at),
                last_failed_at: at(peer.last_failed_at),
                last_error: peer.last_delivery_error,
                failures_in_a_row: peer.failures_in_a_row,
                last_heard_from: at(peer.last_seen_at),
                host: peer.host,
            }
        })
        .collect();
    // Domains with deliveries but no instance row (nothing fetched from them).
    health.extend(queues.into_iter().map(|queue| PeerHealth {
        state: if is_blocked(&queue.domain) { PeerState::Blocked } else { PeerState::Ok },
        software: None,
        software_version: None,
        inbound_this_hour: 0,
        inbound_last_day: 0,
        policy: "default".to_owned(),
        pending: queue.pending,
        failed: queue.failed,
        delivered: queue.delivered,
        oldest_pending_at: at(queue.oldest_pending_at),
        last_delivered_at: None,
        last_failed_at: None,
        last_error: None,
        failures_in_a_row: 0,
        last_heard_from: None,
        host: queue.domain,
    }));
    health.sort_by(|a, b| {
        a.state.severity().cmp(&b.state.severity()).then(b.pending.cmp(&a.pending)).then(a.host.cmp(&b.host))
    });
    Ok(health)
}

/// A peer's state from what is stored about it. Failures with nothing left to send were final
/// answers (refusals), not retries.
fn peer_state(
    blocked: bool,
    unavailable: bool,
    failing: bool,
    failures_in_a_row: i64,
    pending: i64,
) -> PeerState {
    if blocked {
        PeerState::Blocked
    } else if unavailable {
        PeerState::Unreachable
    } else if failing || (failures_in_a_row > 0 && pending > 0) {
        PeerState::Retrying
    } else {
        PeerState::Ok
    }
}

/// How often a peer's NodeInfo is asked for, at most.
pub const SOFTWARE_CHECK_EVERY_MILLIS: i64 = 24 * 3_600_000;
/// Hours of incoming counts kept.
const INBOUND_HOURS_KEPT: i64 = 48;

/// The hour (unix time / 3600) a moment falls in: the incoming counts' bucket.
fn hour_of(at: Timestamp) -> i64 {
    at.millis().div_euclid(3_600_000)
}

/// Counts an activity accepted from `host` in the inbox (one upsert).
pub async fn count_inbound(ctx: &Context, host: &str) -> Result<(), ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    db::federation_health::count_inbound(&mut conn.conn(), host, hour_of(ctx.now())).await?;
    Ok(())
}

/// Forgets incoming counts older than two days (housekeeping).
pub async fn prune_inbound_counts(ctx: &Context) -> Result<u64, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let before = hour_of(ctx.now()) - INBOUND_HOURS_KEPT;
    Ok(db::federation_health::prune_inbound(&mut conn.conn(), before).await?)
}

/// Whether the caller should ask `host` for its NodeInfo now: true at most once a day per
/// peer, for exactly one caller.
pub async fn claim_software_check(ctx: &Context, host: &str) -> Result<bool, ServiceError> {
    let now = ctx.now().millis();
    let mut conn = ctx.db.acquire().await?;
    Ok(db::federation_health::claim_nodeinfo_check(
        &mut conn.conn(),
        host,
        now,
        now - SOFTWARE_CHECK_EVERY_MILLIS,
    )
    .await?)
}

/// Stores the software a peer's NodeInfo names (cut to sane lengths).
pub async fn store_software(
    ctx: &Context,
    host: &str,
    name: &str,
    version: Option<&str>,
) -> Result<(), ServiceError> {
    let clean = |text: &str| -> String {
        text.chars().filter(|c| !c.is_control()).take(100).collect::<String>().trim().to_owned()
    };
    let name = clean(name);
    if name.is_empty() {
        return Ok(());
    }
    let version = version.map(clean).filter(|v| !v.is_empty());
    let mut conn = ctx.db.acquire().await?;
    db::federation_health::set_software(&mut conn.conn(), host, &name, version.as_deref()).await?;
    Ok(())
}

/// Makes the peer's pending deliveries due now; returns how many were waiting. Admins only.
pub async fn retry_now(ctx: &Context, admin: &CurrentUser, host: &str) -> Result<u64, ServiceError> {
    if !admin.is_admin() {
        return Err(ServiceError::Forbidden);
    }
    let host = super::peers::normalize_host(host)?;
    let mut conn = ctx.db.acquire().await?;
    let made_due = db::deliveries::update_domain_due_now(&mut conn.conn(), &host, ctx.now().millis()).await?;
    tracing::info!(%host, made_due, admin = %admin.name, "deliveries to a peer retried now");
    Ok(made_due)
}

#[cfg(test)]
mod tests {
    use super::{PeerState, peer_state};

    #[test]
    fn states_go_from_blocked_to_ok() {
        assert_eq!(peer_state(true, true, true, 3, 2), PeerState::Blocked);
        assert_eq!(peer_state(false, true, true, 3, 0), PeerState::Unreachable);
        assert_eq!(peer_state(false, false, true, 0, 0), PeerState::Retrying);
        assert_eq!(peer_state(false, false, false, 2, 1), PeerState::Retrying);
        assert_eq!(peer_state(false, false, false, 2, 0), PeerState::Ok, "refused for good, nothing waits");
        assert_eq!(peer_state(false, false, false, 0, 5), PeerState::Ok);
    }
}

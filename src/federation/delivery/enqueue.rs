//! Putting an activity on the queue, inside the caller's transaction.

use std::collections::BTreeSet;

use url::Url;

use crate::db::{self, Conn};
use crate::service::{Context, ServiceError};

/// Where an activity goes: an inbox URL (a shared inbox where the peer has one).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Recipient {
    pub inbox: Url,
}

/// The host and port of a URL: the unit of ordering, backoff and blocking.
pub fn domain_of(url: &Url) -> Option<String> {
    let host = url.host_str()?.to_ascii_lowercase();
    Some(match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host,
    })
}

/// Stores the activity once and one delivery per distinct remote inbox. Inboxes on our own
/// host, of blocked peers (or, in allowlist mode, peers not allowed), of peers marked
/// unavailable and of remote actors that are gone (`service::gone_actors`) are skipped.
/// Returns the number of deliveries made.
pub async fn enqueue_activity(
    ctx: &Context,
    conn: &mut Conn<'_>,
    own_host: &str,
    actor_id: i64,
    activity_ap_id: &str,
    payload: &serde_json::Value,
    recipients: impl IntoIterator<Item = Recipient>,
) -> Result<usize, ServiceError> {
    let inboxes: BTreeSet<Recipient> = recipients.into_iter().collect();
    let mut targets = Vec::new();
    let allowlist_only = crate::service::peers::allowlist_only_in(ctx, conn).await?;
    // Read once for the whole fan-out, not once per inbox.
    let blocked = db::instances::list_blocked_hosts(conn).await?;
    for recipient in inboxes {
        let Some(domain) = domain_of(&recipient.inbox) else { continue };
        if domain.eq_ignore_ascii_case(own_host) {
            continue;
        }
        let instance = db::instances::get_instance_by_host(conn, &domain).await?;
        let policy = instance.as_ref().map(|i| i.policy.as_str());
        let refused = blocked.iter().any(|block| crate::service::peers::block_covers(block, &domain))
            || (allowlist_only && policy != Some("allowed"))
            || instance.as_ref().is_some_and(|i| i.unavailable_since.is_some())
            || db::gone_actors::is_gone_inbox(conn, recipient.inbox.as_str()).await?;
        if refused {
            continue;
        }
        targets.push((recipient.inbox, domain));
    }
    if targets.is_empty() {
        return Ok(0);
    }
    let now = ctx.now().millis();
    let activity_id = ctx.new_id();
    let payload = serde_json::to_string(payload).map_err(|e| ServiceError::Internal(e.to_string()))?;
    db::deliveries::insert_outbox_activity(conn, activity_id, activity_ap_id, actor_id, &payload, now)
        .await?;
    for (inbox, domain) in &targets {
        db::deliveries::insert_delivery(conn, ctx.new_id(), activity_id, inbox.as_str(), domain, now).await?;
    }
    Ok(targets.len())
}

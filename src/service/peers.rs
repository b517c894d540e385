//! Instance policy: which peers we talk to. Open with a blocklist by default; an admin can
//! switch to allowlist-only.

use super::{Context, ServiceError};
use crate::db;

/// Whether a peer host is refused: blocked, or not allowed while in allowlist mode.
pub async fn is_refused(ctx: &Context, host: &str) -> Result<bool, ServiceError> {
    Ok(refusal(ctx, host).await?.is_some())
}

/// Why a peer host is refused, if it is: blocked, or not allowed while in allowlist mode.
pub async fn refusal(ctx: &Context, host: &str) -> Result<Option<&'static str>, ServiceError> {
    let Ok(host) = normalize_host(host) else {
        return Ok(Some("not a host name"));
    };
    let mut conn = ctx.db.acquire().await?;
    if blocked_in(&mut conn.conn(), &host).await? {
        return Ok(Some("peer blocked by an admin"));
    }
    let instance = db::instances::get_instance_by_host(&mut conn.conn(), &host).await?;
    let policy = instance.map(|i| i.policy);
    if policy.as_deref() != Some("allowed") && allowlist_only_in(ctx, &mut conn.conn()).await? {
        return Ok(Some("peer not on the allowlist"));
    }
    Ok(None)
}

/// The stored name of the allowlist switch.
const ALLOWLIST_ONLY: &str = "federation.allowlist_only";

/// Whether the instance federates only with allowed peers: the admin's choice in the web
/// interface, else the configuration (`federation.allowlist_only`).
pub async fn allowlist_only(ctx: &Context) -> Result<bool, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    allowlist_only_in(ctx, &mut conn.conn()).await
}

/// [`allowlist_only`] on a connection the caller holds (a transaction, for the delivery queue).
pub async fn allowlist_only_in(ctx: &Context, conn: &mut db::Conn<'_>) -> Result<bool, ServiceError> {
    Ok(match db::instance_settings::get_setting(conn, ALLOWLIST_ONLY).await?.as_deref() {
        Some("true") => true,
        Some("false") => false,
        _ => ctx.settings.federation_allowlist_only,
    })
}

/// Switches allowlist mode on or off, for admins only; kept in the database, so it outlives
/// restarts and overrides the configuration from then on.
pub async fn set_allowlist_only(
    ctx: &Context,
    admin: &super::CurrentUser,
    allowlist_only: bool,
) -> Result<(), ServiceError> {
    if !admin.is_admin() {
        return Err(ServiceError::Forbidden);
    }
    let mut conn = ctx.db.acquire().await?;
    let value = if allowlist_only { "true" } else { "false" };
    db::instance_settings::upsert_setting(&mut conn.conn(), ALLOWLIST_ONLY, value, ctx.now().millis())
        .await?;
    tracing::info!(allowlist_only, admin = %admin.name, "federation mode changed");
    Ok(())
}

/// Whether an admin blocked a peer host (whatever the allowlist mode).
pub async fn is_blocked(ctx: &Context, host: &str) -> Result<bool, ServiceError> {
    let Ok(host) = normalize_host(host) else {
        return Ok(true);
    };
    let mut conn = ctx.db.acquire().await?;
    blocked_in(&mut conn.conn(), &host).await
}

/// Whether a block covers the normalised `host` (see [`block_covers`]).
pub async fn blocked_in(conn: &mut db::Conn<'_>, host: &str) -> Result<bool, ServiceError> {
    let blocked = db::instances::list_blocked_hosts(conn).await?;
    Ok(blocked.iter().any(|block| block_covers(block, host)))
}

/// Whether the block entry `block` covers the normalised `host`: an entry with a port covers
/// that host and port only; one without covers the name on every port and every domain below
/// it (a block of `evil.example` covers `evil.example:8443` and `a.evil.example`).
pub fn block_covers(block: &str, host: &str) -> bool {
    if block == host {
        return true;
    }
    if name_without_port(block) != block {
        return false;
    }
    let name = name_without_port(host);
    name == block || name.strip_suffix(block).is_some_and(|above| above.ends_with('.'))
}

/// `name` of `name:port` (IPv6 literals keep their brackets).
pub fn name_without_port(host: &str) -> &str {
    match host.rsplit_once(':') {
        Some((name, port))
            if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) && !name.ends_with(':') =>
        {
            name
        }
        _ => host,
    }
}

/// Blocks, allows or resets a peer (`blocked`, `allowed`, `default`). A blocked peer gets 403
/// at the inbox before any key is fetched, and nothing is fetched from or delivered to it; what
/// is stored from it is hidden (see `instance_blocks`).
pub async fn set_policy(
    ctx: &Context,
    admin: &super::CurrentUser,
    host: &str,
    policy: &str,
    public_reason: &str,
) -> Result<(), ServiceError> {
    if !admin.is_admin() {
        return Err(ServiceError::Forbidden);
    }
    if !matches!(policy, "blocked" | "allowed" | "default") {
        return Err(crate::domain::FieldError::new("policy", "must be blocked, allowed or default").into());
    }
    if policy == "blocked" {
        super::instance_blocks::block_instance(ctx, admin, host, public_reason, "").await?;
        return Ok(());
    }
    let host = normalize_host(host)?;
    if is_blocked(ctx, &host).await? {
        super::instance_blocks::unblock_instance(ctx, admin, &host).await?;
    }
    let mut conn = ctx.db.acquire().await?;
    db::instances::upsert_instance(&mut conn.conn(), ctx.new_id(), &host, ctx.now().millis()).await?;
    db::instances::update_instance_policy(&mut conn.conn(), &host, policy).await?;
    tracing::info!(%host, policy, admin = %admin.name, "peer policy changed");
    Ok(())
}

/// `Host[:port]` in lowercase, parsed as a URL host so odd characters cannot smuggle another host.
pub fn normalize_host(raw: &str) -> Result<String, ServiceError> {
    let raw = raw.trim().trim_end_matches('.');
    let invalid = || ServiceError::from(crate::domain::FieldError::new("host", "is not a host name"));
    if raw.is_empty() || raw.contains(['/', '@', '?', '#', ' ']) {
        return Err(invalid());
    }
    let url = url::Url::parse(&format!("https://{raw}/")).map_err(|_| invalid())?;
    let host = url.host_str().ok_or_else(invalid)?.trim_end_matches('.').to_ascii_lowercase();
    Ok(match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host,
    })
}

/// A peer sent us a verified request: it is reachable again.
pub async fn heard_from(ctx: &Context, host: &str) -> Result<(), ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    db::instances::update_instance_heard_from(&mut conn.conn(), host, ctx.now().millis()).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::normalize_host;

    #[test]
    fn ports_are_taken_off_names() {
        use super::name_without_port;
        assert_eq!(name_without_port("evil.example:8443"), "evil.example");
        assert_eq!(name_without_port("evil.example"), "evil.example");
        assert_eq!(name_without_port("[::1]:8080"), "[::1]");
        assert_eq!(name_without_port("[::1]"), "[::1]");
    }

    #[test]
    fn blocks_cover_ports_and_subdomains() {
        use super::block_covers;
        for host in ["evil.example", "evil.example:8443", "a.evil.example", "b.a.evil.example:1"] {
            assert!(block_covers("evil.example", host), "{host}");
        }
        for host in ["notevil.example", "evil.example.org", "example", "vil.example"] {
            assert!(!block_covers("evil.example", host), "{host}");
        }
        assert!(block_covers("evil.example:8443", "evil.example:8443"));
        assert!(!block_covers("evil.example:8443", "evil.example:9000"));
        assert!(!block_covers("evil.example:8443", "evil.example"));
        assert!(!block_covers("evil.example:8443", "a.evil.example:8443"));
    }

    #[test]
    fn hosts_are_normalised_or_refused() {
        assert_eq!(normalize_host(" Forum.Example. ").unwrap(), "forum.example");
        assert_eq!(normalize_host("LOCALHOST:8081").unwrap(), "localhost:8081");
        assert_eq!(normalize_host("xn--bcher-kva.example").unwrap(), "xn--bcher-kva.example");
        assert_eq!(normalize_host("bücher.example").unwrap(), "xn--bcher-kva.example");
        for bad in ["", "a/b", "evil.example@good.example", "a b", "host?x", "https://x"] {
            assert!(normalize_host(bad).is_err(), "{bad}");
        }
    }
}

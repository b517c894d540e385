//! Admins block whole instances (a host and, without a port, all its ports and subdomains): the
//! block is checked at the inbox, signed fetches and delivery (`peers`), and also hides what is
//! already stored from there (its actors are suspended with the domain), ends follows in both
//! directions, and is published with its public reason on `/about`, as Mastodon publishes its
//! moderated servers. Lifting the block restores what it hid.

use super::{Context, CurrentUser, ServiceError, peers};
use crate::db;
use crate::domain::Timestamp;

/// A block as admins and the public see it (the private comment for admins only).
#[derive(Debug, Clone)]
pub struct InstanceBlock {
    pub id: i64,
    pub host: String,
    pub public_reason: String,
    pub private_comment: String,
    pub blocked_at: Option<Timestamp>,
}

impl From<db::instance_blocks::InstanceBlockRow> for InstanceBlock {
    fn from(row: db::instance_blocks::InstanceBlockRow) -> Self {
        Self {
            id: row.id,
            host: row.host,
            public_reason: row.public_reason.unwrap_or_default(),
            private_comment: row.private_comment.unwrap_or_default(),
            blocked_at: row.blocked_at.map(Timestamp::from_millis),
        }
    }
}

/// Longest public reason or private comment kept.
const MAX_REASON_CHARS: usize = 1_000;

fn reason(raw: &str) -> Option<String> {
    let trimmed: String = raw.trim().chars().take(MAX_REASON_CHARS).collect();
    (!trimmed.is_empty()).then_some(trimmed)
}

/// Blocks `host` (normalised; refused when not a host name), for admins only. Blocking again
/// updates the reasons. Returns the block.
pub async fn block_instance(
    ctx: &Context,
    admin: &CurrentUser,
    host: &str,
    public_reason: &str,
    private_comment: &str,
) -> Result<InstanceBlock, ServiceError> {
    if !admin.is_admin() {
        return Err(ServiceError::Forbidden);
    }
    let host = peers::normalize_host(host)?;
    let now = ctx.now().millis();
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let instance = db::instances::upsert_instance(&mut conn, ctx.new_id(), &host, now).await?;
    db::instances::update_instance_policy(&mut conn, &host, "blocked").await?;
    let (public_reason, private_comment) = (reason(public_reason), reason(private_comment));
    db::instance_blocks::update_block_reasons(
        &mut conn,
        instance.id,
        public_reason.as_deref(),
        private_comment.as_deref(),
        now,
    )
    .await?;
    let mut hidden = 0;
    for (covered, covered_host) in covered_instances(&mut conn, &host).await? {
        hidden += db::suspensions::update_instance_suspended(&mut conn, covered, now).await?;
        db::suspensions::delete_instance_follows(&mut conn, covered).await?;
        db::deliveries::update_domain_failed(&mut conn, &covered_host, "peer blocked by an admin", now)
            .await?;
    }
    let block = db::instance_blocks::get_instance_block(&mut conn, instance.id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    tx.commit().await?;
    tracing::info!(%host, hidden, admin = %admin.name, "instance blocked");
    Ok(block.into())
}

/// Lifts the block of `host` (its policy goes back to the default); what the block hid shows
/// again. Follows that ended stay ended.
pub async fn unblock_instance(ctx: &Context, admin: &CurrentUser, host: &str) -> Result<(), ServiceError> {
    if !admin.is_admin() {
        return Err(ServiceError::Forbidden);
    }
    let host = peers::normalize_host(host)?;
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let Some(instance) = db::instances::get_instance_by_host(&mut conn, &host).await? else {
        return Err(ServiceError::NotFound);
    };
    if instance.policy != "blocked" {
        return Ok(());
    }
    db::instances::update_instance_policy(&mut conn, &host, "default").await?;
    db::instance_blocks::delete_block_reasons(&mut conn, instance.id).await?;
    let still_blocked = db::instances::list_blocked_hosts(&mut conn).await?;
    for (covered, covered_host) in covered_instances(&mut conn, &host).await? {
        if !still_blocked.iter().any(|block| peers::block_covers(block, &covered_host)) {
            db::suspensions::update_instance_unsuspended(&mut conn, covered).await?;
        }
    }
    tx.commit().await?;
    tracing::info!(%host, admin = %admin.name, "instance unblocked");
    Ok(())
}

/// The known instances (id and host) a block of `host` covers.
async fn covered_instances(conn: &mut db::Conn<'_>, host: &str) -> Result<Vec<(i64, String)>, ServiceError> {
    Ok(db::instances::list_instances(conn)
        .await?
        .into_iter()
        .filter(|instance| peers::block_covers(host, &instance.host))
        .map(|instance| (instance.id, instance.host))
        .collect())
}

/// Every block, with private comments: admins only.
pub async fn list_blocks(ctx: &Context, admin: &CurrentUser) -> Result<Vec<InstanceBlock>, ServiceError> {
    if !admin.is_admin() {
        return Err(ServiceError::Forbidden);
    }
    let mut conn = ctx.db.acquire().await?;
    Ok(db::instance_blocks::list_instance_blocks(&mut conn.conn())
        .await?
        .into_iter()
        .map(Into::into)
        .collect())
}

/// One block by id: admins only.
pub async fn get_block(ctx: &Context, admin: &CurrentUser, id: i64) -> Result<InstanceBlock, ServiceError> {
    if !admin.is_admin() {
        return Err(ServiceError::Forbidden);
    }
    let mut conn = ctx.db.acquire().await?;
    Ok(db::instance_blocks::get_instance_block(&mut conn.conn(), id)
        .await?
        .ok_or(ServiceError::NotFound)?
        .into())
}

/// The blocks as everyone may see them (`/about`): hosts and public reasons, no comments.
pub async fn list_public_blocks(ctx: &Context) -> Result<Vec<InstanceBlock>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    Ok(db::instance_blocks::list_instance_blocks(&mut conn.conn())
        .await?
        .into_iter()
        .map(|row| InstanceBlock { private_comment: String::new(), ..row.into() })
        .collect())
}

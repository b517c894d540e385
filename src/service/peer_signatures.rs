//! Which HTTP signature format we sign with for each peer (host and port), and what we learn:
//! a peer we know nothing about gets draft-cavage (`federation.first_signature_format`), what
//! the whole fediverse accepts. A peer that refuses one format (401/403) is asked once more in
//! the other ("double-knocking"), and the format that was answered is remembered; a peer seen
//! signing with RFC 9421 itself is taken to accept it.

use crate::db;
use crate::federation::signatures::SignatureFormat;
use crate::service::{Context, ServiceError};

/// How a peer's format was learned.
const ACCEPTED: &str = "accepted";
const SIGNED: &str = "signed";

/// The format remembered for `host`, if any.
pub async fn known_format(ctx: &Context, host: &str) -> Result<Option<SignatureFormat>, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let row = db::peer_signature_formats::get_peer_signature_format(&mut conn.conn(), host).await?;
    Ok(row.and_then(|row| SignatureFormat::parse(&row.format)))
}

/// The format to sign with first for `host`: the remembered one, else `default`.
pub async fn first_format(
    ctx: &Context,
    host: &str,
    default: SignatureFormat,
) -> Result<SignatureFormat, ServiceError> {
    Ok(known_format(ctx, host).await?.unwrap_or(default))
}

/// A request of ours signed in `format` was answered (not refused) by `host`. Written only
/// when it changes what is remembered.
pub async fn accepted(ctx: &Context, host: &str, format: SignatureFormat) -> Result<(), ServiceError> {
    remember(ctx, host, format, ACCEPTED).await
}

/// `host` signed a request to us in `format` (which verified). Only RFC 9421 teaches
/// anything: a peer that signs with it verifies it too; every peer signs cavage.
pub async fn seen_signing(ctx: &Context, host: &str, format: SignatureFormat) -> Result<(), ServiceError> {
    if format != SignatureFormat::Rfc9421 {
        return Ok(());
    }
    remember(ctx, host, format, SIGNED).await
}

async fn remember(
    ctx: &Context,
    host: &str,
    format: SignatureFormat,
    learned_by: &str,
) -> Result<(), ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let known = db::peer_signature_formats::get_peer_signature_format(&mut conn.conn(), host).await?;
    if known.is_some_and(|row| row.format == format.as_str()) {
        return Ok(());
    }
    db::peer_signature_formats::upsert_peer_signature_format(
        &mut conn.conn(),
        host,
        format.as_str(),
        learned_by,
        ctx.now().millis(),
    )
    .await?;
    tracing::info!(%host, format = format.as_str(), learned_by, "learned a peer's signature format");
    Ok(())
}

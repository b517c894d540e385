//! Signing keys of local actors. People and groups get theirs the first time federation needs
//! it, so creating accounts and groups stays fast.

use super::instance::generate_key_pair;
use super::{Context, ServiceError};
use crate::db;
use crate::domain::ActorId;

#[derive(Debug, Clone)]
pub struct ActorKeys {
    pub public_key_pem: String,
    /// Present for local actors only.
    pub private_key_pem: Option<String>,
}

/// The key pair of an actor, made and stored on first use for local actors.
pub async fn actor_keys(ctx: &Context, actor: ActorId) -> Result<ActorKeys, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let row = db::actors::get_actor_keys(&mut conn.conn(), actor.0).await?.ok_or(ServiceError::NotFound)?;
    if let Some(public_key_pem) = row.public_key_pem {
        return Ok(ActorKeys { public_key_pem, private_key_pem: row.private_key_pem });
    }
    drop(conn);
    let (public_pem, private_pem) = tokio::task::spawn_blocking(generate_key_pair)
        .await
        .map_err(|e| ServiceError::Internal(e.to_string()))??;
    let mut conn = ctx.db.acquire().await?;
    db::actors::update_actor_keys_if_missing(&mut conn.conn(), actor.0, &public_pem, &private_pem).await?;
    let row = db::actors::get_actor_keys(&mut conn.conn(), actor.0).await?.ok_or(ServiceError::NotFound)?;
    match row.public_key_pem {
        Some(public_key_pem) => Ok(ActorKeys { public_key_pem, private_key_pem: row.private_key_pem }),
        None => Err(ServiceError::Internal("actor key was not stored".into())),
    }
}

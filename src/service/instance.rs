//! The instance itself: its actor and signing key, made on first start.

use super::{Context, ServiceError};
use crate::db::{self, actors::NewLocalActor};

/// The local name of the instance actor (served at `/actor`); reserved for people and groups.
pub const INSTANCE_ACTOR_NAME: &str = "actor";

/// Makes sure the instance actor exists with an RSA key pair. Returns true when it was created.
pub async fn ensure_instance_actor(ctx: &Context) -> Result<bool, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    if db::actors::get_instance_actor_key(&mut conn.conn()).await?.is_some() {
        return Ok(false);
    }
    drop(conn);
    let (public_pem, private_pem) = tokio::task::spawn_blocking(generate_key_pair)
        .await
        .map_err(|e| ServiceError::Internal(e.to_string()))??;
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    if db::actors::local_name_taken(&mut conn, INSTANCE_ACTOR_NAME).await? {
        return Ok(false);
    }
    db::actors::insert_local_actor(
        &mut conn,
        &NewLocalActor {
            id: ctx.new_id(),
            kind: "application",
            name: INSTANCE_ACTOR_NAME,
            display_name: "",
            summary_source: "",
            summary_html: "",
            language: None,
            group_kind: None,
            public_key_pem: Some(&public_pem),
            private_key_pem: Some(&private_pem),
            now: ctx.now().millis(),
        },
    )
    .await?;
    tx.commit().await?;
    tracing::info!("created the instance actor and its signing key");
    Ok(true)
}

/// A 2048-bit RSA key pair as PEM (the size the fediverse expects for HTTP signatures):
/// (public SubjectPublicKeyInfo, private PKCS#8).
pub fn generate_key_pair() -> Result<(String, String), ServiceError> {
    crate::federation::signatures::rsa_keys::generate_pem_pair()
        .map_err(|e| ServiceError::Internal(e.to_string()))
}

/// The instance actor's private key, which signs our fetches ("authorized fetch" peers need it).
pub async fn instance_private_key(ctx: &Context) -> Result<String, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    db::actors::get_instance_actor_private_key(&mut conn.conn()).await?.ok_or(ServiceError::NotFound)
}

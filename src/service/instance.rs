//! The instance itself: its actor and signing key, made on first start.

use rsa::pkcs8::{EncodePrivateKey, EncodePublicKey, LineEnding};
use rsa::{RsaPrivateKey, RsaPublicKey};

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

/// A 2048-bit RSA key pair as PEM (the size the fediverse expects for HTTP signatures).
pub fn generate_key_pair() -> Result<(String, String), ServiceError> {
    let mut rng = rsa::rand_core::OsRng;
    let private = RsaPrivateKey::new(&mut rng, 2048).map_err(|e| ServiceError::Internal(e.to_string()))?;
    let public = RsaPublicKey::from(&private);
    let public_pem =
        public.to_public_key_pem(LineEnding::LF).map_err(|e| ServiceError::Internal(e.to_string()))?;
    let private_pem =
        private.to_pkcs8_pem(LineEnding::LF).map_err(|e| ServiceError::Internal(e.to_string()))?.to_string();
    Ok((public_pem, private_pem))
}

/// The instance actor's private key, which signs our fetches ("authorized fetch" peers need it).
pub async fn instance_private_key(ctx: &Context) -> Result<String, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    db::actors::get_instance_actor_private_key(&mut conn.conn()).await?.ok_or(ServiceError::NotFound)
}

//! Which HTTP signature format each peer takes from us (`draft-cavage` or `rfc9421`), learned
//! by double-knocking or from the peer's own signatures.

use super::{Conn, DbError, execute, query_as};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PeerSignatureFormatRow {
    pub host: String,
    pub format: String,
    pub learned_by: String,
    pub updated_at: i64,
}

pub async fn get_peer_signature_format(
    conn: &mut Conn<'_>,
    host: &str,
) -> Result<Option<PeerSignatureFormatRow>, DbError> {
    query_as!(
        conn,
        PeerSignatureFormatRow,
        fetch_optional,
        "SELECT host, format, learned_by, updated_at FROM peer_signature_formats WHERE host = $1",
        host
    )
}

/// Records `format` for `host`, replacing what was known.
pub async fn upsert_peer_signature_format(
    conn: &mut Conn<'_>,
    host: &str,
    format: &str,
    learned_by: &str,
    now: i64,
) -> Result<(), DbError> {
    execute!(
        conn,
        "INSERT INTO peer_signature_formats (host, format, learned_by, updated_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (host) DO UPDATE SET format = excluded.format, learned_by = excluded.learned_by, \
         updated_at = excluded.updated_at",
        host,
        format,
        learned_by,
        now,
    )?;
    Ok(())
}

//! `manifest.json`, the first entry of every backup archive: what it holds and who made it.

use serde::{Deserialize, Serialize};

/// The archive layout this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;
/// Marks an archive as ours (a tar of something else has no such manifest).
pub const FORMAT_NAME: &str = "allmende-backup";
pub const FILE_NAME: &str = "manifest.json";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub format_version: u32,
    /// `sqlite` or `postgres`: the backend the snapshot comes from and can be restored into.
    pub backend: String,
    /// The archive entry holding the database (`database.sqlite` or `database.pgdump`).
    pub database: String,
    /// The Allmende version that made the backup.
    pub app_version: String,
    /// RFC 3339, UTC.
    pub created_at: String,
}

impl Manifest {
    pub fn new(backend: &str, database: &str) -> Self {
        Self {
            format: FORMAT_NAME.into(),
            format_version: FORMAT_VERSION,
            backend: backend.into(),
            database: database.into(),
            app_version: env!("CARGO_PKG_VERSION").into(),
            created_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        }
    }

    /// Reads a manifest, refusing archives that are not ours or of a newer layout.
    pub fn parse(bytes: &[u8]) -> anyhow::Result<Self> {
        let manifest: Manifest = serde_json::from_slice(bytes)
            .map_err(|e| anyhow::anyhow!("the archive's manifest.json is not readable: {e}"))?;
        if manifest.format != FORMAT_NAME {
            anyhow::bail!("this is not an Allmende backup (manifest format {:?})", manifest.format);
        }
        if manifest.format_version > FORMAT_VERSION {
            anyhow::bail!(
                "the backup has format version {}, made by Allmende {}; this Allmende reads up to version \
                 {FORMAT_VERSION}: restore it with a newer Allmende",
                manifest.format_version,
                manifest.app_version
            );
        }
        Ok(manifest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manifest_reads_back_and_foreign_or_newer_ones_are_refused() {
        let manifest = Manifest::new("sqlite", "database.sqlite");
        let bytes = serde_json::to_vec(&manifest).expect("json");
        assert_eq!(Manifest::parse(&bytes).expect("parses"), manifest);
        let newer = Manifest { format_version: FORMAT_VERSION + 1, ..manifest.clone() };
        let error = Manifest::parse(&serde_json::to_vec(&newer).expect("json")).expect_err("refused");
        assert!(error.to_string().contains("newer Allmende"), "{error}");
        let foreign = Manifest { format: "other".into(), ..manifest };
        assert!(Manifest::parse(&serde_json::to_vec(&foreign).expect("json")).is_err());
        assert!(Manifest::parse(b"not json").is_err());
    }
}

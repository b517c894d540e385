//! The backup file: a gzip-compressed tar with `manifest.json` first, then the database
//! (`database.sqlite` or `database.pgdump`), then `media/<name>` for each uploaded file.

use std::fs::File;
use std::io::{BufReader, BufWriter, Read};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use flate2::Compression;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;

use super::manifest::{self, Manifest};
use super::progress::{CountingReader, Progress, size};
use crate::media::store::is_media_file_name;

const MEDIA_PREFIX: &str = "media/";

/// What went into an archive.
#[derive(Debug, Clone, Copy, Default)]
pub struct Contents {
    pub database_bytes: u64,
    pub media_files: u64,
    pub media_bytes: u64,
}

/// The media files to back up: our own names only (no `.partial` files being written), sorted.
pub fn list_media(media_dir: &Path) -> anyhow::Result<Vec<String>> {
    let entries = match std::fs::read_dir(media_dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => return Err(error).with_context(|| format!("cannot read {}", media_dir.display())),
    };
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.with_context(|| format!("cannot read {}", media_dir.display()))?;
        if let Some(name) = entry.file_name().to_str().filter(|name| is_media_file_name(name)) {
            names.push(name.to_owned());
        }
    }
    names.sort();
    Ok(names)
}

/// Writes the archive to `path` (a new file) and makes sure it is on disk.
pub fn write(
    path: &Path,
    manifest: &Manifest,
    database: &Path,
    media_dir: &Path,
    media: &[String],
) -> anyhow::Result<Contents> {
    let file = private_file(path).with_context(|| format!("cannot create {}", path.display()))?;
    let mut tar = tar::Builder::new(GzEncoder::new(BufWriter::new(file), Compression::fast()));
    let manifest_json = serde_json::to_vec_pretty(manifest)?;
    append(&mut tar, manifest::FILE_NAME, manifest_json.len() as u64, manifest_json.as_slice())?;

    let database_file =
        File::open(database).with_context(|| format!("cannot read the snapshot {}", database.display()))?;
    let database_bytes = database_file.metadata()?.len();
    let media_sizes: Vec<Option<u64>> =
        media.iter().map(|name| std::fs::metadata(media_dir.join(name)).ok().map(|m| m.len())).collect();
    let media_total: u64 = media_sizes.iter().flatten().sum();
    Progress::step(&format!(
        "Packing the database ({}) and {} media files ({})",
        size(database_bytes),
        media.len(),
        size(media_total)
    ));
    let mut progress = Progress::new(database_bytes + media_total);
    let reader = CountingReader { inner: BufReader::new(database_file), progress: &mut progress };
    append(&mut tar, &manifest.database, database_bytes, reader)?;

    let mut contents = Contents { database_bytes, ..Contents::default() };
    for name in media {
        // An upload removed since the listing (the hourly clean-up of unattached ones) is skipped.
        let file = match File::open(media_dir.join(name)) {
            Ok(file) => file,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => continue,
            Err(error) => return Err(error).with_context(|| format!("cannot read media file {name}")),
        };
        let length = file.metadata()?.len();
        let reader = CountingReader { inner: BufReader::new(file), progress: &mut progress };
        append(&mut tar, &format!("{MEDIA_PREFIX}{name}"), length, reader)?;
        contents.media_files += 1;
        contents.media_bytes += length;
    }
    let file = tar
        .into_inner()?
        .finish()?
        .into_inner()
        .map_err(|e| anyhow::anyhow!("cannot write {}: {}", path.display(), e.error()))?;
    file.sync_all().with_context(|| format!("cannot write {}", path.display()))?;
    Ok(contents)
}

/// A new file only its owner can read: the archive holds password hashes and private keys.
fn private_file(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

fn append(
    tar: &mut tar::Builder<GzEncoder<BufWriter<File>>>,
    name: &str,
    length: u64,
    data: impl Read,
) -> anyhow::Result<()> {
    let mut header = tar::Header::new_gnu();
    header.set_size(length);
    header.set_mode(0o600);
    header.set_mtime(chrono::Utc::now().timestamp().try_into().unwrap_or(0));
    header.set_entry_type(tar::EntryType::Regular);
    // A file that grew or shrank while being read would make a corrupt entry: take exactly `length`.
    let mut exact = data.take(length);
    tar.append_data(&mut header, name, &mut exact)
        .with_context(|| format!("cannot add {name} to the archive"))?;
    if exact.limit() > 0 {
        bail!("{name} shrank while it was being backed up; run the backup again");
    }
    Ok(())
}

/// Where [`extract`] puts things.
pub struct Targets<'a> {
    /// The database entry is written here.
    pub database: &'a Path,
    /// Media files go into this folder (made if missing).
    pub media_dir: &'a Path,
    /// The backend the configuration uses: an archive of another backend is refused.
    pub backend: &'a str,
}

/// Reads an archive made by [`write`]: the manifest first, then every entry to its target.
/// Anything else in the archive (other names, links, paths outside) is refused.
pub fn extract(archive: &Path, targets: &Targets<'_>) -> anyhow::Result<(Manifest, Contents)> {
    let file = File::open(archive).with_context(|| format!("cannot open {}", archive.display()))?;
    Progress::step(&format!("Reading {}", archive.display()));
    let total = file.metadata()?.len();
    let mut progress = Progress::new(total);
    let reader = CountingReader { inner: BufReader::new(file), progress: &mut progress };
    let mut tar = tar::Archive::new(GzDecoder::new(reader));
    let mut entries = tar.entries().context("not a backup archive (.tar.gz)")?;
    let manifest = match entries.next() {
        Some(entry) => {
            let mut entry = entry.context("not a backup archive (.tar.gz)")?;
            if entry.path()?.to_str() != Some(manifest::FILE_NAME) {
                bail!("not an Allmende backup: the archive does not start with manifest.json");
            }
            let mut bytes = Vec::new();
            entry.by_ref().take(1024 * 1024).read_to_end(&mut bytes)?;
            Manifest::parse(&bytes)?
        }
        None => bail!("the archive is empty"),
    };
    if manifest.backend != targets.backend {
        bail!(
            "the backup is of a {} database, but this configuration uses {}: restore it with a {} \
             database configured (moving between backends is not supported)",
            manifest.backend,
            targets.backend,
            manifest.backend
        );
    }
    Progress::step(&format!(
        "Restoring a {} backup made by Allmende {} at {}",
        manifest.backend, manifest.app_version, manifest.created_at
    ));
    let mut contents = Contents::default();
    let mut saw_database = false;
    for entry in entries {
        let mut entry = entry.context("the archive is damaged")?;
        if entry.header().entry_type() != tar::EntryType::Regular {
            bail!("the archive holds something other than plain files");
        }
        let name = entry.path()?.to_str().map(str::to_owned).unwrap_or_default();
        let target: PathBuf = if name == manifest.database && !saw_database {
            saw_database = true;
            targets.database.to_owned()
        } else if let Some(media) = name.strip_prefix(MEDIA_PREFIX).filter(|n| is_media_file_name(n)) {
            std::fs::create_dir_all(targets.media_dir)
                .with_context(|| format!("cannot create {}", targets.media_dir.display()))?;
            targets.media_dir.join(media)
        } else {
            bail!("the archive holds an unexpected entry {name:?}");
        };
        let mut out = BufWriter::new(
            File::create(&target).with_context(|| format!("cannot write {}", target.display()))?,
        );
        let written =
            std::io::copy(&mut entry, &mut out).with_context(|| format!("cannot restore {name}"))?;
        let out = out
            .into_inner()
            .map_err(|e| anyhow::anyhow!("cannot write {}: {}", target.display(), e.error()))?;
        out.sync_all()?;
        if name == manifest.database {
            contents.database_bytes = written;
        } else {
            contents.media_files += 1;
            contents.media_bytes += written;
        }
    }
    if !saw_database {
        bail!("the archive has no {} entry: it is incomplete", manifest.database);
    }
    Ok((manifest, contents))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An archive with the given entries, written by hand as a hostile one could be.
    fn archive_with(dir: &Path, entries: &[(&str, &[u8])]) -> PathBuf {
        let path = dir.join("archive.tar.gz");
        let file = File::create(&path).expect("file");
        let mut tar = tar::Builder::new(GzEncoder::new(BufWriter::new(file), Compression::fast()));
        for (name, bytes) in entries {
            let mut header = tar::Header::new_gnu();
            header.set_size(bytes.len() as u64);
            header.set_mode(0o600);
            // `append_data` refuses `..`; a hostile archive writes the name into the header itself.
            let name_field = &mut header.as_old_mut().name;
            name_field[..name.len()].copy_from_slice(name.as_bytes());
            header.set_cksum();
            tar.append(&header, *bytes).expect("append");
        }
        tar.into_inner().expect("tar").finish().expect("gzip");
        path
    }

    fn manifest_json(backend: &str) -> Vec<u8> {
        serde_json::to_vec(&Manifest::new(backend, "database.sqlite")).expect("json")
    }

    fn extract_into(dir: &Path, archive: &Path, backend: &str) -> anyhow::Result<(Manifest, Contents)> {
        let media_dir = dir.join("media");
        extract(archive, &Targets { database: &dir.join("restored.sqlite"), media_dir: &media_dir, backend })
    }

    #[test]
    fn a_good_archive_extracts_and_hostile_or_foreign_ones_are_refused() {
        let dir = tempfile::tempdir().expect("dir");
        let manifest = manifest_json("sqlite");
        let good = archive_with(
            dir.path(),
            &[("manifest.json", &manifest), ("database.sqlite", b"db"), ("media/12.png", b"png")],
        );
        let (_, contents) = extract_into(dir.path(), &good, "sqlite").expect("extracts");
        assert_eq!((contents.database_bytes, contents.media_files), (2, 1));
        assert_eq!(std::fs::read(dir.path().join("media/12.png")).expect("media"), b"png");

        let other_backend = extract_into(dir.path(), &good, "postgres").expect_err("refused");
        assert!(other_backend.to_string().contains("moving between backends"), "{other_backend}");

        for hostile in ["media/../../evil.png", "../evil.png", "media/evil.sh", "/tmp/evil.png"] {
            let target = tempfile::tempdir().expect("dir");
            let archive = archive_with(
                target.path(),
                &[("manifest.json", &manifest), ("database.sqlite", b"db"), (hostile, b"x")],
            );
            let error = extract_into(target.path(), &archive, "sqlite").expect_err(hostile);
            assert!(error.to_string().contains("unexpected entry"), "{hostile}: {error}");
            assert!(!dir.path().join("evil.png").exists() && !Path::new("/tmp/evil.png").exists());
        }

        let no_manifest = archive_with(dir.path(), &[("database.sqlite", b"db")]);
        assert!(extract_into(dir.path(), &no_manifest, "sqlite").is_err());
        let no_database = archive_with(dir.path(), &[("manifest.json", &manifest)]);
        let error = extract_into(dir.path(), &no_database, "sqlite").expect_err("incomplete");
        assert!(error.to_string().contains("incomplete"), "{error}");
    }
}

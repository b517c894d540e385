//! Writing the export archive: a zip written straight to a file in a blocking task, one entry
//! at a time, so that large media files are copied through a small buffer and never held in
//! memory whole.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// One entry of the archive.
#[derive(Debug)]
pub enum Entry {
    /// Made in memory (JSON and CSV documents, small).
    Bytes { name: String, bytes: Vec<u8> },
    /// Copied from a file on disk (uploaded media), stored without compression (images are
    /// compressed already).
    File { name: String, path: PathBuf },
}

/// Writes `entries` as a zip to `path` (a new file). Blocking: run it in `spawn_blocking`. A
/// media file that vanished meanwhile is left out. Returns the archive's size in bytes.
pub fn write_zip(path: &Path, entries: Vec<Entry>) -> io::Result<u64> {
    let file = File::create_new(path)?;
    let mut zip = ZipWriter::new(BufWriter::new(file));
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored).large_file(true);
    for entry in entries {
        match entry {
            Entry::Bytes { name, bytes } => {
                zip.start_file(name, deflated).map_err(io::Error::other)?;
                zip.write_all(&bytes)?;
            }
            Entry::File { name, path } => {
                let mut source = match File::open(&path) {
                    Ok(source) => source,
                    Err(error) if error.kind() == io::ErrorKind::NotFound => continue,
                    Err(error) => return Err(error),
                };
                zip.start_file(name, stored).map_err(io::Error::other)?;
                io::copy(&mut source, &mut zip)?;
            }
        }
    }
    let mut writer = zip.finish().map_err(io::Error::other)?;
    writer.flush()?;
    let file = writer.into_inner().map_err(|error| error.into_error())?;
    file.metadata().map(|m| m.len())
}

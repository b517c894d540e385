//! Media files on disk, under `<data_dir>/media`, named by the attachment's id.

use std::io;
use std::path::{Path, PathBuf};

/// Where uploaded images are kept. Cheap to clone.
#[derive(Debug, Clone)]
pub struct MediaStore {
    dir: PathBuf,
}

impl MediaStore {
    /// The store under `data_dir`; its folder is made by the first upload.
    pub fn new(data_dir: &Path) -> Self {
        Self { dir: data_dir.join("media") }
    }

    /// Writes a file whole: to a temporary name first, then renamed, so a reader never sees half
    /// of it.
    pub async fn save(&self, name: &str, bytes: &[u8]) -> io::Result<()> {
        let path = self.path(name)?;
        let partial = self.dir.join(format!(".{name}.partial"));
        tokio::fs::create_dir_all(&self.dir).await?;
        tokio::fs::write(&partial, bytes).await?;
        tokio::fs::rename(&partial, &path).await
    }

    pub async fn read(&self, name: &str) -> io::Result<Vec<u8>> {
        tokio::fs::read(self.path(name)?).await
    }

    /// Removes a file; one that is already gone is fine.
    pub async fn remove(&self, name: &str) -> io::Result<()> {
        match tokio::fs::remove_file(self.path(name)?).await {
            Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(()),
            other => other,
        }
    }

    /// Where a stored file lives on disk (for readers that copy it elsewhere, such as the data
    /// export); a name that is not ours is refused as by [`MediaStore::read`].
    pub fn file_path(&self, name: &str) -> io::Result<PathBuf> {
        self.path(name)
    }

    /// The path of a stored file. Names are ours (`<id>.jpg`, `<id>-small.png`); anything else,
    /// such as `../x`, names nothing.
    fn path(&self, name: &str) -> io::Result<PathBuf> {
        if is_media_file_name(name) {
            Ok(self.dir.join(name))
        } else {
            Err(io::Error::new(io::ErrorKind::NotFound, "not a media file name"))
        }
    }
}

/// `<stem>.<ext>` or `<stem>-small.<ext>`, with `jpg` or `png`; the stem is lowercase hex (a
/// random name, see `new_media_file_stem`) or, for older uploads, the upload's id in digits.
pub fn is_media_file_name(name: &str) -> bool {
    let Some((stem, extension)) = name.rsplit_once('.') else { return false };
    let stem = stem.strip_suffix("-small").unwrap_or(stem);
    matches!(extension, "jpg" | "png")
        && !stem.is_empty()
        && stem.len() <= 32
        && stem.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// A random file name stem (128 bits, lowercase hex): nobody finds an upload by counting.
pub fn new_media_file_stem() -> String {
    let bytes: [u8; 16] = rand::random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::is_media_file_name;

    #[test]
    fn only_our_names_are_media_files() {
        assert!(is_media_file_name("123.jpg"));
        assert!(is_media_file_name("123-small.png"));
        assert!(is_media_file_name(&format!("{}.jpg", super::new_media_file_stem())));
        for bad in
            ["../123.jpg", "123.svg", ".123.jpg.partial", "xyz.png", "ABC.png", "-small.png", "123.jpg/x", ""]
        {
            assert!(!is_media_file_name(bad), "{bad}");
        }
    }
}

//! Where uploaded images are kept, named by a random stem (see [`new_media_file_stem`]):
//! - `local` (the default): files in a directory, `<data_dir>/media` unless `media.dir` names
//!   another; several server processes share it when they all mount the same directory;
//! - `s3`: an S3-compatible object store (AWS S3, MinIO, Garage, Ceph…) through the
//!   `object_store` crate, which every node reaches over the network.
//!
//! Images are always served by the application reading from the store (`/media/{file}`), so
//! every node serves every image, whichever node took the upload.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use futures_util::StreamExt;
use object_store::path::Path as ObjectPath;
use object_store::{GetOptions, ObjectStore, PutOptions};

use crate::config::{MediaConfig, MediaStoreKind};

/// Where uploaded images are kept. Cheap to clone.
#[derive(Debug, Clone)]
pub struct MediaStore {
    backend: Backend,
}

#[derive(Debug, Clone)]
enum Backend {
    /// A directory on this machine (or a shared mount).
    Directory(PathBuf),
    /// An object store; names are keys under `prefix`.
    Objects { store: Arc<dyn ObjectStore>, prefix: String },
}

impl MediaStore {
    /// The store under `data_dir`; its folder is made by the first upload.
    pub fn new(data_dir: &Path) -> Self {
        Self::directory(data_dir.join("media"))
    }

    /// Files in `dir`, made by the first upload.
    pub fn directory(dir: PathBuf) -> Self {
        Self { backend: Backend::Directory(dir) }
    }

    /// Keys under `prefix` (empty, or ending without a slash) in any object store.
    pub fn objects(store: Arc<dyn ObjectStore>, prefix: &str) -> Self {
        Self { backend: Backend::Objects { store, prefix: prefix.trim_matches('/').to_owned() } }
    }

    /// The store `media.*` configures.
    pub fn from_config(config: &MediaConfig, data_dir: &Path) -> Result<Self, String> {
        match config.store {
            MediaStoreKind::Local => Ok(if config.dir.as_os_str().is_empty() {
                Self::new(data_dir)
            } else {
                Self::directory(config.dir.clone())
            }),
            MediaStoreKind::S3 => {
                let bucket = config.s3_bucket.trim();
                if bucket.is_empty() {
                    return Err("media.store = \"s3\" needs media.s3_bucket".into());
                }
                // `AWS_*` variables (and instance credentials) count where the keys are empty.
                let mut builder = object_store::aws::AmazonS3Builder::from_env().with_bucket_name(bucket);
                let endpoint = config.s3_endpoint.trim();
                if !endpoint.is_empty() {
                    let url = url::Url::parse(endpoint)
                        .map_err(|e| format!("media.s3_endpoint {endpoint:?} is not a URL: {e}"))?;
                    builder = builder.with_endpoint(endpoint).with_allow_http(url.scheme() == "http");
                }
                if !config.s3_region.trim().is_empty() {
                    builder = builder.with_region(config.s3_region.trim());
                }
                // One `DELETE` per object: every S3-compatible store has it (not all have the
                // bulk `DeleteObjects`), and images are removed one by one anyway.
                builder = builder.with_disable_bulk_delete(true);
                if !config.s3_access_key_id.is_empty() {
                    builder = builder
                        .with_access_key_id(&config.s3_access_key_id)
                        .with_secret_access_key(&config.s3_secret_access_key);
                }
                let store = builder.build().map_err(|e| format!("media.store = \"s3\": {e}"))?;
                Ok(Self::objects(Arc::new(store), &config.s3_prefix))
            }
        }
    }

    /// Writes a file whole: a reader never sees half of it (a directory store writes to a
    /// temporary name first and renames it; an object store's put is atomic).
    pub async fn save(&self, name: &str, bytes: &[u8]) -> io::Result<()> {
        check_name(name)?;
        match &self.backend {
            Backend::Directory(dir) => {
                let partial = dir.join(format!(".{name}.partial"));
                tokio::fs::create_dir_all(dir).await?;
                tokio::fs::write(&partial, bytes).await?;
                tokio::fs::rename(&partial, dir.join(name)).await
            }
            Backend::Objects { store, prefix } => {
                let payload = object_store::PutPayload::from(bytes.to_vec());
                let put = store.put_opts(&key(prefix, name), payload, PutOptions::default()).await;
                put.map(|_| ()).map_err(io_error)
            }
        }
    }

    pub async fn read(&self, name: &str) -> io::Result<Vec<u8>> {
        check_name(name)?;
        match &self.backend {
            Backend::Directory(dir) => tokio::fs::read(dir.join(name)).await,
            Backend::Objects { store, prefix } => {
                let object =
                    store.get_opts(&key(prefix, name), GetOptions::default()).await.map_err(io_error)?;
                object.bytes().await.map(|bytes| bytes.to_vec()).map_err(io_error)
            }
        }
    }

    /// A file on this machine holding a stored file, for readers that stream it elsewhere (the
    /// data export): the file itself in a directory store; from an object store, a copy written
    /// under `scratch` (the caller removes `scratch`).
    pub async fn local_file(&self, name: &str, scratch: &Path) -> io::Result<PathBuf> {
        check_name(name)?;
        match &self.backend {
            Backend::Directory(dir) => Ok(dir.join(name)),
            Backend::Objects { .. } => {
                let bytes = self.read(name).await?;
                tokio::fs::create_dir_all(scratch).await?;
                let copy = scratch.join(name);
                tokio::fs::write(&copy, bytes).await?;
                Ok(copy)
            }
        }
    }

    /// Removes a file; one that is already gone is fine.
    pub async fn remove(&self, name: &str) -> io::Result<()> {
        check_name(name)?;
        let removed = match &self.backend {
            Backend::Directory(dir) => tokio::fs::remove_file(dir.join(name)).await,
            Backend::Objects { store, prefix } => {
                let location = key(prefix, name);
                let mut deleted = store.delete_stream(
                    futures_util::stream::once(async move { Ok::<_, object_store::Error>(location) }).boxed(),
                );
                match deleted.next().await {
                    Some(Err(error)) => Err(io_error(error)),
                    _ => Ok(()),
                }
            }
        };
        match removed {
            Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(()),
            other => other,
        }
    }
}

/// Names are ours (`<id>.jpg`, `<id>-small.png`); anything else, such as `../x`, names nothing.
fn check_name(name: &str) -> io::Result<()> {
    if is_media_file_name(name) {
        Ok(())
    } else {
        Err(io::Error::new(io::ErrorKind::NotFound, "not a media file name"))
    }
}

fn key(prefix: &str, name: &str) -> ObjectPath {
    if prefix.is_empty() { ObjectPath::from(name) } else { ObjectPath::from(format!("{prefix}/{name}")) }
}

fn io_error(error: object_store::Error) -> io::Error {
    match error {
        object_store::Error::NotFound { .. } => io::Error::new(io::ErrorKind::NotFound, error.to_string()),
        other => io::Error::other(other.to_string()),
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
    use super::*;

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

    /// The same steps against each kind of store: what one handle saves, another handle on the
    /// same place reads (two nodes), and removing twice is fine.
    async fn round_trip(first: MediaStore, second: MediaStore) {
        let name = format!("{}.png", new_media_file_stem());
        assert_eq!(second.read(&name).await.map_err(|e| e.kind()), Err(io::ErrorKind::NotFound));
        first.save(&name, b"image bytes").await.unwrap();
        assert_eq!(second.read(&name).await.unwrap(), b"image bytes");
        assert!(first.save("../escape.png", b"x").await.is_err());
        assert!(second.read("../escape.png").await.is_err());
        second.remove(&name).await.unwrap();
        second.remove(&name).await.unwrap();
        assert_eq!(first.read(&name).await.map_err(|e| e.kind()), Err(io::ErrorKind::NotFound));
    }

    #[tokio::test]
    async fn a_shared_directory_serves_both_nodes() {
        let dir = tempfile::tempdir().unwrap();
        round_trip(MediaStore::directory(dir.path().join("m")), MediaStore::directory(dir.path().join("m")))
            .await;
    }

    #[tokio::test]
    async fn an_object_store_serves_both_nodes() {
        // The same code path as S3, on the object_store crate's local-files store.
        let dir = tempfile::tempdir().unwrap();
        let store: Arc<dyn ObjectStore> =
            Arc::new(object_store::local::LocalFileSystem::new_with_prefix(dir.path()).unwrap());
        round_trip(MediaStore::objects(store.clone(), "media/"), MediaStore::objects(store, "media")).await;
        assert!(dir.path().join("media").is_dir(), "keys live under the prefix");
    }

    /// Objects of a minimal S3-compatible endpoint, by request path (`/bucket/key`).
    type Objects = Arc<std::sync::Mutex<std::collections::HashMap<String, Vec<u8>>>>;

    /// Just enough of S3 for the media store: signed `PUT`, `GET` and `DELETE` of one object.
    async fn fake_s3(
        axum::extract::State(objects): axum::extract::State<Objects>,
        method: axum::http::Method,
        uri: axum::http::Uri,
        headers: axum::http::HeaderMap,
        body: axum::body::Bytes,
    ) -> axum::response::Response {
        use axum::http::{Method, StatusCode};
        use axum::response::IntoResponse;
        let signed = headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("AWS4-HMAC-SHA256 Credential=key/"));
        if !signed {
            return StatusCode::FORBIDDEN.into_response();
        }
        let mut objects = objects.lock().unwrap();
        let key = uri.path().to_owned();
        match method {
            Method::PUT => {
                objects.insert(key, body.to_vec());
                (StatusCode::OK, [("etag", "\"1\"")]).into_response()
            }
            Method::GET => match objects.get(&key) {
                Some(bytes) => (StatusCode::OK, [("etag", "\"1\"")], bytes.clone()).into_response(),
                None => StatusCode::NOT_FOUND.into_response(),
            },
            Method::DELETE => {
                objects.remove(&key);
                StatusCode::NO_CONTENT.into_response()
            }
            _ => StatusCode::METHOD_NOT_ALLOWED.into_response(),
        }
    }

    #[tokio::test]
    async fn an_s3_store_serves_both_nodes() {
        let objects = Objects::default();
        let app = axum::Router::new().fallback(fake_s3).with_state(objects.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let endpoint = format!("http://{}", listener.local_addr().unwrap());
        let server = tokio::spawn(async move { axum::serve(listener, app).await });
        let config = MediaConfig {
            store: MediaStoreKind::S3,
            s3_bucket: "forum-media".into(),
            s3_endpoint: endpoint,
            s3_region: "garage".into(),
            s3_access_key_id: "key".into(),
            s3_secret_access_key: "secret".into(),
            s3_prefix: "uploads".into(),
            ..MediaConfig::default()
        };
        // Two handles from the same configuration, as two nodes would have.
        let node = || MediaStore::from_config(&config, Path::new("/nonexistent")).unwrap();
        let name = format!("{}-small.jpg", new_media_file_stem());
        node().save(&name, b"jpeg bytes").await.unwrap();
        let key = format!("/forum-media/uploads/{name}");
        assert_eq!(objects.lock().unwrap().get(&key).map(Vec::as_slice), Some(&b"jpeg bytes"[..]));
        round_trip(node(), node()).await;
        assert_eq!(node().read(&name).await.unwrap(), b"jpeg bytes");
        node().remove(&name).await.unwrap();
        assert!(objects.lock().unwrap().is_empty());
        server.abort();
    }

    #[test]
    fn s3_needs_a_bucket_and_a_good_endpoint() {
        let mut config = MediaConfig::default();
        assert!(MediaStore::from_config(&config, Path::new("/tmp")).is_ok());
        config.store = MediaStoreKind::S3;
        assert!(MediaStore::from_config(&config, Path::new("/tmp")).unwrap_err().contains("s3_bucket"));
        config.s3_bucket = "media".into();
        config.s3_endpoint = "not a url".into();
        assert!(MediaStore::from_config(&config, Path::new("/tmp")).is_err());
        config.s3_endpoint = "http://127.0.0.1:9000".into();
        config.s3_access_key_id = "key".into();
        config.s3_secret_access_key = "secret".into();
        assert!(MediaStore::from_config(&config, Path::new("/tmp")).is_ok());
    }
}

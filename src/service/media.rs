//! Images on posts: a member uploads one (from a Mastodon app), describes it, and attaches it to
//! the next post; remote posts bring theirs as URLs.

use std::collections::HashMap;

use super::{Context, CurrentUser, ServiceError};
use crate::db::{self, Conn, media::MediaRow};
use crate::domain::{ActorId, FieldError, FieldErrors};
use crate::media::{MediaError, process_image};

/// Alt text longer than this is refused (Mastodon's limit).
pub const DESCRIPTION_MAX_CHARS: usize = 1500;
/// Images one post may carry.
pub const MAX_PER_POST: usize = 4;
/// Uploads one account may make per hour.
const UPLOADS_PER_HOUR: i64 = 100;

/// An image as readers see it.
#[derive(Debug, Clone, PartialEq)]
pub struct MediaView {
    pub id: i64,
    pub content_type: String,
    /// The stored file (local uploads), served under `/media/`.
    pub file_name: Option<String>,
    pub preview_name: Option<String>,
    /// Where a remote post's image lives.
    pub remote_url: Option<String>,
    pub description: String,
    pub width: Option<i64>,
    pub height: Option<i64>,
    pub blurhash: Option<String>,
    /// Mastodon's focal point, each in -1..=1.
    pub focus: (f64, f64),
    pub attached: bool,
}

impl MediaView {
    fn from_row(row: MediaRow) -> Self {
        Self {
            id: row.id,
            content_type: row.content_type,
            file_name: row.file_name,
            preview_name: row.preview_name,
            remote_url: row.remote_url,
            description: row.description,
            width: row.width,
            height: row.height,
            blurhash: row.blurhash,
            focus: (row.focus_x, row.focus_y),
            attached: row.post_id.is_some(),
        }
    }
}

/// An upload as an app sends it.
#[derive(Debug, Clone, Default)]
pub struct Upload {
    pub bytes: Vec<u8>,
    pub description: Option<String>,
    /// `"x,y"`, each in -1..=1.
    pub focus: Option<String>,
}

/// Checks, re-encodes and stores an image the member uploads; it waits for a post to use it.
pub async fn upload_image(
    ctx: &Context,
    user: &CurrentUser,
    upload: Upload,
) -> Result<MediaView, ServiceError> {
    let mut errors = FieldErrors::new();
    let description = errors.check(parse_description(upload.description.as_deref()));
    let focus = errors.check(parse_focus(upload.focus.as_deref()));
    if upload.bytes.is_empty() {
        errors.push(FieldError::new("file", "can't be blank"));
    } else if upload.bytes.len() > ctx.settings.media_max_bytes {
        errors.push(FieldError::new("file", "is too large"));
    }
    super::error::refuse_if_any(errors)?;
    let (Some(description), Some(focus)) = (description, focus) else {
        return Err(ServiceError::Internal("validated input missing".into()));
    };
    let now = ctx.now().millis();
    {
        let mut conn = ctx.db.acquire().await?;
        let recent = db::media::count_uploads_since(&mut conn.conn(), user.id.0, now - 3_600_000).await?;
        if recent >= UPLOADS_PER_HOUR {
            return Err(ServiceError::RateLimited);
        }
    }
    let bytes = upload.bytes;
    let image = tokio::task::spawn_blocking(move || process_image(&bytes))
        .await
        .map_err(|e| ServiceError::Internal(format!("image processing stopped: {e}")))?
        .map_err(|error: MediaError| ServiceError::from(FieldError::new("file", error.to_string())))?;

    // Neither the id nor the file name can be guessed from another upload's: both are random.
    let id = new_upload_id();
    let stem = crate::media::store::new_media_file_stem();
    let file_name = format!("{stem}.{}", image.kind.extension());
    let preview_name = image.preview.as_ref().map(|_| format!("{stem}-small.{}", image.kind.extension()));
    ctx.media.save(&file_name, &image.bytes).await.map_err(storage_error)?;
    if let (Some(name), Some(preview)) = (&preview_name, &image.preview) {
        ctx.media.save(name, preview).await.map_err(storage_error)?;
    }
    let mut conn = ctx.db.acquire().await?;
    let inserted = db::media::insert_upload(
        &mut conn.conn(),
        &db::media::NewUpload {
            id,
            owner_id: user.id.0,
            content_type: image.kind.content_type(),
            file_name: &file_name,
            preview_name: preview_name.as_deref(),
            description: &description,
            width: i64::from(image.width),
            height: i64::from(image.height),
            blurhash: image.blurhash.as_deref(),
            focus,
            size_bytes: i64::try_from(image.bytes.len()).unwrap_or(i64::MAX),
            now,
        },
    )
    .await;
    if let Err(error) = inserted {
        // Nothing refers to the files: do not leave them behind.
        remove_files(ctx, &[Some(file_name), preview_name].into_iter().flatten().collect::<Vec<_>>()).await;
        return Err(error.into());
    }
    get_own_media(ctx, user, id).await
}

/// A random positive 63-bit id for an upload (not time-ordered like other ids: an upload's id
/// is shown to its uploader before any post uses it, and must not lead to anyone else's).
fn new_upload_id() -> i64 {
    let id = (rand::random::<u64>() >> 1) as i64;
    id.max(1)
}

fn storage_error(error: std::io::Error) -> ServiceError {
    ServiceError::Internal(format!("cannot store the image: {error}"))
}

/// One of the member's own uploads; anyone else's is not found.
pub async fn get_own_media(ctx: &Context, user: &CurrentUser, id: i64) -> Result<MediaView, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let row = db::media::get_media(&mut conn.conn(), id)
        .await?
        .filter(|row| row.owner_id == user.id.0 && row.file_name.is_some())
        .ok_or(ServiceError::NotFound)?;
    Ok(MediaView::from_row(row))
}

/// Changes the alt text or focal point of one's own upload (also after it is attached, as
/// Mastodon allows while editing).
pub async fn update_media(
    ctx: &Context,
    user: &CurrentUser,
    id: i64,
    description: Option<String>,
    focus: Option<String>,
) -> Result<MediaView, ServiceError> {
    let current = get_own_media(ctx, user, id).await?;
    let mut errors = FieldErrors::new();
    let description = match description {
        Some(text) => errors.check(parse_description(Some(&text))),
        None => Some(current.description.clone()),
    };
    let focus = match focus {
        Some(text) => errors.check(parse_focus(Some(&text))),
        None => Some(current.focus),
    };
    super::error::refuse_if_any(errors)?;
    let (Some(description), Some(focus)) = (description, focus) else {
        return Err(ServiceError::Internal("validated input missing".into()));
    };
    let mut conn = ctx.db.acquire().await?;
    db::media::update_media_description(&mut conn.conn(), id, &description, focus, ctx.now().millis())
        .await?;
    drop(conn);
    get_own_media(ctx, user, id).await
}

/// Attaches the member's uploads to a new post, in the order given, in the post's transaction.
pub(crate) async fn attach_uploads(
    conn: &mut Conn<'_>,
    owner: i64,
    post: i64,
    media_ids: &[i64],
) -> Result<(), ServiceError> {
    if media_ids.len() > MAX_PER_POST {
        return Err(FieldError::new("media_ids", "a post can have at most 4 images").into());
    }
    for (position, id) in media_ids.iter().enumerate() {
        let position = i64::try_from(position).unwrap_or_default();
        if !db::media::attach_upload(conn, *id, owner, post, position).await? {
            return Err(
                FieldError::new("media_ids", "names an image that is not yours or is already used").into()
            );
        }
    }
    Ok(())
}

/// The images of many posts, by post, in one statement per [`db::media::POSTS_PER_BATCH`] posts.
pub(crate) async fn media_of_posts(
    conn: &mut Conn<'_>,
    posts: &[i64],
) -> Result<HashMap<i64, Vec<MediaView>>, ServiceError> {
    let mut rows = Vec::new();
    for batch in posts.chunks(db::media::POSTS_PER_BATCH) {
        rows.extend(db::media::list_media_of_posts(conn, batch).await?);
    }
    Ok(by_post(rows))
}

/// Forgets the images of a post being deleted, in its transaction; returns the files to remove
/// once the deletion is committed (see [`remove_files`]).
pub(crate) async fn forget_media_of_post(
    conn: &mut Conn<'_>,
    post: i64,
) -> Result<Vec<String>, ServiceError> {
    let rows = db::media::list_media_of_posts(conn, &[post]).await?;
    db::media::delete_media_of_post(conn, post).await?;
    Ok(rows.into_iter().flat_map(|row| [row.file_name, row.preview_name]).flatten().collect())
}

/// How long an upload may wait to be attached to a post before it is removed.
pub const UNATTACHED_UPLOAD_HOURS: i64 = 24;

/// Removes uploads that were never attached to a post within [`UNATTACHED_UPLOAD_HOURS`]
/// (an app that uploaded, then gave up), rows and files, at most `limit` per call. Returns how
/// many were removed.
pub async fn remove_unattached_uploads(ctx: &Context, limit: i64) -> Result<usize, ServiceError> {
    let before = ctx.now().millis() - UNATTACHED_UPLOAD_HOURS * 3_600_000;
    let mut conn = ctx.db.acquire().await?;
    let rows = db::media::delete_unattached_uploads(&mut conn.conn(), before, limit).await?;
    drop(conn);
    let files: Vec<String> =
        rows.iter().flat_map(|row| [row.file_name.clone(), row.preview_name.clone()]).flatten().collect();
    remove_files(ctx, &files).await;
    if !rows.is_empty() {
        tracing::info!(removed = rows.len(), "unattached uploads removed");
    }
    Ok(rows.len())
}

/// Removes stored files; a failure is logged, as nothing refers to them any more.
pub(crate) async fn remove_files(ctx: &Context, names: &[String]) {
    for name in names {
        if let Err(error) = ctx.media.remove(name).await {
            tracing::warn!(%error, file = %name, "an unused media file could not be removed");
        }
    }
}

/// A stored file, for `/media/{name}`.
#[derive(Debug)]
pub struct MediaFile {
    pub bytes: Vec<u8>,
    pub content_type: &'static str,
    /// Attached to a post: the same for everyone, cacheable by anyone.
    pub public: bool,
}

/// A stored file and its content type, for `/media/{name}`. A file no post uses yet is shown
/// only to its uploader (`viewer`); to anyone else it does not exist.
pub async fn read_file(
    ctx: &Context,
    name: &str,
    viewer: Option<ActorId>,
) -> Result<MediaFile, ServiceError> {
    let content_type = match name.rsplit_once('.') {
        Some((_, "jpg")) => "image/jpeg",
        Some((_, "png")) => "image/png",
        _ => return Err(ServiceError::NotFound),
    };
    if !crate::media::store::is_media_file_name(name) {
        return Err(ServiceError::NotFound);
    }
    let mut conn = ctx.db.acquire().await?;
    let public = match db::media::get_media_by_file_name(&mut conn.conn(), name).await? {
        Some(row) => {
            let public = row.post_id.is_some();
            if !public && viewer != Some(ActorId(row.owner_id)) {
                return Err(ServiceError::NotFound);
            }
            public
        }
        // Avatars and headers are public, like the profile that shows them.
        None if db::actors::is_profile_image(&mut conn.conn(), name).await? => true,
        None => return Err(ServiceError::NotFound),
    };
    drop(conn);
    let bytes = ctx.media.read(name).await.map_err(|_| ServiceError::NotFound)?;
    Ok(MediaFile { bytes, content_type, public })
}

/// The images of a whole thread, by post, in one statement.
pub(crate) async fn media_of_thread(
    conn: &mut Conn<'_>,
    root: i64,
) -> Result<HashMap<i64, Vec<MediaView>>, ServiceError> {
    Ok(by_post(db::media::list_media_of_thread(conn, root).await?))
}

fn by_post(rows: Vec<MediaRow>) -> HashMap<i64, Vec<MediaView>> {
    let mut by_post: HashMap<i64, Vec<MediaView>> = HashMap::new();
    for row in rows {
        if let Some(post) = row.post_id {
            by_post.entry(post).or_default().push(MediaView::from_row(row));
        }
    }
    by_post
}

/// An image of a remote post, as its server describes it.
#[derive(Debug, Clone)]
pub struct RemoteMedia {
    pub url: String,
    pub content_type: String,
    pub description: String,
    pub width: Option<i64>,
    pub height: Option<i64>,
    pub blurhash: Option<String>,
}

/// Replaces the images of a remote post (when it is stored or updated).
pub(crate) async fn store_remote_media(
    ctx: &Context,
    conn: &mut Conn<'_>,
    author: i64,
    post: i64,
    media: &[RemoteMedia],
) -> Result<(), ServiceError> {
    db::media::delete_media_of_post(conn, post).await?;
    for (position, item) in media.iter().take(MAX_PER_POST * 2).enumerate() {
        let description: String = item.description.chars().take(DESCRIPTION_MAX_CHARS).collect();
        db::media::insert_remote_media(
            conn,
            &db::media::NewRemoteMedia {
                id: ctx.new_id(),
                owner_id: author,
                post_id: post,
                position: i64::try_from(position).unwrap_or_default(),
                content_type: &item.content_type,
                remote_url: &item.url,
                description: &description,
                width: item.width,
                height: item.height,
                blurhash: item.blurhash.as_deref(),
                now: ctx.now().millis(),
            },
        )
        .await?;
    }
    Ok(())
}

fn parse_description(text: Option<&str>) -> Result<String, FieldError> {
    let text = text.map(str::trim).unwrap_or_default();
    if text.chars().count() > DESCRIPTION_MAX_CHARS {
        return Err(FieldError::new("description", "is too long (at most 1500 characters)"));
    }
    if text.contains('\0') {
        return Err(FieldError::new("description", "contains a character that is not allowed"));
    }
    Ok(text.to_owned())
}

/// `"x,y"` with both in -1..=1; empty is the centre.
fn parse_focus(text: Option<&str>) -> Result<(f64, f64), FieldError> {
    let text = text.map(str::trim).unwrap_or_default();
    if text.is_empty() {
        return Ok((0.0, 0.0));
    }
    let invalid = || FieldError::new("focus", "must be two numbers between -1 and 1, like 0.5,-0.2");
    let (x, y) = text.split_once(',').ok_or_else(invalid)?;
    let read = |part: &str| {
        part.trim()
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite() && (-1.0..=1.0).contains(v))
            .ok_or_else(invalid)
    };
    Ok((read(x)?, read(y)?))
}

#[cfg(test)]
mod tests {
    use super::{parse_description, parse_focus};

    #[test]
    fn focus_is_two_numbers_within_the_image() {
        assert_eq!(parse_focus(Some("0.5,-0.25")), Ok((0.5, -0.25)));
        assert_eq!(parse_focus(None), Ok((0.0, 0.0)));
        for bad in ["1.5,0", "a,b", "0.1", "NaN,0", "inf,0"] {
            assert!(parse_focus(Some(bad)).is_err(), "{bad}");
        }
    }

    #[test]
    fn descriptions_are_limited() {
        assert!(parse_description(Some(&"a".repeat(1500))).is_ok());
        assert!(parse_description(Some(&"a".repeat(1501))).is_err());
    }
}

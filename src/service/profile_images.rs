//! Avatars and header images of people and groups.
//!
//! An upload is checked like any image (the format is sniffed from the bytes, the size is capped
//! by `limits.media_bytes`), cropped to a fixed size and encoded again, so no metadata survives.
//! Local actors keep the stored file's name in `actors.avatar` / `actors.header`; remote actors
//! the URL of their `icon` / `image`. A change federates as an `Update` of the actor.

use super::{Context, ServiceError};
use crate::db;
use crate::domain::{ActorId, DomainEvent, FieldError};
use crate::federation::uris::Uris;
use crate::media::{MediaError, process_cropped};

/// Avatars are squares of this side.
pub const AVATAR_SIDE: u32 = 400;
/// Header images are this wide and high (3:1, as Mastodon shows them).
pub const HEADER_SIZE: (u32, u32) = (1500, 500);
/// Longest remote image URL kept.
const MAX_URL_LEN: usize = 2048;

/// Which of the two images.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProfileImage {
    Avatar,
    Header,
}

impl ProfileImage {
    fn field(self) -> &'static str {
        match self {
            Self::Avatar => "avatar",
            Self::Header => "header",
        }
    }

    fn size(self) -> (u32, u32) {
        match self {
            Self::Avatar => (AVATAR_SIDE, AVATAR_SIDE),
            Self::Header => HEADER_SIZE,
        }
    }
}

/// What to do with one image.
#[derive(Debug, Clone, Default)]
pub enum ImageChange {
    #[default]
    Keep,
    Replace(Vec<u8>),
    Remove,
}

impl ImageChange {
    /// An uploaded file field: empty (a form sent without choosing a file) keeps the image.
    pub fn from_upload(bytes: Vec<u8>) -> Self {
        if bytes.is_empty() { Self::Keep } else { Self::Replace(bytes) }
    }

    fn is_keep(&self) -> bool {
        matches!(self, Self::Keep)
    }
}

/// The images of a local actor, as URLs (`None`: the default is shown).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProfileImageUrls {
    pub avatar: Option<String>,
    pub header: Option<String>,
}

/// The URL of a stored avatar or header: a media file name (local) or the URL itself (remote).
pub fn image_url(uris: &Uris, stored: Option<&str>) -> Option<String> {
    let stored = stored?;
    if stored.contains("://") {
        Some(stored.to_owned())
    } else if crate::media::store::is_media_file_name(stored) {
        Some(uris.absolute(&format!("/media/{stored}")))
    } else {
        None
    }
}

/// A remote `icon` / `image` URL worth keeping: http(s) and of sane length.
pub fn remote_image_url(url: Option<&str>) -> Option<String> {
    let url = url?;
    let parsed = url::Url::parse(url).ok()?;
    (matches!(parsed.scheme(), "https" | "http") && url.len() <= MAX_URL_LEN && parsed.host_str().is_some())
        .then(|| parsed.to_string())
}

/// The stored avatar and header of a local actor (file names), for pages.
pub async fn get_stored(
    ctx: &Context,
    actor: ActorId,
) -> Result<(Option<String>, Option<String>), ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let row = db::actors::get_profile_images(&mut conn.conn(), actor.0).await?.unwrap_or_default();
    Ok((row.avatar, row.header))
}

/// The current images of a local actor.
pub async fn get_images(
    ctx: &Context,
    uris: &Uris,
    actor: ActorId,
) -> Result<ProfileImageUrls, ServiceError> {
    let mut conn = ctx.db.acquire().await?;
    let row = db::actors::get_profile_images(&mut conn.conn(), actor.0).await?.unwrap_or_default();
    Ok(ProfileImageUrls {
        avatar: image_url(uris, row.avatar.as_deref()),
        header: image_url(uris, row.header.as_deref()),
    })
}

/// Replaces or removes the avatar and header of a local actor (a person, or a group whose
/// moderator the caller has checked), then federates the changed actor. Invalid images are a
/// field error named `avatar` or `header`.
pub async fn change_images(
    ctx: &Context,
    actor: ActorId,
    avatar: ImageChange,
    header: ImageChange,
) -> Result<(), ServiceError> {
    if avatar.is_keep() && header.is_keep() {
        return Ok(());
    }
    let new_avatar = prepare(ctx, ProfileImage::Avatar, avatar).await?;
    let new_header = prepare(ctx, ProfileImage::Header, header).await?;
    let mut stored = Vec::new();
    for (name, bytes) in [&new_avatar, &new_header].into_iter().flatten().filter_map(|c| c.as_ref()) {
        ctx.media.save(name, bytes).await.map_err(storage_error)?;
        stored.push(name.clone());
    }
    let saved = save(ctx, actor, new_avatar, new_header).await;
    match saved {
        Ok(replaced) => {
            super::media::remove_files(ctx, &replaced).await;
            Ok(())
        }
        Err(error) => {
            super::media::remove_files(ctx, &stored).await;
            Err(error)
        }
    }
}

/// `None`: keep; `Some(None)`: remove; `Some(Some((name, bytes)))`: a new file to store.
type Prepared = Option<Option<(String, Vec<u8>)>>;

async fn prepare(ctx: &Context, which: ProfileImage, change: ImageChange) -> Result<Prepared, ServiceError> {
    let bytes = match change {
        ImageChange::Keep => return Ok(None),
        ImageChange::Remove => return Ok(Some(None)),
        ImageChange::Replace(bytes) => bytes,
    };
    if bytes.len() > ctx.settings.media_max_bytes {
        return Err(FieldError::new(which.field(), "is too large").into());
    }
    let (width, height) = which.size();
    let image = tokio::task::spawn_blocking(move || process_cropped(&bytes, width, height))
        .await
        .map_err(|e| ServiceError::Internal(format!("image processing stopped: {e}")))?
        .map_err(|error: MediaError| ServiceError::from(FieldError::new(which.field(), error.to_string())))?;
    let name = format!("{}.{}", crate::media::store::new_media_file_stem(), image.kind.extension());
    Ok(Some(Some((name, image.bytes))))
}

/// Stores the new names and emits the change; returns the files no longer used.
async fn save(
    ctx: &Context,
    actor: ActorId,
    avatar: Prepared,
    header: Prepared,
) -> Result<Vec<String>, ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let current = db::actors::get_profile_images(&mut conn, actor.0).await?.ok_or(ServiceError::NotFound)?;
    let mut replaced = Vec::new();
    let mut next = current.clone();
    if let Some(change) = avatar {
        replaced.extend(current.avatar.clone());
        next.avatar = change.map(|(name, _)| name);
    }
    if let Some(change) = header {
        replaced.extend(current.header.clone());
        next.header = change.map(|(name, _)| name);
    }
    if next.avatar == current.avatar && next.header == current.header {
        // Removing an image the actor does not have: nothing to store or federate.
        return Ok(Vec::new());
    }
    db::actors::set_profile_images(&mut conn, actor.0, &next, ctx.now().millis()).await?;
    ctx.emit(&mut conn, DomainEvent::ProfileUpdated { actor_id: actor.0 }).await?;
    tx.commit().await?;
    // Only our own files are removed (a name, never a URL).
    replaced.retain(|name| crate::media::store::is_media_file_name(name));
    Ok(replaced)
}

fn storage_error(error: std::io::Error) -> ServiceError {
    ServiceError::Internal(format!("cannot store the image: {error}"))
}

#[cfg(test)]
mod tests {
    use super::remote_image_url;

    #[test]
    fn only_web_addresses_are_kept_for_remote_images() {
        assert_eq!(
            remote_image_url(Some("https://example.org/a.png")).as_deref(),
            Some("https://example.org/a.png")
        );
        for bad in ["javascript:alert(1)", "data:image/png;base64,AAAA", "not a url", "file:///etc/passwd"] {
            assert_eq!(remote_image_url(Some(bad)), None, "{bad}");
        }
        let long = format!("https://example.org/{}", "a".repeat(3000));
        assert_eq!(remote_image_url(Some(&long)), None);
    }
}

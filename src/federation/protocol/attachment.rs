//! Media and links attached to a post (`attachment`).
//!
//! Mastodon attaches `Document`s with a `url`; Lemmy a `Link` with an `href` for link posts and an
//! `Image` with a `url`. We read both spellings and write each kind the way its readers expect.
//! Entries of other types (a `PropertyValue`, a poll option) are not attachments we can show, so
//! the post's attachment list drops them (see [`super::de::deserialize_lenient_vec`]).

use serde::{Deserialize, Serialize};
use serde_json::Value;
use url::Url;

use super::de::first_href;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub enum AttachmentKind {
    Document,
    Image,
    Video,
    Audio,
    Link,
}

impl AttachmentKind {
    fn from_type(kind: &str) -> Option<Self> {
        Some(match kind {
            "Document" => Self::Document,
            "Image" => Self::Image,
            "Video" => Self::Video,
            "Audio" => Self::Audio,
            "Link" => Self::Link,
            _ => return None,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(try_from = "Value", into = "AttachmentWire")]
pub struct AttachmentJson {
    pub kind: AttachmentKind,
    pub url: Url,
    pub media_type: Option<String>,
    /// Alt text of media, or the title of a link.
    pub name: Option<String>,
    pub width: Option<i64>,
    pub height: Option<i64>,
    /// Mastodon's placeholder while the image loads.
    pub blurhash: Option<String>,
}

impl AttachmentJson {
    /// An image, with its alt text (Mastodon shows it to screen readers).
    pub fn image(url: Url, media_type: Option<String>, alt: Option<String>) -> Self {
        Self {
            kind: AttachmentKind::Image,
            url,
            media_type,
            name: alt,
            width: None,
            height: None,
            blurhash: None,
        }
    }

    /// An uploaded image as Mastodon sends its media: a `Document` with its type, size and alt
    /// text, which Mastodon, Lemmy and Misskey all show.
    pub fn document(url: Url, media_type: String, alt: Option<String>) -> Self {
        Self { kind: AttachmentKind::Document, media_type: Some(media_type), ..Self::image(url, None, alt) }
    }

    /// The link of a link post (Lemmy's `Link` attachment).
    pub fn link(href: Url) -> Self {
        Self { kind: AttachmentKind::Link, ..Self::image(href, None, None) }
    }

    /// Whether this is a picture we can show (an `Image`, or a `Document` of an image type).
    pub fn is_image(&self) -> bool {
        match self.kind {
            AttachmentKind::Image => self.media_type.as_deref().is_none_or(|t| t.starts_with("image/")),
            AttachmentKind::Document => self.media_type.as_deref().is_some_and(|t| t.starts_with("image/")),
            _ => false,
        }
    }
}

impl TryFrom<Value> for AttachmentJson {
    type Error = &'static str;

    fn try_from(value: Value) -> Result<Self, Self::Error> {
        let object = value.as_object().ok_or("an attachment must be an object")?;
        let kind = object
            .get("type")
            .and_then(Value::as_str)
            .and_then(AttachmentKind::from_type)
            .ok_or("attachment type is not Document, Image, Video, Audio or Link")?;
        let url = ["url", "href"]
            .iter()
            .filter_map(|key| object.get(*key))
            .find_map(|value| first_href(value, 1))
            .ok_or("attachment has no URL")?;
        let text = |key: &str| object.get(key).and_then(Value::as_str).map(str::to_owned);
        let size = |key: &str| object.get(key).and_then(Value::as_i64).filter(|n| (1..=100_000).contains(n));
        Ok(Self {
            kind,
            url,
            media_type: text("mediaType"),
            name: text("name"),
            width: size("width"),
            height: size("height"),
            blurhash: text("blurhash").filter(|hash| hash.len() <= 100),
        })
    }
}

/// The shape we send: a `Link` carries its target in `href`, everything else in `url`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct AttachmentWire {
    #[serde(rename = "type")]
    kind: AttachmentKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<Url>,
    #[serde(skip_serializing_if = "Option::is_none")]
    href: Option<Url>,
    #[serde(skip_serializing_if = "Option::is_none")]
    media_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    width: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    height: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    blurhash: Option<String>,
}

impl From<AttachmentJson> for AttachmentWire {
    fn from(attachment: AttachmentJson) -> Self {
        let (url, href) = match attachment.kind {
            AttachmentKind::Link => (None, Some(attachment.url)),
            _ => (Some(attachment.url), None),
        };
        Self {
            kind: attachment.kind,
            url,
            href,
            media_type: attachment.media_type,
            name: attachment.name,
            width: attachment.width,
            height: attachment.height,
            blurhash: attachment.blurhash,
        }
    }
}

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
}

impl AttachmentJson {
    /// An image, with its alt text (Mastodon shows it to screen readers).
    pub fn image(url: Url, media_type: Option<String>, alt: Option<String>) -> Self {
        Self { kind: AttachmentKind::Image, url, media_type, name: alt }
    }

    /// The link of a link post (Lemmy's `Link` attachment).
    pub fn link(href: Url) -> Self {
        Self { kind: AttachmentKind::Link, url: href, media_type: None, name: None }
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
        Ok(Self { kind, url, media_type: text("mediaType"), name: text("name") })
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
}

impl From<AttachmentJson> for AttachmentWire {
    fn from(attachment: AttachmentJson) -> Self {
        let (url, href) = match attachment.kind {
            AttachmentKind::Link => (None, Some(attachment.url)),
            _ => (Some(attachment.url), None),
        };
        Self { kind: attachment.kind, url, href, media_type: attachment.media_type, name: attachment.name }
    }
}

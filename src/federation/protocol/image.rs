//! Avatars, banners and preview images (`icon`, `image`).
//!
//! Mastodon sends one `Image` object; PeerTube an array of sizes, smallest first; NodeBB `null`;
//! others a bare URL. Reading all of them, and treating anything else as "no image", keeps an
//! odd avatar from making an actor unreadable.

use activitypub_federation::kinds::object::ImageType;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use url::Url;

use super::de::first_href;

#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", try_from = "Value")]
pub struct ImageJson {
    #[serde(rename = "type")]
    pub kind: ImageType,
    pub url: Url,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
    /// Alt text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl ImageJson {
    pub fn new(url: Url) -> Self {
        Self { kind: ImageType::Image, url, media_type: None, name: None }
    }

    /// Reads one image from a URL string or an object with a `url`.
    fn from_value(value: &Value) -> Option<Self> {
        match value {
            Value::String(_) => first_href(value, 0).map(Self::new),
            Value::Object(object) => {
                let url = first_href(object.get("url")?, 1)?;
                let text = |key: &str| object.get(key).and_then(Value::as_str).map(str::to_owned);
                Some(Self { kind: ImageType::Image, url, media_type: text("mediaType"), name: text("name") })
            }
            _ => None,
        }
    }
}

impl TryFrom<Value> for ImageJson {
    type Error = &'static str;

    fn try_from(value: Value) -> Result<Self, Self::Error> {
        Self::from_value(&value).ok_or("expected an image URL or an object with a `url`")
    }
}

/// `icon` or `image` in any of the shapes above; from an array the last (largest) readable
/// image; anything unreadable is `None`.
pub fn deserialize_image<'de, D>(deserializer: D) -> Result<Option<ImageJson>, D::Error>
where
    D: Deserializer<'de>,
{
    let value = Value::deserialize(deserializer)?;
    Ok(match &value {
        Value::Array(values) => values.iter().rev().find_map(ImageJson::from_value),
        other => ImageJson::from_value(other),
    })
}

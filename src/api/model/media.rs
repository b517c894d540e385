//! MediaAttachment: an image on a status, or an upload waiting for one.

use serde::Serialize;
use serde_json::{Value, json};

use crate::federation::uris::{self, Uris};
use crate::service::media::MediaView;

#[derive(Debug, Clone, Serialize)]
pub struct MediaAttachment {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub url: String,
    pub preview_url: String,
    pub remote_url: Option<String>,
    pub preview_remote_url: Option<String>,
    pub text_url: Option<String>,
    pub meta: Value,
    pub description: Option<String>,
    pub blurhash: Option<String>,
}

impl MediaAttachment {
    pub fn new(uris: &Uris, media: &MediaView) -> Self {
        let local = |name: &str| uris.absolute(&uris::media_path(name));
        let url = match (&media.file_name, &media.remote_url) {
            (Some(name), _) => local(name),
            (None, Some(remote)) => remote.clone(),
            (None, None) => String::new(),
        };
        let preview_url = media.preview_name.as_deref().map_or_else(|| url.clone(), local);
        let mut meta = json!({ "focus": { "x": media.focus.0, "y": media.focus.1 } });
        if let (Some(width), Some(height)) = (media.width, media.height) {
            meta["original"] = dimensions(width, height);
            meta["small"] = match media.preview_name {
                Some(_) => {
                    let scale = f64::from(crate::media::process::PREVIEW_SIDE) / (width.max(height) as f64);
                    dimensions(
                        ((width as f64) * scale).round() as i64,
                        ((height as f64) * scale).round() as i64,
                    )
                }
                None => dimensions(width, height),
            };
        }
        Self {
            id: media.id.to_string(),
            kind: if media.content_type.starts_with("image/") { "image" } else { "unknown" },
            url,
            preview_url,
            remote_url: media.remote_url.clone(),
            preview_remote_url: None,
            text_url: None,
            meta,
            description: (!media.description.is_empty()).then(|| media.description.clone()),
            blurhash: media.blurhash.clone(),
        }
    }
}

fn dimensions(width: i64, height: i64) -> Value {
    let aspect = if height > 0 { width as f64 / height as f64 } else { 1.0 };
    json!({ "width": width, "height": height, "size": format!("{width}x{height}"), "aspect": aspect })
}

//! The `source` of a post or profile: the text as its author wrote it.
//!
//! Lemmy and NodeBB edit the Markdown in `source` rather than the rendered HTML in `content`, so
//! we send it and keep it when it arrives. The media type stays a free string: Friendica sends
//! `text/bbcode` and GNU social `text/plain`.

use serde::{Deserialize, Serialize};

/// Media type of rendered content.
pub const MEDIA_TYPE_HTML: &str = "text/html";
/// Media type of the Markdown source Allmende sends.
pub const MEDIA_TYPE_MARKDOWN: &str = "text/markdown";

#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SourceJson {
    pub content: String,
    pub media_type: String,
}

impl SourceJson {
    pub fn markdown(content: impl Into<String>) -> Self {
        Self { content: content.into(), media_type: MEDIA_TYPE_MARKDOWN.to_owned() }
    }

    /// Whether the source is Markdown, the only source format Allmende can edit.
    pub fn is_markdown(&self) -> bool {
        self.media_type == MEDIA_TYPE_MARKDOWN
    }
}

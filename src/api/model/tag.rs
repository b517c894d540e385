//! Tag: a hashtag with the address of its page. Allmende keeps no usage history and members
//! cannot follow hashtags, so `history` is empty and `following` false.

use serde::Serialize;

use crate::federation::uris::Uris;

#[derive(Debug, Clone, Serialize)]
pub struct Tag {
    pub name: String,
    pub url: String,
    pub history: Vec<serde_json::Value>,
    pub following: bool,
}

impl Tag {
    /// `name` is normalised (lowercase, without `#`).
    pub fn new(uris: &Uris, name: &str) -> Self {
        Self { name: name.to_owned(), url: uris.tag(name), history: Vec::new(), following: false }
    }
}

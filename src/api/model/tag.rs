//! Tag: a hashtag with the address of its page. Allmende keeps no usage history and members
//! cannot follow hashtags, so `history` is empty and `following` false. Hashtags have no row of
//! their own: the normalised name is the id.

use serde::Serialize;

use crate::federation::uris::Uris;

#[derive(Debug, Clone, Serialize)]
pub struct Tag {
    pub id: String,
    pub name: String,
    pub url: String,
    pub history: Vec<serde_json::Value>,
    pub following: bool,
}

impl Tag {
    /// `name` is normalised (lowercase, without `#`).
    pub fn new(uris: &Uris, name: &str) -> Self {
        Self {
            id: name.to_owned(),
            name: name.to_owned(),
            url: uris.tag(name),
            history: Vec::new(),
            following: false,
        }
    }
}

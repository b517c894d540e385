//! Mastodon's `Poll`: the options with their counts (null while hidden), when it ends, and what
//! the viewer chose.

use serde::Serialize;

use super::timestamp;
use crate::service::polls::PollView;

#[derive(Debug, Clone, Serialize)]
pub struct Poll {
    pub id: String,
    pub expires_at: Option<String>,
    pub expired: bool,
    pub multiple: bool,
    pub votes_count: i64,
    pub voters_count: Option<i64>,
    pub options: Vec<PollOption>,
    pub emojis: Vec<serde_json::Value>,
    /// Left out without a signed-in viewer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub voted: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub own_votes: Option<Vec<i64>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PollOption {
    pub title: String,
    /// Null while the author hides the counts until the poll ends.
    pub votes_count: Option<i64>,
}

impl Poll {
    pub fn new(poll: &PollView) -> Self {
        let hidden = poll.hide_totals && !poll.expired;
        Self {
            id: poll.id.to_string(),
            expires_at: poll.expires_at.map(timestamp),
            expired: poll.expired,
            multiple: poll.multiple,
            votes_count: poll.votes_count(),
            voters_count: Some(poll.voters_count),
            options: poll
                .options
                .iter()
                .map(|option| PollOption {
                    title: option.title.clone(),
                    votes_count: (!hidden).then_some(option.votes_count),
                })
                .collect(),
            emojis: Vec::new(),
            voted: poll.viewer_known.then(|| poll.voted()),
            own_votes: poll.viewer_known.then(|| poll.own_votes.clone()),
        }
    }
}

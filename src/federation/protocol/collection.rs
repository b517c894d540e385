//! Collections: outboxes, follower lists, moderator lists and a thread's posts (FEP-7888
//! `context`, FEP-f228).
//!
//! Items stay raw JSON: an outbox holds activities, a thread context posts, a moderator list
//! URLs, and the caller knows which to expect. `Collection` is read as well as
//! `OrderedCollection` (Lemmy's followers), with `items` for `orderedItems`.

use activitypub_federation::protocol::helpers::deserialize_skip_error;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use url::Url;

use super::de::deserialize_opt_id;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub enum CollectionKind {
    OrderedCollection,
    Collection,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub enum CollectionPageKind {
    OrderedCollectionPage,
    CollectionPage,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderedCollectionJson {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: CollectionKind,
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub total_items: Option<u64>,
    /// The first page, for collections too long to send at once.
    #[serde(default, deserialize_with = "deserialize_opt_id", skip_serializing_if = "Option::is_none")]
    pub first: Option<Url>,
    /// Absent when the items are on pages: a reader given an empty list would not look at
    /// `first`. A collection sent whole always has it, even when empty (Lemmy requires it).
    #[serde(
        default,
        deserialize_with = "deserialize_skip_error",
        alias = "items",
        skip_serializing_if = "Option::is_none"
    )]
    pub ordered_items: Option<Vec<Value>>,
}

impl OrderedCollectionJson {
    /// A collection sent whole.
    pub fn new(id: Url, items: Vec<Value>) -> Self {
        Self {
            id,
            kind: CollectionKind::OrderedCollection,
            total_items: Some(items.len() as u64),
            first: None,
            ordered_items: Some(items),
        }
    }

    /// A collection of `total` items whose entries are on pages, starting at `first`.
    pub fn paged(id: Url, total: u64, first: Url) -> Self {
        Self {
            id,
            kind: CollectionKind::OrderedCollection,
            total_items: Some(total),
            first: Some(first),
            ordered_items: None,
        }
    }

    /// The items sent inline (none for a paged collection).
    pub fn items(&self) -> &[Value] {
        self.ordered_items.as_deref().unwrap_or_default()
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderedCollectionPageJson {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: CollectionPageKind,
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub total_items: Option<u64>,
    #[serde(default, deserialize_with = "deserialize_opt_id", skip_serializing_if = "Option::is_none")]
    pub next: Option<Url>,
    #[serde(default, deserialize_with = "deserialize_opt_id", skip_serializing_if = "Option::is_none")]
    pub prev: Option<Url>,
    #[serde(default, deserialize_with = "deserialize_opt_id", skip_serializing_if = "Option::is_none")]
    pub part_of: Option<Url>,
    #[serde(default, deserialize_with = "deserialize_skip_error", alias = "items")]
    pub ordered_items: Vec<Value>,
}

impl OrderedCollectionPageJson {
    /// One page of the collection `part_of`; `next` and `prev` link the neighbours.
    pub fn new(id: Url, part_of: Url, items: Vec<Value>, next: Option<Url>, prev: Option<Url>) -> Self {
        Self {
            id,
            kind: CollectionPageKind::OrderedCollectionPage,
            total_items: None,
            next,
            prev,
            part_of: Some(part_of),
            ordered_items: items,
        }
    }
}

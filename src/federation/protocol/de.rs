//! Tolerant deserializers for fields that fediverse servers shape differently.
//!
//! ActivityStreams allows most properties to be a link (a URL string), an embedded object, or an
//! array of either, and real servers use all three. These functions read what we need from
//! whichever shape arrives, so one odd field does not make a whole post or actor unreadable.
//! Each works on a parsed [`Value`] and does a single pass over it: hostile input with thousands
//! of entries costs linear time.

use serde::de::{DeserializeOwned, Error};
use serde::{Deserialize, Deserializer};
use serde_json::Value;
use url::Url;

/// The id of a link or embedded object: a URL string, or an object's `id`.
pub(crate) fn id_of(value: &Value) -> Option<Url> {
    match value {
        Value::String(link) => Url::parse(link).ok(),
        Value::Object(object) => object.get("id").and_then(Value::as_str).and_then(|id| Url::parse(id).ok()),
        _ => None,
    }
}

/// The `type` of an embedded object, if it has a string one.
pub(crate) fn kind_of(value: &Value) -> Option<&str> {
    value.get("type").and_then(Value::as_str)
}

/// A required reference to another object (`object` of Follow, Like, Delete...): a URL, or an
/// embedded object whose `id` we take.
pub fn deserialize_id<'de, D>(deserializer: D) -> Result<Url, D::Error>
where
    D: Deserializer<'de>,
{
    let value = Value::deserialize(deserializer)?;
    id_of(&value).ok_or_else(|| D::Error::custom("expected a URL or an object with a URL `id`"))
}

/// An optional reference (`inReplyTo`, `audience`, `context`, `followers`...). Anything we
/// cannot read becomes `None`: these fields are hints, and losing one is better than losing the
/// object. Arrays give their first readable entry.
pub fn deserialize_opt_id<'de, D>(deserializer: D) -> Result<Option<Url>, D::Error>
where
    D: Deserializer<'de>,
{
    let value = Value::deserialize(deserializer)?;
    Ok(match &value {
        Value::Array(values) => values.iter().find_map(id_of),
        other => id_of(other),
    })
}

/// The author in `attributedTo`. Usually one URL; PeerTube sends an array of objects (the
/// account, then the channel), so from an array we take the first `Person`, else the first id.
pub fn deserialize_attributed_to<'de, D>(deserializer: D) -> Result<Url, D::Error>
where
    D: Deserializer<'de>,
{
    let value = Value::deserialize(deserializer)?;
    let author = match &value {
        Value::Array(values) => values
            .iter()
            .find(|value| kind_of(value) == Some("Person"))
            .and_then(id_of)
            .or_else(|| values.iter().find_map(id_of)),
        other => id_of(other),
    };
    author.ok_or_else(|| D::Error::custom("`attributedTo` names no actor URL"))
}

/// A link to a web page (`url`): a string, a `Link` object (`href`), an object with a `url`, or
/// an array of those; we take the first readable one.
pub fn deserialize_first_href<'de, D>(deserializer: D) -> Result<Option<Url>, D::Error>
where
    D: Deserializer<'de>,
{
    let value = Value::deserialize(deserializer)?;
    Ok(first_href(&value, 0))
}

/// How deep `url` objects may nest (`{"url": {"href": ...}}`); real servers use one level.
const MAX_HREF_DEPTH: usize = 2;

pub(crate) fn first_href(value: &Value, depth: usize) -> Option<Url> {
    match value {
        Value::String(link) => Url::parse(link).ok(),
        Value::Array(values) if depth <= MAX_HREF_DEPTH => {
            values.iter().find_map(|value| first_href(value, depth + 1))
        }
        Value::Object(object) if depth <= MAX_HREF_DEPTH => ["href", "url"]
            .iter()
            .filter_map(|key| object.get(*key))
            .find_map(|value| first_href(value, depth + 1)),
        _ => None,
    }
}

/// A list whose entries are read one by one: entries we cannot read (an `Emoji` tag, a
/// `PropertyValue` among post attachments) are dropped instead of failing the whole list. A
/// single value (an object, a URL) counts as a list of one when it reads; `null` as none.
pub fn deserialize_lenient_vec<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned,
{
    let value = Value::deserialize(deserializer)?;
    Ok(match value {
        Value::Array(values) => values.into_iter().filter_map(|value| T::deserialize(value).ok()).collect(),
        Value::Null => Vec::new(),
        // One value where a list may be (ActivityStreams allows it): a list of one, if readable.
        single => T::deserialize(single).into_iter().collect(),
    })
}

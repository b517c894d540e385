//! `Flag`: a report. Two shapes are in use and both are read:
//! - Lemmy, Mbin: a person flags one post (`object` a URL), the reason in `summary`, addressed
//!   `to` the group, with `audience` the group;
//! - Mastodon, Misskey, NodeBB: `object` a list of the reported account and posts, the comment
//!   in `content`; Mastodon and Misskey send it as their instance (or system) actor.
//!
//! We send Lemmy's shape to a remote group and Mastodon's to a reported author's server, always
//! as our instance actor: the reporter's identity never leaves the instance.

use activitypub_federation::protocol::helpers::{deserialize_one_or_many, deserialize_skip_error};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;
use url::Url;

use super::de::{deserialize_opt_id, id_of};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub enum FlagType {
    Flag,
}

/// At most this many objects of one `Flag` are read; the rest are dropped.
pub const MAX_FLAG_OBJECTS: usize = 21;

#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FlagJson {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: FlagType,
    pub actor: Url,
    /// What is reported: one URL (Lemmy's shape, sent as a string) or several (Mastodon's).
    #[serde(deserialize_with = "deserialize_objects", serialize_with = "serialize_objects")]
    pub object: Vec<Url>,
    /// The reason (Lemmy, Mbin).
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// The comment (Mastodon, Misskey, NodeBB; Mbin sends both).
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    /// The group of the reported post.
    #[serde(default, deserialize_with = "deserialize_opt_id", skip_serializing_if = "Option::is_none")]
    pub audience: Option<Url>,
    #[serde(default, deserialize_with = "deserialize_one_or_many", skip_serializing_if = "Vec::is_empty")]
    pub to: Vec<Url>,
    #[serde(default, deserialize_with = "deserialize_one_or_many", skip_serializing_if = "Vec::is_empty")]
    pub cc: Vec<Url>,
}

impl FlagJson {
    /// Lemmy's shape: `actor` reports `post` to `group`, with `reason`.
    pub fn to_group(id: Url, actor: Url, post: Url, group: Url, reason: String) -> Self {
        Self {
            id,
            kind: FlagType::Flag,
            actor,
            object: vec![post],
            summary: Some(reason),
            content: None,
            audience: Some(group.clone()),
            to: vec![group],
            cc: Vec::new(),
        }
    }

    /// Mastodon's shape: `actor` reports `account` and its `posts` to the account's server.
    pub fn to_author_server(id: Url, actor: Url, account: Url, posts: Vec<Url>, comment: String) -> Self {
        let mut object = vec![account.clone()];
        object.extend(posts);
        Self {
            id,
            kind: FlagType::Flag,
            actor,
            object,
            summary: None,
            content: Some(comment),
            audience: None,
            to: vec![account],
            cc: Vec::new(),
        }
    }

    /// The reason or comment, whichever the sender used.
    pub fn comment(&self) -> &str {
        self.content.as_deref().filter(|c| !c.trim().is_empty()).or(self.summary.as_deref()).unwrap_or("")
    }
}

/// One object or a list; each a URL or an embedded object with an `id`. Unreadable entries are
/// dropped; a `Flag` with none is malformed.
fn deserialize_objects<'de, D>(deserializer: D) -> Result<Vec<Url>, D::Error>
where
    D: Deserializer<'de>,
{
    let value = Value::deserialize(deserializer)?;
    let objects: Vec<Url> = match &value {
        Value::Array(values) => values.iter().filter_map(id_of).take(MAX_FLAG_OBJECTS).collect(),
        other => id_of(other).into_iter().collect(),
    };
    if objects.is_empty() {
        return Err(serde::de::Error::custom("a Flag names no object"));
    }
    Ok(objects)
}

fn serialize_objects<S>(objects: &[Url], serializer: S) -> Result<S::Ok, S::Error>
where
    S: Serializer,
{
    match objects {
        [one] => one.serialize(serializer),
        many => many.serialize(serializer),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    #[test]
    fn lemmy_shape_sends_one_object_as_a_string() {
        let flag = FlagJson::to_group(
            url("https://a.example/activities/flag/1"),
            url("https://a.example/actor"),
            url("https://b.example/post/7"),
            url("https://b.example/c/main"),
            "spam".into(),
        );
        let json = serde_json::to_value(&flag).unwrap();
        assert_eq!(json["object"], "https://b.example/post/7");
        assert_eq!(json["summary"], "spam");
        assert_eq!(json["audience"], "https://b.example/c/main");
        assert_eq!(json["to"], serde_json::json!(["https://b.example/c/main"]));
    }

    #[test]
    fn objects_are_read_from_either_shape_and_an_empty_flag_is_refused() {
        let one: FlagJson = serde_json::from_value(serde_json::json!({
            "id": "https://a.example/f/1", "type": "Flag", "actor": "https://a.example/u/x",
            "object": {"id": "https://b.example/post/1", "type": "Page"}, "summary": "why"
        }))
        .unwrap();
        assert_eq!(one.object, vec![url("https://b.example/post/1")]);
        assert_eq!(one.comment(), "why");
        let none = serde_json::from_value::<FlagJson>(serde_json::json!({
            "id": "https://a.example/f/1", "type": "Flag", "actor": "https://a.example/u/x", "object": []
        }));
        assert!(none.is_err());
    }
}

//! The language of a post: Lemmy's `language` object and the `contentMap` of Mastodon and others.

use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

/// Lemmy's `{identifier, name}` (schema.org `Language`). Lemmy requires both fields when it
/// reads ours, so `name` is always sent; when it arrives missing it is empty.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub struct LanguageJson {
    pub identifier: String,
    #[serde(default)]
    pub name: String,
}

impl LanguageJson {
    pub fn new(identifier: impl Into<String>, name: impl Into<String>) -> Self {
        Self { identifier: identifier.into(), name: name.into() }
    }
}

/// `contentMap`: language code → HTML, in the order the sender wrote them, because the first
/// entry is the post's language. The order survives a detour through [`Value`] because
/// `activitypub_federation` turns on serde_json's `preserve_order`. Entries whose value is not a
/// string are dropped.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContentMap(pub Vec<(String, String)>);

impl ContentMap {
    /// A map with one entry, as Mastodon sends it.
    pub fn single(language: impl Into<String>, html: impl Into<String>) -> Self {
        Self(vec![(language.into(), html.into())])
    }

    /// The first language, if any.
    pub fn first_language(&self) -> Option<&str> {
        self.0.first().map(|(language, _)| language.as_str())
    }

    pub fn get(&self, language: &str) -> Option<&str> {
        self.0.iter().find(|(key, _)| key == language).map(|(_, html)| html.as_str())
    }
}

impl Serialize for ContentMap {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (language, html) in &self.0 {
            map.serialize_entry(language, html)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for ContentMap {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct InOrder;

        impl<'de> Visitor<'de> for InOrder {
            type Value = ContentMap;

            fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
                formatter.write_str("a map of language codes to HTML")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ContentMap, A::Error> {
                let mut entries = Vec::new();
                while let Some((language, value)) = map.next_entry::<String, Value>()? {
                    if let Value::String(html) = value {
                        entries.push((language, html));
                    }
                }
                Ok(ContentMap(entries))
            }
        }

        deserializer.deserialize_map(InOrder)
    }
}

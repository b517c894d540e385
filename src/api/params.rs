//! Parameters as Mastodon apps send them: in the query string, as JSON, as a form, or as
//! multipart, with Rails-style keys (`media_ids[]`, `types[]`, `a[0][b]`). All of them are
//! merged into one JSON object (body over query) and deserialized leniently: `"true"`, `"1"`
//! and `true` are the same boolean, `"42"` and `42` the same number.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{FromRequest, Multipart, Request};
use axum::http::header;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value};

use super::error::ApiError;

/// Deepest Rails-style nesting accepted (`a[0][b]` is 3).
const MAX_DEPTH: usize = 4;

pub struct Params<T>(pub T);

impl<S, T> FromRequest<S> for Params<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let (merged, _) = collect(request, state, false).await?;
        read_params(merged).map(Params)
    }
}

/// Parameters with the files of a multipart body (`avatar`, `header`), by field name.
pub struct ParamsWithFiles<T>(pub T, pub HashMap<String, Vec<u8>>);

impl<S, T> FromRequest<S> for ParamsWithFiles<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let (merged, files) = collect(request, state, true).await?;
        Ok(Self(read_params(merged)?, files))
    }
}

/// Merges the query and the body; keeps file fields when `keep_files`, else skips them.
async fn collect<S: Send + Sync>(
    request: Request,
    state: &S,
    keep_files: bool,
) -> Result<(Map<String, Value>, HashMap<String, Vec<u8>>), ApiError> {
    let mut merged = Map::new();
    let mut files = HashMap::new();
    if let Some(query) = request.uri().query() {
        merge_form(&mut merged, query.as_bytes());
    }
    let content_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    if content_type.starts_with("multipart/form-data") {
        let mut multipart = Multipart::from_request(request, state)
            .await
            .map_err(|e| ApiError::BadRequest(format!("unreadable multipart body: {e}")))?;
        while let Some(field) = multipart.next_field().await.map_err(multipart_error)? {
            let Some(name) = field.name().map(str::to_owned) else { continue };
            if field.file_name().is_some() {
                if keep_files {
                    let bytes = field.bytes().await.map_err(multipart_error)?;
                    files.insert(name, bytes.to_vec());
                }
                continue;
            }
            let text = field.text().await.map_err(multipart_error)?;
            insert_rails(&mut merged, &name, Value::String(text));
        }
    } else {
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|e| ApiError::BadRequest(format!("unreadable body: {e}")))?;
        merge_body(&mut merged, &content_type, &bytes)?;
    }
    Ok((merged, files))
}

fn multipart_error(error: axum::extract::multipart::MultipartError) -> ApiError {
    if error.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::PayloadTooLarge
    } else {
        ApiError::BadRequest(format!("bad multipart: {}", error.body_text()))
    }
}

/// Merges form-encoded parameters (a query string or a form body) into `merged`.
pub fn merge_form(merged: &mut Map<String, Value>, form: &[u8]) {
    for (key, value) in form_urlencoded::parse(form) {
        insert_rails(merged, &key, Value::String(value.into_owned()));
    }
}

/// Merges a body that is not multipart into `merged`: a JSON object when `content_type`
/// (lower case) says JSON, otherwise a form. Its members win over the query's.
pub fn merge_body(merged: &mut Map<String, Value>, content_type: &str, body: &[u8]) -> Result<(), ApiError> {
    if content_type.starts_with("application/json") && !body.iter().all(u8::is_ascii_whitespace) {
        let body: Value = serde_json::from_slice(body)
            .map_err(|e| ApiError::BadRequest(format!("the body is not valid JSON: {e}")))?;
        let Value::Object(body) = body else {
            return Err(ApiError::BadRequest("the JSON body must be an object".into()));
        };
        merged.extend(body);
    } else if !body.is_empty() {
        merge_form(merged, body);
    }
    Ok(())
}

/// Reads the merged parameters as `T`.
pub fn read_params<T: DeserializeOwned>(merged: Map<String, Value>) -> Result<T, ApiError> {
    serde_json::from_value(Value::Object(merged)).map_err(|e| ApiError::invalid(e.to_string()))
}

/// An id from the path: ids are numbers, so anything else names nothing (404).
pub fn parse_id(raw: &str) -> Result<i64, ApiError> {
    raw.parse().map_err(|_| ApiError::NotFound)
}

/// Splits `a[b][]` into `a`, `b`, ``.
fn key_path(key: &str) -> Vec<&str> {
    let Some(open) = key.find('[') else {
        return vec![key];
    };
    let mut path = vec![&key[..open]];
    let mut rest = &key[open..];
    while let Some(inner) = rest.strip_prefix('[') {
        let Some(close) = inner.find(']') else { break };
        path.push(&inner[..close]);
        rest = &inner[close + 1..];
    }
    path
}

/// Puts one parameter into the object, following its Rails-style path. Numbered members of a
/// list (`a[0][b]`) become objects keyed by their number; [`list`] reads both shapes.
pub fn insert_rails(target: &mut Map<String, Value>, key: &str, value: Value) {
    let path = key_path(key);
    if path.len() > MAX_DEPTH || path.first().is_none_or(|first| first.is_empty()) {
        return;
    }
    insert_path(target, &path, value);
}

fn insert_path(target: &mut Map<String, Value>, path: &[&str], value: Value) {
    let (head, rest) = (path[0], &path[1..]);
    match rest.first() {
        None => {
            target.insert(head.to_owned(), value);
        }
        Some(&"") => {
            let entry = target.entry(head.to_owned()).or_insert_with(|| Value::Array(Vec::new()));
            if !entry.is_array() {
                *entry = Value::Array(Vec::new());
            }
            if let Value::Array(items) = entry {
                items.push(value);
            }
        }
        Some(_) => {
            let entry = target.entry(head.to_owned()).or_insert_with(|| Value::Object(Map::new()));
            if !entry.is_object() {
                *entry = Value::Object(Map::new());
            }
            if let Value::Object(inner) = entry {
                insert_path(inner, rest, value);
            }
        }
    }
}

/// Lenient field deserializers for `#[serde(deserialize_with = ...)]`.
pub mod lenient {
    use super::*;

    fn truthy(value: &Value) -> Option<bool> {
        match value {
            Value::Bool(b) => Some(*b),
            Value::Number(n) => Some(n.as_f64().is_some_and(|n| n != 0.0)),
            Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
                "true" | "1" | "on" | "yes" => Some(true),
                "false" | "0" | "off" | "no" | "" => Some(false),
                _ => None,
            },
            Value::Null => None,
            _ => None,
        }
    }

    pub fn bool<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
        Ok(truthy(&Value::deserialize(d)?).unwrap_or(false))
    }

    pub fn opt_bool<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
        Ok(truthy(&Value::deserialize(d)?))
    }

    fn as_text(value: Value) -> Option<String> {
        match value {
            Value::String(s) => Some(s),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }

    /// A string (numbers are taken as their text); empty means absent.
    pub fn opt_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        Ok(as_text(Value::deserialize(d)?).filter(|s| !s.is_empty()))
    }

    /// An integer given as number or text; empty means absent, anything else is refused.
    pub fn opt_i64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
        match as_text(Value::deserialize(d)?).filter(|s| !s.trim().is_empty()) {
            None => Ok(None),
            Some(text) => text
                .trim()
                .parse()
                .map(Some)
                .map_err(|_| serde::de::Error::custom(format!("{text:?} is not a number"))),
        }
    }

    /// A list given as an array, as numbered members, or as one value.
    pub fn list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
        Ok(match Value::deserialize(d)? {
            Value::Array(items) => items.into_iter().filter_map(as_text).collect(),
            Value::Object(members) => members.into_iter().filter_map(|(_, v)| as_text(v)).collect(),
            Value::Null => Vec::new(),
            single => as_text(single).into_iter().collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(pairs: &[(&str, &str)]) -> Value {
        let mut map = Map::new();
        for (key, value) in pairs {
            insert_rails(&mut map, key, Value::String((*value).to_owned()));
        }
        Value::Object(map)
    }

    #[test]
    fn rails_arrays_and_nesting() {
        let value = parse(&[("types[]", "mention"), ("types[]", "follow"), ("a[0][b]", "x"), ("plain", "1")]);
        assert_eq!(value["types"], serde_json::json!(["mention", "follow"]));
        assert_eq!(value["a"]["0"]["b"], "x");
        assert_eq!(value["plain"], "1");
    }

    #[test]
    fn absurd_keys_are_dropped() {
        let value = parse(&[("[x]", "1"), ("a[b][c][d][e]", "deep")]);
        assert_eq!(value, serde_json::json!({}));
    }

    #[derive(Deserialize)]
    struct Sample {
        #[serde(default, deserialize_with = "lenient::bool")]
        flag: bool,
        #[serde(default, deserialize_with = "lenient::opt_i64")]
        limit: Option<i64>,
        #[serde(default, deserialize_with = "lenient::list")]
        ids: Vec<String>,
    }

    #[test]
    fn lenient_values() {
        let sample: Sample =
            serde_json::from_value(parse(&[("flag", "true"), ("limit", "5"), ("ids[]", "7")])).unwrap();
        assert!(sample.flag);
        assert_eq!(sample.limit, Some(5));
        assert_eq!(sample.ids, ["7"]);
        let sample: Sample =
            serde_json::from_value(serde_json::json!({"flag": 1, "limit": 3, "ids": 9})).unwrap();
        assert!(sample.flag && sample.limit == Some(3) && sample.ids == ["9"]);
        assert!(serde_json::from_value::<Sample>(serde_json::json!({"limit": "x"})).is_err());
    }
}

//! `Event` the way Mobilizon shapes it (`startTime`, `endTime`, `timezone`, `location` as a
//! `Place`, `joinMode`, `participantCount`, `maximumAttendeeCapacity`), its `Create`/`Update`,
//! and the RSVPs: `Join` (going), `Leave` (no longer going) and `Accept` of a `Join`.
//!
//! Reading is tolerant: Mobilizon's `location.address` is a `PostalAddress` object, ours a
//! string; coordinates may be numbers or strings; unknown fields are ignored.

use activitypub_federation::protocol::helpers::{deserialize_one_or_many, deserialize_skip_error};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use url::Url;

use super::de::{deserialize_attributed_to, deserialize_first_href, deserialize_id, deserialize_opt_id};

/// Mobilizon's extension terms, for the `@context` of what we send about events.
pub fn event_context_terms() -> Value {
    serde_json::json!({
        "mz": "https://joinmobilizon.org/ns#",
        "sc": "http://schema.org#",
        "timezone": { "@id": "mz:timezone", "@type": "sc:Text" },
        "joinMode": { "@id": "mz:joinMode", "@type": "mz:joinModeType" },
        "participantCount": { "@id": "mz:participantCount", "@type": "sc:Integer" },
        "maximumAttendeeCapacity": "sc:maximumAttendeeCapacity",
        "remainingAttendeeCapacity": "sc:remainingAttendeeCapacity",
        "isOnline": { "@id": "mz:isOnline", "@type": "sc:Boolean" },
        "location": { "@id": "sc:location", "@type": "sc:Place" },
        "address": "sc:address"
    })
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EventJson {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: EventType,
    /// The group the event belongs to (Mobilizon: the organising group).
    #[serde(deserialize_with = "deserialize_attributed_to")]
    pub attributed_to: Url,
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// HTML.
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub start_time: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub end_time: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub location: Option<PlaceJson>,
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub is_online: Option<bool>,
    /// The page, or for online events Mobilizon's link to join.
    #[serde(default, deserialize_with = "deserialize_first_href", skip_serializing_if = "Option::is_none")]
    pub url: Option<Url>,
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub join_mode: Option<String>,
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub participant_count: Option<i64>,
    /// 0 means unlimited, as Mobilizon writes it.
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub maximum_attendee_capacity: Option<i64>,
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub remaining_attendee_capacity: Option<i64>,
    #[serde(default, deserialize_with = "deserialize_opt_id", skip_serializing_if = "Option::is_none")]
    pub audience: Option<Url>,
    #[serde(default, deserialize_with = "deserialize_one_or_many", skip_serializing_if = "Vec::is_empty")]
    pub to: Vec<Url>,
    #[serde(default, deserialize_with = "deserialize_one_or_many", skip_serializing_if = "Vec::is_empty")]
    pub cc: Vec<Url>,
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub published: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub updated: Option<DateTime<Utc>>,
}

impl EventJson {
    /// Whether anyone may read it (Mobilizon addresses public events to the public collection).
    pub fn is_public(&self) -> bool {
        super::is_public(&self.to, &self.cc)
    }

    /// The group it belongs to: `audience` if given, else `attributedTo`.
    pub fn group(&self) -> &Url {
        self.audience.as_ref().unwrap_or(&self.attributed_to)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
pub enum EventType {
    #[default]
    Event,
}

/// Where an event happens.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlaceJson {
    #[serde(rename = "type", default = "place_type")]
    pub kind: String,
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A line of text; a `PostalAddress` is read into one.
    #[serde(default, deserialize_with = "deserialize_address", skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(default, deserialize_with = "deserialize_number", skip_serializing_if = "Option::is_none")]
    pub latitude: Option<f64>,
    #[serde(default, deserialize_with = "deserialize_number", skip_serializing_if = "Option::is_none")]
    pub longitude: Option<f64>,
}

fn place_type() -> String {
    "Place".to_owned()
}

impl PlaceJson {
    pub fn new(address: &str, coordinates: Option<(f64, f64)>) -> Self {
        Self {
            kind: place_type(),
            name: None,
            address: Some(address.to_owned()),
            latitude: coordinates.map(|c| c.0),
            longitude: coordinates.map(|c| c.1),
        }
    }

    /// One line for people: the place's name and address.
    pub fn text(&self) -> String {
        [self.name.as_deref(), self.address.as_deref()]
            .into_iter()
            .flatten()
            .map(str::trim)
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn deserialize_address<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    Ok(match Value::deserialize(deserializer)? {
        Value::String(text) => Some(text),
        Value::Object(object) => {
            let parts: Vec<&str> =
                ["streetAddress", "postalCode", "addressLocality", "addressRegion", "addressCountry"]
                    .iter()
                    .filter_map(|key| object.get(*key).and_then(Value::as_str))
                    .filter(|part| !part.trim().is_empty())
                    .collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        _ => None,
    })
}

fn deserialize_number<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<f64>, D::Error> {
    Ok(match Value::deserialize(deserializer)? {
        Value::Number(n) => n.as_f64(),
        Value::String(text) => text.trim().parse().ok(),
        _ => None,
    }
    .filter(|n: &f64| n.is_finite()))
}

/// `Create` or `Update` of an event, sent by its group.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EventActivityJson {
    pub id: Url,
    /// `Create` or `Update`.
    #[serde(rename = "type")]
    pub kind: String,
    pub actor: Url,
    pub object: EventJson,
    #[serde(default, deserialize_with = "deserialize_one_or_many", skip_serializing_if = "Vec::is_empty")]
    pub to: Vec<Url>,
    #[serde(default, deserialize_with = "deserialize_one_or_many", skip_serializing_if = "Vec::is_empty")]
    pub cc: Vec<Url>,
}

impl EventActivityJson {
    pub fn new(id: Url, kind: &str, actor: Url, object: EventJson) -> Self {
        Self { id, kind: kind.to_owned(), actor, to: object.to.clone(), cc: object.cc.clone(), object }
    }
}

/// `Join` (going) or `Leave` (not going any more) of an event.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JoinJson {
    pub id: Url,
    /// `Join` or `Leave`.
    #[serde(rename = "type")]
    pub kind: String,
    pub actor: Url,
    #[serde(deserialize_with = "deserialize_id")]
    pub object: Url,
    #[serde(default, deserialize_with = "deserialize_one_or_many", skip_serializing_if = "Vec::is_empty")]
    pub to: Vec<Url>,
    #[serde(default, deserialize_with = "deserialize_one_or_many", skip_serializing_if = "Vec::is_empty")]
    pub cc: Vec<Url>,
}

impl JoinJson {
    pub fn new(id: Url, kind: &str, actor: Url, event: Url, to: Url) -> Self {
        Self { id, kind: kind.to_owned(), actor, object: event, to: vec![to], cc: Vec::new() }
    }
}

/// `Accept` of a `Join`: the event's group confirms a participant (Mobilizon's answer).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AcceptJoinJson {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: String,
    pub actor: Url,
    pub object: JoinJson,
    #[serde(default, deserialize_with = "deserialize_one_or_many", skip_serializing_if = "Vec::is_empty")]
    pub to: Vec<Url>,
}

impl AcceptJoinJson {
    pub fn new(id: Url, actor: Url, join: JoinJson) -> Self {
        Self { id, kind: "Accept".to_owned(), actor, to: vec![join.actor.clone()], object: join }
    }

    /// `Reject(Join)`: the event has no place left.
    pub fn reject(id: Url, actor: Url, join: JoinJson) -> Self {
        Self { kind: "Reject".to_owned(), ..Self::new(id, actor, join) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_real_mobilizon_event_parses() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/mobilizon/objects/event.json"
        ))
        .expect("fixture");
        let event: EventJson = serde_json::from_str(&text).expect("parses");
        assert_eq!(event.name.as_deref(), Some("Caledonian scottish dance class"));
        assert_eq!(event.attributed_to.as_str(), "https://rendezvous.nomagic.uk/@devon_caledonian_society");
        assert_eq!(event.timezone.as_deref(), Some("Europe/London"));
        assert_eq!(event.start_time.map(|t| t.to_rfc3339()).as_deref(), Some("2022-12-11T19:00:00+00:00"));
        assert_eq!(event.end_time.map(|t| t.to_rfc3339()).as_deref(), Some("2022-12-11T21:00:00+00:00"));
        let place = event.location.clone().expect("a place");
        assert_eq!(
            place.text(),
            "The Kenn Centre, Devon Expressway, EX6 7TW, Teignbridge, England, United Kingdom"
        );
        assert!((place.latitude.unwrap_or_default() - 50.668_816).abs() < 1e-5);
        assert_eq!(event.join_mode.as_deref(), Some("free"));
        assert_eq!(event.maximum_attendee_capacity, Some(0));
        assert!(event.is_public());
    }

    #[test]
    fn odd_shapes_are_read_as_absent() {
        let event: EventJson = serde_json::from_value(serde_json::json!({
            "id": "https://a.example/e/1", "type": "Event", "attributedTo": "https://a.example/g/x",
            "startTime": "not a date", "location": {"type": "Place", "latitude": "x", "address": 5},
            "participantCount": "many"
        }))
        .expect("parses");
        assert!(event.start_time.is_none() && event.participant_count.is_none());
        let place = event.location.expect("place");
        assert!(place.latitude.is_none() && place.address.is_none());
    }
}

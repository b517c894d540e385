//! The project of a project group, as an extension of its `Group` actor (`project`, a JSON
//! literal in our own namespace; see FEDERATION.md, "Project groups"). Every field is optional
//! and read tolerantly: a value in an unexpected shape is read as absent, list entries we
//! cannot read are dropped, and unknown fields are ignored.

use activitypub_federation::protocol::helpers::deserialize_skip_error;
use serde::{Deserialize, Serialize};

use super::de::deserialize_lenient_vec;

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProjectJson {
    /// Plain text.
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// `idea`, `planned`, `running`, `completed` or `paused`.
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// `YYYY-MM-DD`.
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    /// Words of the sending network's focus-area vocabulary.
    #[serde(default, deserialize_with = "deserialize_lenient_vec", skip_serializing_if = "Vec::is_empty")]
    pub focus_areas: Vec<String>,
    #[serde(default, deserialize_with = "deserialize_lenient_vec", skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(default, deserialize_with = "deserialize_lenient_vec", skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<PartnerJson>,
    #[serde(default, deserialize_with = "deserialize_lenient_vec", skip_serializing_if = "Vec::is_empty")]
    pub funders: Vec<FunderJson>,
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    #[serde(default, deserialize_with = "deserialize_lenient_vec", skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<MeasureJson>,
}

/// A partner by name, by reference (`@name@host` or a URL), or both.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct PartnerJson {
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub href: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub struct FunderJson {
    pub name: String,
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub href: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub struct MeasureJson {
    pub name: String,
    /// `planned`, `running` or `done`.
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// `YYYY-MM-DD`.
    #[serde(default, deserialize_with = "deserialize_skip_error", skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
}

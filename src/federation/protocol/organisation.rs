//! The organisation a member profile represents, on an `Organization` actor.
//!
//! Two shapes carry the same facts: human-readable profile fields (`attachment`
//! PropertyValues, which Mastodon shows) and, for Allmende instances, the machine-readable
//! `organisation` JSON literal of our namespace (see FEDERATION.md). Reading prefers the
//! extension and falls back to the fields; anything malformed is read as absent.

use serde::{Deserialize, Serialize};

use super::actor::PropertyValue;

/// Labels of the profile fields we send and read back.
pub const FIELD_TYPE: &str = "Organisation type";
pub const FIELD_NAME: &str = "Organisation";
pub const FIELD_LOCATION: &str = "Location";
pub const FIELD_WEBSITE: &str = "Website";

/// `organisation` on an actor: `kind` is one of the codes of FEDERATION.md.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub struct OrganisationJson {
    pub kind: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub location: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub website: String,
}

impl OrganisationJson {
    /// From profile fields, when a sender has no extension: type and name are required.
    pub fn from_fields(fields: &[PropertyValue]) -> Option<Self> {
        let field = |label: &str| {
            fields.iter().find(|f| f.name.eq_ignore_ascii_case(label)).map(|f| plain_text(&f.value))
        };
        Some(Self {
            kind: field(FIELD_TYPE)?,
            name: field(FIELD_NAME)?,
            location: field(FIELD_LOCATION).unwrap_or_default(),
            website: field(FIELD_WEBSITE).unwrap_or_default(),
        })
    }
}

/// The text of a field value, which servers send as HTML (a website as a link).
fn plain_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_read_as_text() {
        let fields = vec![
            PropertyValue::new("Organisation type", "Municipal utility"),
            PropertyValue::new("organisation", "Stadtwerke &amp; Co"),
            PropertyValue::new("Website", "<a href=\"https://sw.example\" rel=\"me\">https://sw.example</a>"),
        ];
        let org = OrganisationJson::from_fields(&fields).expect("organisation");
        assert_eq!(org.kind, "Municipal utility");
        assert_eq!(org.name, "Stadtwerke & Co");
        assert_eq!(org.website, "https://sw.example");
        assert_eq!(org.location, "");
        assert_eq!(OrganisationJson::from_fields(&fields[1..]), None);
    }
}

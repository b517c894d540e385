//! A member profile that represents an organisation, as ActivityPub: profile fields for every
//! server and our `organisation` extension for Allmende instances; and the way back.

use super::protocol::organisation::{FIELD_LOCATION, FIELD_NAME, FIELD_TYPE, FIELD_WEBSITE};
use super::protocol::{ActorJson, ActorKind, OrganisationJson, PropertyValue};
use crate::domain::organisation::{Organisation, OrganisationType, parse_website};

/// Adds the organisation's fields and extension to a local person's actor document.
pub fn describe_organisation(json: &mut ActorJson, organisation: &Organisation) {
    json.attachment.push(PropertyValue::new(FIELD_TYPE, organisation.org_type.english_label()));
    json.attachment.push(PropertyValue::new(FIELD_NAME, escape(&organisation.name)));
    if !organisation.location.is_empty() {
        json.attachment.push(PropertyValue::new(FIELD_LOCATION, escape(&organisation.location)));
    }
    if !organisation.website.is_empty() {
        let href = escape(&organisation.website);
        json.attachment.push(PropertyValue::new(
            FIELD_WEBSITE,
            format!(
                "<a href=\"{href}\" rel=\"me nofollow noopener noreferrer\" target=\"_blank\">{href}</a>"
            ),
        ));
    }
    json.organisation = Some(OrganisationJson {
        kind: organisation.org_type.as_str().to_owned(),
        name: organisation.name.clone(),
        location: organisation.location.clone(),
        website: organisation.website.clone(),
    });
}

/// The organisation a remote actor represents: only `Organization` actors, from our extension
/// or else from profile fields; values that do not pass our own rules are dropped.
pub fn organisation_of(actor: &ActorJson) -> Option<Organisation> {
    if actor.kind != ActorKind::Organization {
        return None;
    }
    let json = actor.organisation.clone().or_else(|| OrganisationJson::from_fields(&actor.attachment))?;
    let org_type = OrganisationType::from_code_or_label(&json.kind)?;
    let website = parse_website(&json.website).unwrap_or_default();
    Organisation::parse(org_type.as_str(), &json.name, &json.location, &website).ok().flatten()
}

fn escape(text: &str) -> String {
    crate::domain::html::escape_text(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::federation::protocol::main_key;

    fn actor(kind: ActorKind) -> ActorJson {
        let id = url::Url::parse("https://b.example/u/sw").expect("url");
        let inbox = url::Url::parse("https://b.example/u/sw/inbox").expect("url");
        ActorJson::new(kind, id.clone(), "sw", inbox, main_key(&id, "KEY"))
    }

    #[test]
    fn what_we_send_reads_back() {
        let organisation =
            Organisation::parse("municipal-utility", "Stadtwerke <Borken>", "Borken", "https://sw.example/")
                .expect("valid")
                .expect("organisation");
        let mut json = actor(ActorKind::Organization);
        describe_organisation(&mut json, &organisation);
        assert_eq!(json.attachment.len(), 4);
        assert_eq!(json.attachment[1].value, "Stadtwerke &lt;Borken&gt;");
        assert_eq!(organisation_of(&json), Some(organisation.clone()));
        json.organisation = None;
        assert_eq!(organisation_of(&json), Some(organisation), "from the fields alone");
    }

    #[test]
    fn people_and_bad_values_have_no_organisation() {
        let mut person = actor(ActorKind::Person);
        person.attachment.push(PropertyValue::new(FIELD_TYPE, "Company"));
        person.attachment.push(PropertyValue::new(FIELD_NAME, "Acme"));
        assert_eq!(organisation_of(&person), None);
        let mut odd = actor(ActorKind::Organization);
        odd.attachment.push(PropertyValue::new(FIELD_TYPE, "Secret society"));
        odd.attachment.push(PropertyValue::new(FIELD_NAME, "Acme"));
        assert_eq!(organisation_of(&odd), None);
    }
}

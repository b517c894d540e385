//! A project group's project on its `Group` actor: as profile fields (`PropertyValue`s, which
//! Mastodon shows) and as the machine-readable `project` extension, which other Allmende
//! instances read back (leniently) into the same project.

use super::protocol::{FunderJson, MeasureJson, PartnerJson, ProjectJson, PropertyValue};
use crate::domain::html::escape_text;
use crate::domain::project::{Project, ProjectDate, ProjectParts};

/// The extension.
pub fn project_json(project: &Project) -> ProjectJson {
    let text = |s: &str| (!s.is_empty()).then(|| s.to_owned());
    ProjectJson {
        summary: text(&project.summary),
        status: Some(project.status.as_str().to_owned()),
        start_date: project.start.map(ProjectDate::as_string),
        end_date: project.end.map(ProjectDate::as_string),
        focus_areas: project.focus_areas.clone(),
        tags: project.tags.clone(),
        region: text(&project.region),
        partners: project
            .partners
            .iter()
            .map(|p| PartnerJson { name: text(&p.name), href: p.reference.clone() })
            .collect(),
        funders: project
            .funders
            .iter()
            .map(|f| FunderJson { name: f.name.clone(), href: f.url.clone() })
            .collect(),
        website: project.website.clone(),
        contact: text(&project.contact),
        measures: project
            .measures
            .iter()
            .map(|m| MeasureJson {
                name: m.title.clone(),
                status: Some(m.status.as_str().to_owned()),
                due: m.due.map(ProjectDate::as_string),
            })
            .collect(),
    }
}

/// What a remote group says, with everything that does not check out left out.
pub fn project_from_json(json: &ProjectJson) -> Project {
    let text = |s: &Option<String>| s.clone().unwrap_or_default();
    Project::parse_lenient(&ProjectParts {
        summary: text(&json.summary),
        status: text(&json.status),
        start: text(&json.start_date),
        end: text(&json.end_date),
        focus_areas: json.focus_areas.clone(),
        tags: json.tags.clone(),
        region: text(&json.region),
        partners: json.partners.iter().map(|p| (text(&p.name), text(&p.href))).collect(),
        funders: json.funders.iter().map(|f| (f.name.clone(), text(&f.href))).collect(),
        website: text(&json.website),
        contact: text(&json.contact),
        measures: json.measures.iter().map(|m| (m.name.clone(), text(&m.status), text(&m.due))).collect(),
    })
}

/// Profile fields for microblog readers: English labels (like `Kind`), escaped text values,
/// links only for web addresses. Empty fields are left out.
pub fn project_fields(project: &Project) -> Vec<PropertyValue> {
    let mut fields = vec![PropertyValue::new("Status", capitalised(project.status.as_str()))];
    let timeframe = match (project.start, project.end) {
        (Some(start), Some(end)) => format!("{} – {}", start.as_string(), end.as_string()),
        (Some(start), None) => format!("from {}", start.as_string()),
        (None, Some(end)) => format!("until {}", end.as_string()),
        (None, None) => String::new(),
    };
    let mut push = |name: &str, value: String| {
        if !value.is_empty() {
            fields.push(PropertyValue::new(name, value));
        }
    };
    push("Timeframe", timeframe);
    push("Focus areas", escape_text(&project.focus_areas.join(", ")));
    push("Region", escape_text(&project.region));
    push("Website", project.website.as_deref().map(link).unwrap_or_default());
    let partners: Vec<String> = project
        .partners
        .iter()
        .map(|p| match (&p.reference, p.name.is_empty()) {
            (Some(reference), true) => escape_text(reference),
            (Some(reference), false) => format!("{} ({})", escape_text(&p.name), escape_text(reference)),
            (None, _) => escape_text(&p.name),
        })
        .collect();
    push("Partners", partners.join(", "));
    let funders: Vec<String> = project.funders.iter().map(|f| escape_text(&f.name)).collect();
    push("Funders", funders.join(", "));
    push("Contact", escape_text(&project.contact));
    fields
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

fn link(address: &str) -> String {
    let shown = address.trim_start_matches("https://").trim_start_matches("http://").trim_end_matches('/');
    format!(
        "<a href=\"{}\" rel=\"nofollow noopener noreferrer\" target=\"_blank\">{}</a>",
        escape_text(address),
        escape_text(shown)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::project::ProjectForm;
    use crate::federation::protocol::ActorJson;

    fn project() -> Project {
        let form = ProjectForm {
            summary: "Solar <b>roofs</b>".into(),
            status: "running".into(),
            start_date: "2026-01-01".into(),
            end_date: "2027-12-31".into(),
            focus_areas: vec!["energy".into()],
            tags: "solar".into(),
            region: "Borken".into(),
            partners: "Stadtwerke | @stadtwerke@borken.example\nSchool board".into(),
            funders: "EU LIFE | https://life.example/".into(),
            website: "https://solar.example/".into(),
            contact: "solar@borken.example".into(),
            measures: "Survey | done | 2026-03-01".into(),
        };
        Project::parse(&ProjectParts::from_form(&form), &["energy".to_owned()]).expect("valid")
    }

    #[test]
    fn the_extension_reads_back_as_the_same_project() {
        let json = serde_json::to_value(project_json(&project())).expect("serializes");
        assert_eq!(json["status"], "running");
        assert_eq!(json["partners"][0]["href"], "@stadtwerke@borken.example");
        let back: ProjectJson = serde_json::from_value(json).expect("reads");
        assert_eq!(project_from_json(&back), project());
    }

    fn group_document(project: Option<serde_json::Value>) -> serde_json::Value {
        let mut group = serde_json::json!({
            "@context": ["https://www.w3.org/ns/activitystreams"],
            "id": "https://b.example/g/cykel", "type": "Group", "preferredUsername": "cykel",
            "name": "Cykelstaden", "inbox": "https://b.example/g/cykel/inbox",
            "publicKey": {"id": "https://b.example/g/cykel#main-key", "owner": "https://b.example/g/cykel",
                          "publicKeyPem": "-----BEGIN PUBLIC KEY-----"},
            "attachment": [{"type": "PropertyValue", "name": "Kind", "value": "Project group"},
                           {"type": "PropertyValue", "name": "Status", "value": "Running"}]
        });
        if let Some(project) = project {
            group["project"] = project;
        }
        group
    }

    #[test]
    fn a_group_document_with_the_extension_reads_into_a_project() {
        let document = group_document(Some(serde_json::json!({
            "summary": "Cargo bikes", "status": "running", "startDate": "2026-04-01", "endDate": "2027-10-31",
            "focusAreas": ["mobility"], "tags": ["bikes"], "region": "Västra Götaland",
            "partners": [{"name": "Borås Stad", "href": "https://boras.example/"}, {"href": "@kok@cykel.example"}],
            "funders": [{"name": "Energimyndigheten"}],
            "website": "https://cykel.example/", "contact": "hej@cykel.example",
            "measures": [{"name": "Buy bikes", "status": "done", "due": "2026-06-01"}],
            "unknownFutureField": {"x": 1}
        })));
        let actor: ActorJson = serde_json::from_value(document).expect("a Group");
        let project = project_from_json(actor.project.as_ref().expect("the extension"));
        assert_eq!(project.status.as_str(), "running");
        assert_eq!(project.end.map(|d| d.as_string()).as_deref(), Some("2027-10-31"));
        assert_eq!(project.partners[1].reference.as_deref(), Some("@kok@cykel.example"));
        assert_eq!(project.measures[0].title, "Buy bikes");
        assert_eq!(project.website.as_deref(), Some("https://cykel.example/"));
    }

    #[test]
    fn a_group_document_without_the_extension_has_no_project() {
        let actor: ActorJson = serde_json::from_value(group_document(None)).expect("a Group");
        assert_eq!(actor.project, None);
        assert_eq!(actor.attachment.len(), 2);
    }

    #[test]
    fn broken_extension_values_are_dropped_and_the_group_still_reads() {
        for broken in [
            serde_json::json!("a string"),
            serde_json::json!(42),
            serde_json::json!([1, 2]),
            serde_json::json!(null),
        ] {
            let actor: ActorJson =
                serde_json::from_value(group_document(Some(broken))).expect("still a Group");
            assert!(actor.project.is_none_or(|p| p == ProjectJson::default()));
        }
        let document = group_document(Some(serde_json::json!({
            "summary": 17, "status": "exploded", "startDate": "2027-13-40", "endDate": {"day": 1},
            "focusAreas": ["mobility", 3], "tags": [1, "ok", null, "x".repeat(500)],
            "partners": 5, "funders": [{"href": "https://no-name.example/"}, {"name": "Kept"}],
            "website": "javascript:alert(1)", "contact": ["a"],
            "measures": [{"status": "done"}, {"name": "Kept", "status": "whenever", "due": "soon"}, {"name": "Fine"}]
        })));
        let actor: ActorJson = serde_json::from_value(document).expect("still a Group");
        let project = project_from_json(actor.project.as_ref().expect("what was readable"));
        assert_eq!(project.status.as_str(), "idea");
        assert_eq!((project.start, project.end), (None, None));
        assert_eq!(project.focus_areas, ["mobility"]);
        assert_eq!(project.tags, ["ok"]);
        assert!(project.partners.is_empty());
        assert_eq!(project.funders.len(), 1);
        assert_eq!(project.website, None);
        assert_eq!(project.measures.iter().map(|m| m.title.as_str()).collect::<Vec<_>>(), ["Fine"]);
    }

    #[test]
    fn profile_fields_escape_text_and_link_the_website() {
        let fields = project_fields(&project());
        let value = |name: &str| fields.iter().find(|f| f.name == name).map(|f| f.value.clone());
        assert_eq!(value("Status").as_deref(), Some("Running"));
        assert_eq!(value("Timeframe").as_deref(), Some("2026-01-01 – 2027-12-31"));
        assert!(value("Website").is_some_and(|v| v.starts_with("<a href=\"https://solar.example/\"")));
        assert!(value("Partners").is_some_and(|v| v.contains("Stadtwerke (@stadtwerke@borken.example)")));
    }
}

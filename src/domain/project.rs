//! The project a project group carries: status, timeframe, focus areas, partners, funders and
//! measures. The same rules read a coordinator's form (strictly: every refused value is a field
//! error) and a remote group's document (leniently: refused values are dropped).

use std::fmt;

use chrono::NaiveDate;
use url::Url;

use super::validation::{FieldError, FieldErrors, bounded_text};

pub const MAX_SUMMARY: usize = 2000;
pub const MAX_PARTNERS: usize = 50;
pub const MAX_FUNDERS: usize = 30;
pub const MAX_MEASURES: usize = 100;
pub const MAX_TAGS: usize = 20;
const MAX_NAME: usize = 200;
const MAX_TAG: usize = 40;

/// Where a project stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProjectStatus {
    Idea,
    Planned,
    Running,
    Completed,
    Paused,
}

impl ProjectStatus {
    pub const ALL: [Self; 5] = [Self::Idea, Self::Planned, Self::Running, Self::Completed, Self::Paused];

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        Self::ALL
            .into_iter()
            .find(|s| s.as_str() == raw.trim())
            .ok_or_else(|| FieldError::new("status", "must be idea, planned, running, completed or paused"))
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Idea => "idea",
            Self::Planned => "planned",
            Self::Running => "running",
            Self::Completed => "completed",
            Self::Paused => "paused",
        }
    }
}

impl fmt::Display for ProjectStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a measure stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MeasureStatus {
    Planned,
    Running,
    Done,
}

impl MeasureStatus {
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        match raw.trim() {
            "planned" => Ok(Self::Planned),
            "running" => Ok(Self::Running),
            "done" => Ok(Self::Done),
            _ => Err(FieldError::new("measures", "must be planned, running or done")),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Planned => "planned",
            Self::Running => "running",
            Self::Done => "done",
        }
    }
}

/// A calendar day, written `YYYY-MM-DD` everywhere (forms, storage, federation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct ProjectDate(NaiveDate);

impl ProjectDate {
    pub fn parse(field: &'static str, raw: &str) -> Result<Self, FieldError> {
        NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d")
            .ok()
            .filter(|d| (1900..=2200).contains(&chrono::Datelike::year(d)))
            .map(Self)
            .ok_or_else(|| FieldError::new(field, "must be a date written as YYYY-MM-DD"))
    }

    /// An optional day: empty input is none.
    pub fn parse_optional(field: &'static str, raw: &str) -> Result<Option<Self>, FieldError> {
        if raw.trim().is_empty() { Ok(None) } else { Self::parse(field, raw).map(Some) }
    }

    pub fn as_string(self) -> String {
        self.0.format("%Y-%m-%d").to_string()
    }

    /// Midnight UTC of the day, for the date formatting of each language.
    pub fn timestamp(self) -> super::Timestamp {
        super::Timestamp::from_millis(
            self.0.and_hms_opt(0, 0, 0).map_or(0, |t| t.and_utc().timestamp_millis()),
        )
    }
}

/// A partner: an organisation or person by name, optionally with where it lives in the
/// fediverse (`@name@host`) or on the web.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partner {
    pub name: String,
    pub reference: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Funder {
    pub name: String,
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Measure {
    pub title: String,
    pub status: MeasureStatus,
    pub due: Option<ProjectDate>,
}

/// A checked project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Project {
    pub summary: String,
    pub status: ProjectStatus,
    pub start: Option<ProjectDate>,
    pub end: Option<ProjectDate>,
    pub focus_areas: Vec<String>,
    pub tags: Vec<String>,
    pub region: String,
    pub partners: Vec<Partner>,
    pub funders: Vec<Funder>,
    pub website: Option<String>,
    pub contact: String,
    pub measures: Vec<Measure>,
}

/// A project as typed: plain strings, lists already split into their parts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProjectParts {
    pub summary: String,
    pub status: String,
    pub start: String,
    pub end: String,
    pub focus_areas: Vec<String>,
    pub tags: Vec<String>,
    pub region: String,
    /// Name and reference (either may be empty).
    pub partners: Vec<(String, String)>,
    /// Name and web address (may be empty).
    pub funders: Vec<(String, String)>,
    pub website: String,
    pub contact: String,
    /// Title, status and due day (may be empty).
    pub measures: Vec<(String, String, String)>,
}

impl ProjectParts {
    /// The edit form: tags are comma-separated; partners (`name | reference`), funders
    /// (`name | address`) and measures (`title | status | due`) are one per line.
    pub fn from_form(form: &ProjectForm) -> Self {
        let lines = |text: &str| -> Vec<Vec<String>> {
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(|l| l.split('|').map(|part| part.trim().to_owned()).collect())
                .collect()
        };
        let part = |parts: &[String], i: usize| parts.get(i).cloned().unwrap_or_default();
        Self {
            summary: form.summary.clone(),
            status: form.status.clone(),
            start: form.start_date.clone(),
            end: form.end_date.clone(),
            focus_areas: form.focus_areas.clone(),
            tags: form.tags.split(',').map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()).collect(),
            region: form.region.clone(),
            partners: lines(&form.partners)
                .into_iter()
                .map(|p| {
                    if p.len() == 1 && looks_like_reference(&p[0]) {
                        (String::new(), p[0].clone())
                    } else {
                        (part(&p, 0), part(&p, 1))
                    }
                })
                .collect(),
            funders: lines(&form.funders).into_iter().map(|p| (part(&p, 0), part(&p, 1))).collect(),
            website: form.website.clone(),
            contact: form.contact.clone(),
            measures: lines(&form.measures)
                .into_iter()
                .map(|p| (part(&p, 0), part(&p, 1), part(&p, 2)))
                .collect(),
        }
    }
}

/// The fields of the edit form as submitted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProjectForm {
    pub summary: String,
    pub status: String,
    pub start_date: String,
    pub end_date: String,
    pub focus_areas: Vec<String>,
    pub tags: String,
    pub region: String,
    pub partners: String,
    pub funders: String,
    pub website: String,
    pub contact: String,
    pub measures: String,
}

impl ProjectForm {
    /// The form filled with a stored project.
    pub fn from_project(project: &Project) -> Self {
        Self {
            summary: project.summary.clone(),
            status: project.status.as_str().to_owned(),
            start_date: project.start.map(ProjectDate::as_string).unwrap_or_default(),
            end_date: project.end.map(ProjectDate::as_string).unwrap_or_default(),
            focus_areas: project.focus_areas.clone(),
            tags: project.tags.join(", "),
            region: project.region.clone(),
            partners: project
                .partners
                .iter()
                .map(|p| match &p.reference {
                    Some(r) if p.name.is_empty() => r.clone(),
                    Some(r) => format!("{} | {r}", p.name),
                    None => p.name.clone(),
                })
                .collect::<Vec<_>>()
                .join("\n"),
            funders: project
                .funders
                .iter()
                .map(|f| match &f.url {
                    Some(u) => format!("{} | {u}", f.name),
                    None => f.name.clone(),
                })
                .collect::<Vec<_>>()
                .join("\n"),
            website: project.website.clone().unwrap_or_default(),
            contact: project.contact.clone(),
            measures: project
                .measures
                .iter()
                .map(|m| match m.due {
                    Some(due) => format!("{} | {} | {}", m.title, m.status.as_str(), due.as_string()),
                    None => format!("{} | {}", m.title, m.status.as_str()),
                })
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }
}

impl Project {
    /// A coordinator's input: every problem becomes a field error. `vocabulary` is the focus
    /// areas the instance offers.
    pub fn parse(parts: &ProjectParts, vocabulary: &[String]) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let summary = errors.check(bounded_text("summary", &parts.summary, 0, MAX_SUMMARY));
        let status = errors.check(ProjectStatus::parse(&parts.status));
        let start = errors.check(ProjectDate::parse_optional("start_date", &parts.start)).flatten();
        let end = errors.check(ProjectDate::parse_optional("end_date", &parts.end)).flatten();
        if let (Some(start), Some(end)) = (start, end)
            && end < start
        {
            errors.push(FieldError::new("end_date", "must not be before the start date"));
        }
        let mut focus_areas = Vec::new();
        for area in &parts.focus_areas {
            match vocabulary.iter().find(|known| *known == area.trim()) {
                Some(known) if !focus_areas.contains(known) => focus_areas.push(known.clone()),
                Some(_) => {}
                None => errors.push(FieldError::new("focus_areas", "is not one of the focus areas")),
            }
        }
        let mut tags = Vec::new();
        for tag in &parts.tags {
            if let Some(tag) = errors.check(tag_text(tag)).filter(|t| !tags.contains(t)) {
                tags.push(tag);
            }
        }
        if tags.len() > MAX_TAGS {
            errors.push(FieldError::new("tags", "has too many entries"));
        }
        let region = errors.check(single_line("region", &parts.region, 100));
        let mut partners = Vec::new();
        for (name, reference) in &parts.partners {
            if let Some(partner) = errors.check(partner(name, reference)) {
                partners.push(partner);
            }
        }
        if partners.len() > MAX_PARTNERS {
            errors.push(FieldError::new("partners", "has too many entries"));
        }
        let mut funders = Vec::new();
        for (name, address) in &parts.funders {
            if let Some(funder) = errors.check(funder(name, address)) {
                funders.push(funder);
            }
        }
        if funders.len() > MAX_FUNDERS {
            errors.push(FieldError::new("funders", "has too many entries"));
        }
        let website = errors.check(optional_web_address("website", &parts.website)).flatten();
        let contact = errors.check(single_line("contact", &parts.contact, MAX_NAME));
        let mut measures = Vec::new();
        for (title, status, due) in &parts.measures {
            if let Some(measure) = errors.check(measure(title, status, due)) {
                measures.push(measure);
            }
        }
        if measures.len() > MAX_MEASURES {
            errors.push(FieldError::new("measures", "has too many entries"));
        }
        let (Some(summary), Some(status), Some(region), Some(contact)) = (summary, status, region, contact)
        else {
            return Err(errors);
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Self {
            summary,
            status,
            start,
            end,
            focus_areas,
            tags,
            region,
            partners,
            funders,
            website,
            contact,
            measures,
        })
    }

    /// What another server says: refused values are left out, lists are cut to their caps,
    /// and an end before the start drops the end. Focus areas are kept when they are words
    /// (another network may offer other ones); a missing or unknown status reads as `idea`.
    pub fn parse_lenient(parts: &ProjectParts) -> Self {
        let start = ProjectDate::parse("start_date", &parts.start).ok();
        let end =
            ProjectDate::parse("end_date", &parts.end).ok().filter(|end| start.is_none_or(|s| *end >= s));
        let summary: String = parts.summary.trim().chars().take(MAX_SUMMARY).collect();
        let summary = summary.chars().filter(|c| !c.is_control() || matches!(c, '\n' | '\t')).collect();
        let mut focus_areas: Vec<String> = Vec::new();
        for area in &parts.focus_areas {
            let area = area.trim().to_lowercase();
            let word = !area.is_empty()
                && area.len() <= MAX_TAG
                && area.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_');
            if word && !focus_areas.contains(&area) && focus_areas.len() < MAX_TAGS {
                focus_areas.push(area);
            }
        }
        let mut tags: Vec<String> = Vec::new();
        for tag in parts.tags.iter().filter_map(|t| tag_text(t).ok()) {
            if !tags.contains(&tag) && tags.len() < MAX_TAGS {
                tags.push(tag);
            }
        }
        Self {
            summary,
            status: ProjectStatus::parse(&parts.status).unwrap_or(ProjectStatus::Idea),
            start,
            end,
            focus_areas,
            tags,
            region: single_line("region", &parts.region, 100).unwrap_or_default(),
            partners: parts
                .partners
                .iter()
                .filter_map(|(n, r)| partner(n, r).ok())
                .take(MAX_PARTNERS)
                .collect(),
            funders: parts.funders.iter().filter_map(|(n, a)| funder(n, a).ok()).take(MAX_FUNDERS).collect(),
            website: optional_web_address("website", &parts.website).ok().flatten(),
            contact: single_line("contact", &parts.contact, MAX_NAME).unwrap_or_default(),
            measures: parts
                .measures
                .iter()
                .filter_map(|(t, s, d)| measure(t, s, d).ok())
                .take(MAX_MEASURES)
                .collect(),
        }
    }
}

fn single_line(field: &'static str, raw: &str, max: usize) -> Result<String, FieldError> {
    let text = bounded_text(field, raw, 0, max)?;
    if text.contains('\n') {
        return Err(FieldError::new(field, "must be a single line"));
    }
    Ok(text)
}

fn tag_text(raw: &str) -> Result<String, FieldError> {
    let tag = single_line("tags", raw.trim().trim_start_matches('#'), MAX_TAG)?;
    if tag.is_empty() {
        return Err(FieldError::new("tags", "must not be empty"));
    }
    Ok(tag)
}

fn partner(name: &str, reference: &str) -> Result<Partner, FieldError> {
    let name = single_line("partners", name, MAX_NAME)?;
    let reference = reference.trim();
    let reference = if reference.is_empty() {
        None
    } else if looks_like_reference(reference) {
        Some(normalise_reference(reference))
    } else {
        return Err(FieldError::new("partners", "must be a handle like @name@host or a web address"));
    };
    if name.is_empty() && reference.is_none() {
        return Err(FieldError::new("partners", "each line needs a name"));
    }
    Ok(Partner { name, reference })
}

fn funder(name: &str, address: &str) -> Result<Funder, FieldError> {
    let name = single_line("funders", name, MAX_NAME)?;
    if name.is_empty() {
        return Err(FieldError::new("funders", "each line needs a name"));
    }
    Ok(Funder { name, url: optional_web_address("funders", address)? })
}

fn measure(title: &str, status: &str, due: &str) -> Result<Measure, FieldError> {
    let title = single_line("measures", title, MAX_NAME)?;
    if title.is_empty() {
        return Err(FieldError::new("measures", "each line needs a name"));
    }
    let status =
        if status.trim().is_empty() { MeasureStatus::Planned } else { MeasureStatus::parse(status)? };
    Ok(Measure { title, status, due: ProjectDate::parse_optional("measures", due)? })
}

/// `http(s)://…` with a host, or none when empty.
fn optional_web_address(field: &'static str, raw: &str) -> Result<Option<String>, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    Url::parse(raw)
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some() && raw.len() <= 500)
        .map(|u| Some(u.to_string()))
        .ok_or_else(|| FieldError::new(field, "must be a web address starting with http:// or https://"))
}

/// A fediverse handle (`@name@host`, `name@host`) or a web address.
fn looks_like_reference(raw: &str) -> bool {
    let raw = raw.trim();
    if raw.starts_with("http://") || raw.starts_with("https://") {
        return optional_web_address("partners", raw).is_ok();
    }
    let Some((name, host)) = raw.trim_start_matches('@').split_once('@') else {
        return false;
    };
    !name.is_empty()
        && name.len() <= 100
        && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        && Url::parse(&format!("https://{host}/")).is_ok_and(|u| u.host_str().is_some() && u.path() == "/")
        && !host.contains(['/', '@', '?', '#'])
}

/// Handles as `@name@host` (host in lower case), web addresses as parsed.
fn normalise_reference(raw: &str) -> String {
    let raw = raw.trim();
    if raw.starts_with("http://") || raw.starts_with("https://") {
        return Url::parse(raw).map(|u| u.to_string()).unwrap_or_else(|_| raw.to_owned());
    }
    match raw.trim_start_matches('@').split_once('@') {
        Some((name, host)) => format!("@{name}@{}", host.to_ascii_lowercase()),
        None => raw.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabulary() -> Vec<String> {
        ["energy", "mobility"].map(String::from).to_vec()
    }

    fn form() -> ProjectForm {
        ProjectForm {
            summary: "Solar on every school roof".into(),
            status: "running".into(),
            start_date: "2026-01-01".into(),
            end_date: "2027-12-31".into(),
            focus_areas: vec!["energy".into()],
            tags: "solar, #schools, solar".into(),
            region: "Borken".into(),
            partners: "Stadtwerke Borken | @stadtwerke@borken.example\n\nSchool board\n@rektor@Forum.Example"
                .into(),
            funders: "EU LIFE | https://cinea.example/life".into(),
            website: "https://solar.example/".into(),
            contact: "solar@borken.example".into(),
            measures: "Survey roofs | done | 2026-03-01\nFirst panels | running".into(),
        }
    }

    #[test]
    fn a_full_form_reads_and_writes_back() {
        let project = Project::parse(&ProjectParts::from_form(&form()), &vocabulary()).expect("valid");
        assert_eq!(project.status, ProjectStatus::Running);
        assert_eq!(project.tags, ["solar", "schools"]);
        assert_eq!(project.partners.len(), 3);
        assert_eq!(project.partners[0].reference.as_deref(), Some("@stadtwerke@borken.example"));
        assert_eq!(project.partners[1].reference, None);
        assert_eq!(project.partners[2].reference.as_deref(), Some("@rektor@forum.example"));
        assert_eq!(project.measures[1].status, MeasureStatus::Running);
        let again =
            Project::parse(&ProjectParts::from_form(&ProjectForm::from_project(&project)), &vocabulary());
        assert_eq!(again.expect("valid again"), project);
    }

    #[test]
    fn refusals_name_their_field() {
        let bad = ProjectForm {
            status: "finished".into(),
            start_date: "2027-01-01".into(),
            end_date: "2026-01-01".into(),
            focus_areas: vec!["space travel".into()],
            website: "javascript:alert(1)".into(),
            partners: "Someone | not a handle".into(),
            measures: "Do it | someday".into(),
            ..form()
        };
        let errors = Project::parse(&ProjectParts::from_form(&bad), &vocabulary()).expect_err("refused");
        for field in ["status", "end_date", "focus_areas", "website", "partners", "measures"] {
            assert!(errors.get(field).is_some(), "{field}: {errors}");
        }
        let bad_date = ProjectForm { start_date: "2026-02-30".into(), end_date: String::new(), ..form() };
        let errors = Project::parse(&ProjectParts::from_form(&bad_date), &vocabulary()).expect_err("refused");
        assert!(errors.get("start_date").is_some());
    }

    #[test]
    fn remote_values_that_do_not_check_out_are_dropped() {
        let parts = ProjectParts {
            status: "flying".into(),
            start: "2027-01-01".into(),
            end: "2020-01-01".into(),
            focus_areas: vec!["Energy".into(), "<script>".into(), "heat".into()],
            website: "ftp://x.example".into(),
            partners: vec![("Good".into(), String::new()), (String::new(), "nonsense".into())],
            measures: vec![
                ("Ok".into(), "done".into(), "never".into()),
                ("Fine".into(), String::new(), String::new()),
            ],
            ..ProjectParts::default()
        };
        let project = Project::parse_lenient(&parts);
        assert_eq!(project.status, ProjectStatus::Idea);
        assert_eq!(project.end, None);
        assert_eq!(project.focus_areas, ["energy", "heat"]);
        assert_eq!(project.website, None);
        assert_eq!(project.partners.len(), 1);
        assert_eq!(project.measures.len(), 1);
    }
}

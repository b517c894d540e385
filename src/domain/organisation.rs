//! A member profile that represents an organisation: its type, name, location and website.

use super::validation::{FieldError, FieldErrors, bounded_text};

/// The kinds of members of a regional climate network.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrganisationType {
    Municipality,
    Company,
    MunicipalUtility,
    Association,
    School,
    Research,
    PublicAuthority,
    Citizen,
}

impl OrganisationType {
    pub const ALL: [OrganisationType; 8] = [
        Self::Municipality,
        Self::Company,
        Self::MunicipalUtility,
        Self::Association,
        Self::School,
        Self::Research,
        Self::PublicAuthority,
        Self::Citizen,
    ];

    /// The stored and federated code.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Municipality => "municipality",
            Self::Company => "company",
            Self::MunicipalUtility => "municipal-utility",
            Self::Association => "association",
            Self::School => "school",
            Self::Research => "research",
            Self::PublicAuthority => "public-authority",
            Self::Citizen => "citizen",
        }
    }

    /// The English label, as other servers show it in profile fields.
    pub fn english_label(self) -> &'static str {
        match self {
            Self::Municipality => "Municipality",
            Self::Company => "Company",
            Self::MunicipalUtility => "Municipal utility",
            Self::Association => "Association / NGO",
            Self::School => "School",
            Self::Research => "Research institution",
            Self::PublicAuthority => "Public authority",
            Self::Citizen => "Citizen",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == code.trim())
    }

    /// Reads the code or the English label (what a remote Allmende sends as a field).
    pub fn from_code_or_label(text: &str) -> Option<Self> {
        let text = text.trim();
        Self::ALL.into_iter().find(|t| t.as_str() == text || t.english_label().eq_ignore_ascii_case(text))
    }

    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        Self::from_code(raw).ok_or_else(|| FieldError::new("org_type", "is not one of the offered types"))
    }
}

/// The organisation behind a profile, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organisation {
    pub org_type: OrganisationType,
    pub name: String,
    pub location: String,
    /// An `http(s)` URL, or empty.
    pub website: String,
}

impl Organisation {
    /// `None` when the form says the profile is a person (empty type); errors name the fields.
    pub fn parse(
        org_type: &str,
        name: &str,
        location: &str,
        website: &str,
    ) -> Result<Option<Self>, FieldErrors> {
        let mut errors = FieldErrors::new();
        if org_type.trim().is_empty() {
            return Ok(None);
        }
        let org_type = errors.check(OrganisationType::parse(org_type));
        let name = errors.check(single_line("org_name", name, 1, 120));
        let location = errors.check(single_line("org_location", location, 0, 120));
        let website = errors.check(parse_website(website));
        match (org_type, name, location, website) {
            (Some(org_type), Some(name), Some(location), Some(website)) if errors.is_empty() => {
                Ok(Some(Self { org_type, name, location, website }))
            }
            _ => Err(errors),
        }
    }
}

fn single_line(field: &'static str, raw: &str, min: usize, max: usize) -> Result<String, FieldError> {
    let text = bounded_text(field, raw, min, max)?;
    if text.contains(['\n', '\r']) {
        return Err(FieldError::new(field, "must be a single line"));
    }
    Ok(text)
}

/// An absolute `http` or `https` URL with a host, or nothing.
pub fn parse_website(raw: &str) -> Result<String, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(String::new());
    }
    let invalid =
        || FieldError::new("org_website", "must be a web address starting with https:// or http://");
    if raw.chars().count() > 300 {
        return Err(invalid());
    }
    let url = url::Url::parse(raw).map_err(|_| invalid())?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() || !url.username().is_empty() {
        return Err(invalid());
    }
    Ok(url.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_person_has_no_organisation() {
        assert_eq!(Organisation::parse("", "ignored", "", ""), Ok(None));
    }

    #[test]
    fn organisations_are_checked_field_by_field() {
        let org =
            Organisation::parse("municipal-utility", " Stadtwerke Borken ", "Borken", "https://example.org")
                .expect("valid")
                .expect("an organisation");
        assert_eq!(org.org_type, OrganisationType::MunicipalUtility);
        assert_eq!(org.name, "Stadtwerke Borken");
        assert_eq!(org.website, "https://example.org/");
        let errors =
            Organisation::parse("club", "", "two\nlines", "javascript:alert(1)").expect_err("refused");
        for field in ["org_type", "org_name", "org_location", "org_website"] {
            assert!(errors.get(field).is_some(), "{field}: {errors}");
        }
    }

    #[test]
    fn labels_and_codes_both_read_back() {
        for t in OrganisationType::ALL {
            assert_eq!(OrganisationType::from_code_or_label(t.as_str()), Some(t));
            assert_eq!(OrganisationType::from_code_or_label(t.english_label()), Some(t));
        }
    }
}

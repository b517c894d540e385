//! What member pages show of the organisation a profile represents.

/// The message id of an organisation type's name.
pub fn organisation_type_label(org_type: crate::domain::organisation::OrganisationType) -> &'static str {
    use crate::domain::organisation::OrganisationType as T;
    match org_type {
        T::Municipality => "org-type-municipality",
        T::Company => "org-type-company",
        T::MunicipalUtility => "org-type-municipal-utility",
        T::Association => "org-type-association",
        T::School => "org-type-school",
        T::Research => "org-type-research",
        T::PublicAuthority => "org-type-public-authority",
        T::Citizen => "org-type-citizen",
    }
}

/// The organisation a profile represents, ready to show.
#[derive(Debug, Clone)]
pub struct OrganisationView {
    /// Message id of the type's name.
    pub type_label: &'static str,
    pub name: String,
    pub location: String,
    pub website: String,
}

impl From<&crate::domain::organisation::Organisation> for OrganisationView {
    fn from(o: &crate::domain::organisation::Organisation) -> Self {
        Self {
            type_label: organisation_type_label(o.org_type),
            name: o.name.clone(),
            location: o.location.clone(),
            website: o.website.clone(),
        }
    }
}

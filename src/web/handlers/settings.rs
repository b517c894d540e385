//! The signed-in person's profile settings.

use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::domain::interaction::QuotePolicy;
use crate::domain::language::UI_LANGUAGES;
use crate::domain::organisation::OrganisationType;
use crate::service::ServiceError;
use crate::service::accounts::{self, OrganisationInput, Profile};
use crate::state::AppState;
use crate::web::error::WebError;
use crate::web::member_views::organisation_type_label;
use crate::web::pages::{ProfileSettingsPage, render};
use crate::web::session::RequireUser;
use crate::web::view::{Chrome, FormState};

#[derive(Deserialize)]
pub struct SavedQuery {
    saved: Option<String>,
}

pub async fn profile_form(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Query(query): Query<SavedQuery>,
) -> Result<Response, WebError> {
    let (profile, organisation) = accounts::get_member_profile(&state.ctx, &user).await?;
    let quote_policy = crate::service::quotes::quote_default(&state.ctx, &user).await?.as_str();
    let page = page(chrome, FormState::default(), query.saved.is_some(), profile, organisation, quote_policy);
    render(StatusCode::OK, &page)
}

#[derive(Deserialize)]
pub struct ProfileForm {
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    bio: String,
    #[serde(default)]
    language: String,
    #[serde(default)]
    org_type: String,
    #[serde(default)]
    org_name: String,
    #[serde(default)]
    org_location: String,
    #[serde(default)]
    org_website: String,
    /// Who may quote new posts by default.
    quote_policy: Option<String>,
}

pub async fn profile_submit(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Form(form): Form<ProfileForm>,
) -> Result<Response, WebError> {
    let profile = Profile { display_name: form.display_name, bio: form.bio, language: form.language };
    let organisation = OrganisationInput {
        org_type: form.org_type,
        name: form.org_name,
        location: form.org_location,
        website: form.org_website,
    };
    let quote_policy = form.quote_policy.as_deref().and_then(QuotePolicy::parse);
    if let Some(policy) = quote_policy {
        crate::service::quotes::set_quote_default(&state.ctx, &user, policy).await?;
    }
    match accounts::update_member_profile(&state.ctx, &user, profile.clone(), organisation.clone()).await {
        Ok(()) => Ok(Redirect::to("/settings/profile?saved=1").into_response()),
        Err(ServiceError::Invalid(errors)) => {
            let form = FormState::new(&errors, &chrome.t);
            let quote_policy = quote_policy.unwrap_or(QuotePolicy::Public).as_str();
            render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &page(chrome, form, false, profile, organisation, quote_policy),
            )
        }
        Err(other) => Err(other.into()),
    }
}

fn page(
    chrome: Chrome,
    form: FormState,
    saved: bool,
    profile: Profile,
    organisation: OrganisationInput,
    quote_policy: &'static str,
) -> ProfileSettingsPage {
    ProfileSettingsPage {
        quote_policy,
        org_types: OrganisationType::ALL
            .iter()
            .map(|t| (t.as_str().to_owned(), organisation_type_label(*t)))
            .collect(),
        organisation,
        chrome,
        form,
        saved,
        display_name: profile.display_name,
        bio: profile.bio,
        language: profile.language,
        languages: UI_LANGUAGES
            .iter()
            .map(|(code, label)| ((*code).to_owned(), (*label).to_owned()))
            .collect(),
    }
}

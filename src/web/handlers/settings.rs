//! The signed-in person's profile settings.

use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::domain::interaction::QuotePolicy;
use crate::domain::language::UI_LANGUAGES;
use crate::domain::organisation::OrganisationType;
use crate::service::accounts::{self, OrganisationInput, Profile};
use crate::service::profile_images::{self, ImageChange};
use crate::service::{CurrentUser, ServiceError};
use crate::state::AppState;
use crate::web::error::WebError;
use crate::web::member_views::organisation_type_label;
use crate::web::pages::{ProfileSettingsPage, render};
use crate::web::session::RequireUser;
use crate::web::upload_form::UploadForm;
use crate::web::view::{Chrome, FormState, profile_image_src};

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
    let images = current_images(&state, &user).await?;
    render(
        StatusCode::OK,
        &page(
            chrome,
            FormState::default(),
            query.saved.is_some(),
            profile,
            organisation,
            quote_policy,
            images,
        ),
    )
}

/// The `src` of the member's avatar and header.
async fn current_images(
    state: &AppState,
    user: &CurrentUser,
) -> Result<(Option<String>, Option<String>), WebError> {
    let stored = profile_images::get_stored(&state.ctx, user.id).await?;
    Ok((profile_image_src(stored.0.as_deref()), profile_image_src(stored.1.as_deref())))
}

/// The avatar and header form (multipart): a new file replaces an image, the "remove" box
/// removes it, and nothing chosen keeps it.
pub async fn images_submit(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    mut form: UploadForm,
) -> Result<Response, WebError> {
    let avatar = image_change(&mut form, "avatar", "remove_avatar");
    let header = image_change(&mut form, "header", "remove_header");
    match profile_images::change_images(&state.ctx, user.id, avatar, header).await {
        Ok(()) => Ok(Redirect::to("/settings/profile?saved=1").into_response()),
        Err(ServiceError::Invalid(errors)) => {
            let form = FormState::new(&errors, &chrome.t);
            let (profile, organisation) = accounts::get_member_profile(&state.ctx, &user).await?;
            let quote_policy = crate::service::quotes::quote_default(&state.ctx, &user).await?.as_str();
            let images = current_images(&state, &user).await?;
            render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &page(chrome, form, false, profile, organisation, quote_policy, images),
            )
        }
        Err(other) => Err(other.into()),
    }
}

/// A file in `file_field` replaces the image; otherwise a ticked `remove_field` removes it.
pub(crate) fn image_change(form: &mut UploadForm, file_field: &str, remove_field: &str) -> ImageChange {
    match form.take_file(file_field) {
        Some(bytes) => ImageChange::from_upload(bytes),
        None if form.text(remove_field).is_some() => ImageChange::Remove,
        None => ImageChange::Keep,
    }
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
            let images = current_images(&state, &user).await?;
            render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &page(chrome, form, false, profile, organisation, quote_policy, images),
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
    (avatar, header): (Option<String>, Option<String>),
) -> ProfileSettingsPage {
    ProfileSettingsPage {
        quote_policy,
        avatar,
        header,
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

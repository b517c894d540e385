//! The project of a project group (edited by its owner and moderators) and the project
//! directory, where coordinators also feature remote project groups.

use axum::extract::{Path, Query, RawForm, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::domain::project::{ProjectForm, ProjectStatus};
use crate::federation::{resolve, uris};
use crate::service::ServiceError;
use crate::service::projects::{self, DirectoryQuery};
use crate::state::AppState;
use crate::web::error::WebError;
use crate::web::pages::{ProjectDirectoryPage, ProjectEditPage, render};
use crate::web::session::RequireUser;
use crate::web::view::{Chrome, DirectoryProjectView, FocusAreaView, FormState, project_status_label};

pub async fn edit_form(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Path(name): Path<String>,
) -> Result<Response, WebError> {
    let editing = projects::get_project_form(&state.ctx, &user, &name).await?;
    let page = edit_page(
        chrome,
        FormState::default(),
        editing.group_name,
        editing.group_title,
        editing.form,
        &editing.focus_areas,
    );
    render(StatusCode::OK, &page)
}

pub async fn edit_submit(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Path(name): Path<String>,
    RawForm(body): RawForm,
) -> Result<Response, WebError> {
    let fields = parse_form(&body);
    match projects::update_project(&state.ctx, &user, &name, &fields).await {
        Ok(group) => {
            crate::federation::partners::spawn_partner_resolution(&state, group);
            Ok(Redirect::to(&uris::group_path(&name)).into_response())
        }
        Err(ServiceError::Invalid(errors)) => {
            let form = FormState::new(&errors, &chrome.t);
            let page =
                edit_page(chrome, form, name.clone(), name, fields, &projects::focus_areas(&state.ctx));
            render(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(other) => Err(other.into()),
    }
}

fn edit_page(
    chrome: Chrome,
    form: FormState,
    group_name: String,
    group_title: String,
    fields: ProjectForm,
    vocabulary: &[String],
) -> ProjectEditPage {
    let focus_areas =
        vocabulary.iter().map(|word| (FocusAreaView::new(word), fields.focus_areas.contains(word))).collect();
    ProjectEditPage {
        chrome,
        form,
        group_url: uris::group_path(&group_name),
        group_name,
        group_title,
        fields,
        focus_areas,
        statuses: statuses(),
    }
}

/// The edit form, read by hand: focus areas are repeated checkboxes.
fn parse_form(body: &[u8]) -> ProjectForm {
    let mut form = ProjectForm::default();
    for (key, value) in url::form_urlencoded::parse(body) {
        let value = value.into_owned();
        match key.as_ref() {
            "summary" => form.summary = value,
            "status" => form.status = value,
            "start_date" => form.start_date = value,
            "end_date" => form.end_date = value,
            "focus_areas" => form.focus_areas.push(value),
            "tags" => form.tags = value,
            "region" => form.region = value,
            "partners" => form.partners = value,
            "funders" => form.funders = value,
            "website" => form.website = value,
            "contact" => form.contact = value,
            "measures" => form.measures = value,
            _ => {}
        }
    }
    form
}

fn statuses() -> Vec<(&'static str, &'static str)> {
    ProjectStatus::ALL.iter().map(|s| (s.as_str(), project_status_label(*s))).collect()
}

#[derive(Deserialize, Default)]
pub struct DirectoryParams {
    #[serde(default)]
    status: String,
    #[serde(default)]
    focus: String,
    #[serde(default)]
    region: String,
    #[serde(default)]
    partner: String,
    #[serde(default)]
    page: Option<i64>,
}

impl DirectoryParams {
    /// The directory's address with these filters, on another page.
    fn page_url(&self, page: i64) -> String {
        let mut query = form_urlencoded::Serializer::new(String::new());
        for (key, value) in [
            ("status", &self.status),
            ("focus", &self.focus),
            ("region", &self.region),
            ("partner", &self.partner),
        ] {
            if !value.is_empty() {
                query.append_pair(key, value);
            }
        }
        if page > 1 {
            query.append_pair("page", &page.to_string());
        }
        let query = query.finish();
        if query.is_empty() { "/projects".to_owned() } else { format!("/projects?{query}") }
    }
}

pub async fn directory(
    State(state): State<AppState>,
    chrome: Chrome,
    Query(params): Query<DirectoryParams>,
) -> Result<Response, WebError> {
    directory_page(&state, chrome, params, String::new(), String::new(), StatusCode::OK).await
}

async fn directory_page(
    state: &AppState,
    chrome: Chrome,
    params: DirectoryParams,
    feature_error: String,
    feature_handle: String,
    status: StatusCode,
) -> Result<Response, WebError> {
    let query = DirectoryQuery {
        status: params.status.clone(),
        focus_area: params.focus.clone(),
        region: params.region.clone(),
        partner: params.partner.clone(),
        page: params.page.unwrap_or(1),
    };
    let found = projects::list_directory(&state.ctx, &query).await?;
    let previous_url = (found.page > 1).then(|| params.page_url(found.page - 1));
    let next_url = found.has_more.then(|| params.page_url(found.page + 1));
    let page = ProjectDirectoryPage {
        chrome,
        projects: found.entries.iter().map(DirectoryProjectView::from).collect(),
        count: found.total,
        previous_url,
        next_url,
        statuses: statuses(),
        focus_areas: projects::focus_areas(&state.ctx).iter().map(|w| FocusAreaView::new(w)).collect(),
        status: params.status,
        focus_area: params.focus,
        region: params.region,
        partner: params.partner,
        feature_error,
        feature_handle,
    };
    render(status, &page)
}

#[derive(Deserialize)]
pub struct FeatureForm {
    #[serde(default)]
    handle: String,
}

/// A coordinator features a remote project group: it is looked up (and stored) first.
pub async fn feature(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    axum::Form(form): axum::Form<FeatureForm>,
) -> Result<Response, WebError> {
    if !user.is_admin() {
        return Err(ServiceError::Forbidden.into());
    }
    let handle = form.handle.trim().to_owned();
    let found = resolve::actor_by_handle_or_url(&state, &handle).await;
    let result = match found {
        Some(group) => projects::set_featured(&state.ctx, &user, group, true).await,
        None => {
            Err(crate::domain::FieldError::new("handle", "is not a project group on another instance").into())
        }
    };
    match result {
        Ok(()) => Ok(Redirect::to("/projects").into_response()),
        Err(ServiceError::Invalid(_)) => {
            let message = chrome.t.arg("projects-feature-not-found", "handle", &handle);
            directory_page(
                &state,
                chrome,
                DirectoryParams::default(),
                message,
                handle,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn unfeature(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    axum::Form(form): axum::Form<FeatureForm>,
) -> Result<Response, WebError> {
    let group = projects::remote_group_by_handle(&state.ctx, form.handle.trim()).await?;
    projects::set_featured(&state.ctx, &user, group, false).await?;
    Ok(Redirect::to("/projects").into_response())
}

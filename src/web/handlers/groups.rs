//! The group directory, creating groups, group pages, following.

use axum::Form;
use axum::extract::{Path, Query, RawForm, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::domain::GroupKind;
use crate::domain::language::UI_LANGUAGES;
use crate::federation::uris;
use crate::service::groups::{self, GroupSettings, NewGroup};
use crate::service::profile_images::{self, ImageChange};
use crate::service::{ServiceError, follows, projects, watches};
use crate::state::AppState;
use crate::web::error::WebError;
use crate::web::pages::{DirectoryPage, GroupEditPage, GroupPage, NewGroupPage, render};
use crate::web::session::{MaybeUser, RequireUser};
use crate::web::upload_form::UploadForm;
use crate::web::view::{Chrome, FormState, GroupView, ListView, ProjectView, profile_image_src};

#[derive(Deserialize)]
pub struct DirectoryQuery {
    kind: Option<String>,
    after: Option<String>,
}

pub async fn directory(
    State(state): State<AppState>,
    chrome: Chrome,
    Query(query): Query<DirectoryQuery>,
) -> Result<Response, WebError> {
    let kind = query.kind.as_deref().and_then(|k| GroupKind::parse(k).ok());
    let listed = groups::list_groups(&state.ctx, kind, query.after.as_deref(), None).await?;
    let base = match kind {
        Some(kind) => format!("/groups?kind={kind}"),
        None => "/groups".to_owned(),
    };
    let page = DirectoryPage {
        chrome,
        kind_filter: kind.map(|k| k.as_str().to_owned()).unwrap_or_default(),
        groups: ListView::from_paged(&listed, &base, "after"),
    };
    render(StatusCode::OK, &page)
}

pub async fn create_form(chrome: Chrome, RequireUser(_user): RequireUser) -> Result<Response, WebError> {
    let page = NewGroupPage {
        chrome,
        form: FormState::default(),
        name: String::new(),
        kind: "discussion".into(),
        title: String::new(),
        description: String::new(),
    };
    render(StatusCode::OK, &page)
}

#[derive(Deserialize)]
pub struct GroupForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    description: String,
}

pub async fn create_submit(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Form(form): Form<GroupForm>,
) -> Result<Response, WebError> {
    let input = NewGroup {
        name: form.name.clone(),
        kind: form.kind.clone(),
        title: form.title.clone(),
        description: form.description.clone(),
    };
    match groups::create_group(&state.ctx, user.id, input).await {
        Ok(name) => Ok(Redirect::to(&uris::group_path(&name)).into_response()),
        Err(ServiceError::Invalid(errors)) => {
            let errors = FormState::new(&errors, &chrome.t);
            let page = NewGroupPage {
                chrome,
                form: errors,
                name: form.name,
                kind: form.kind,
                title: form.title,
                description: form.description,
            };
            render(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Deserialize)]
pub struct PageQuery {
    before: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    chrome: Chrome,
    MaybeUser(viewer): MaybeUser,
    Path(name): Path<String>,
    Query(query): Query<PageQuery>,
) -> Result<Response, WebError> {
    let (group, threads, project) =
        projects::get_group_page(&state.ctx, &name, viewer.as_ref(), query.before.as_deref()).await?;
    let watching = match &viewer {
        Some(viewer) => watches::watches_group(&state.ctx, viewer, group.id.0).await?,
        None => false,
    };
    let page = GroupPage {
        chrome,
        watching,
        threads: ListView::from_paged(&threads, &uris::group_path(&group.name), "before"),
        group: GroupView::from(&group),
        project: project.as_ref().map(|p| ProjectView::with_partner_actors(&p.project, &p.partner_actors)),
    };
    render(StatusCode::OK, &page)
}

pub async fn follow(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(name): Path<String>,
) -> Result<Response, WebError> {
    let remote_group = follows::follow_group(&state.ctx, &user, &name).await?;
    if let Some(group_url) = remote_group {
        crate::federation::backfill::spawn_backfill(&state, group_url);
    }
    Ok(Redirect::to(&uris::group_path(&name)).into_response())
}

pub async fn unfollow(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(name): Path<String>,
) -> Result<Response, WebError> {
    follows::unfollow_group(&state.ctx, &user, &name).await?;
    Ok(Redirect::to(&uris::group_path(&name)).into_response())
}

pub async fn edit_form(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Path(name): Path<String>,
) -> Result<Response, WebError> {
    let editing = groups::get_group_settings(&state.ctx, &user, &name).await?;
    let avatar = profile_image_src(editing.avatar.as_deref());
    render(StatusCode::OK, &edit_page(chrome, FormState::default(), &editing.name, editing.settings, avatar))
}

/// The group's avatar form (multipart), for those who may edit the group.
pub async fn images_submit(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Path(name): Path<String>,
    mut form: UploadForm,
) -> Result<Response, WebError> {
    let group = groups::editable_group_id(&state.ctx, &user, &name).await?;
    let avatar = super::settings::image_change(&mut form, "avatar", "remove_avatar");
    match profile_images::change_images(&state.ctx, group, avatar, ImageChange::Keep).await {
        Ok(()) => Ok(Redirect::to(&format!("{}/edit", uris::group_path(&name))).into_response()),
        Err(ServiceError::Invalid(errors)) => {
            let form = FormState::new(&errors, &chrome.t);
            let editing = groups::get_group_settings(&state.ctx, &user, &name).await?;
            let avatar = profile_image_src(editing.avatar.as_deref());
            render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &edit_page(chrome, form, &name, editing.settings, avatar),
            )
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn edit_submit(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Path(name): Path<String>,
    RawForm(body): RawForm,
) -> Result<Response, WebError> {
    let settings = parse_settings(&body);
    match groups::update_group_settings(&state.ctx, &user, &name, &settings).await {
        Ok(()) => Ok(Redirect::to(&uris::group_path(&name)).into_response()),
        Err(ServiceError::Invalid(errors)) => {
            let form = FormState::new(&errors, &chrome.t);
            let avatar = groups::get_group_settings(&state.ctx, &user, &name).await?.avatar;
            let avatar = profile_image_src(avatar.as_deref());
            render(StatusCode::UNPROCESSABLE_ENTITY, &edit_page(chrome, form, &name, settings, avatar))
        }
        Err(other) => Err(other.into()),
    }
}

fn edit_page(
    chrome: Chrome,
    form: FormState,
    name: &str,
    settings: GroupSettings,
    avatar: Option<String>,
) -> GroupEditPage {
    let languages = UI_LANGUAGES
        .iter()
        .map(|(code, own_name)| (*code, *own_name, settings.languages.iter().any(|chosen| chosen == code)))
        .collect();
    GroupEditPage {
        chrome,
        form,
        group_name: name.to_owned(),
        group_url: uris::group_path(name),
        title: settings.title,
        description: settings.description,
        languages,
        avatar,
    }
}

/// The edit form, read by hand: languages are repeated checkboxes.
fn parse_settings(body: &[u8]) -> GroupSettings {
    let mut settings = GroupSettings::default();
    for (key, value) in url::form_urlencoded::parse(body) {
        match key.as_ref() {
            "title" => settings.title = value.into_owned(),
            "description" => settings.description = value.into_owned(),
            "languages" => settings.languages.push(value.into_owned()),
            _ => {}
        }
    }
    settings
}

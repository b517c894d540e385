//! Climate goals: the instance's list, a goal's page with its chart, setting a goal and
//! reporting progress (which also starts a thread in a group).

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::domain::goal::{Goal, GoalInput, Progress, ProgressInput};
use crate::federation::uris;
use crate::service::goals::{self, GoalOwner};
use crate::service::threads::NewThread;
use crate::service::{CurrentUser, ServiceError};
use crate::state::AppState;
use crate::web::error::WebError;
use crate::web::goal_views::{GoalCardView, GoalPageView, chart_for};
use crate::web::i18n::Translator;
use crate::web::pages::{GoalPage, GoalsPage, NewGoalPage, render};
use crate::web::session::{MaybeUser, RequireUser};
use crate::web::svg_chart;
use crate::web::view::{Chrome, FormState};

#[derive(Deserialize)]
pub struct GoalsQuery {
    #[serde(default)]
    owner: String,
}

/// `/goals`: every goal and how far it has come; `?owner=name` keeps one member's or group's.
pub async fn list(
    State(state): State<AppState>,
    chrome: Chrome,
    Query(query): Query<GoalsQuery>,
) -> Result<Response, WebError> {
    let goals = goals::list_goals(&state.ctx).await?;
    let owner = query.owner.trim().to_owned();
    let cards = goals
        .iter()
        .filter(|g| owner.is_empty() || g.owner.handle() == owner)
        .map(|g| GoalCardView::new(g, &chrome.t))
        .collect();
    render(StatusCode::OK, &GoalsPage { chrome, owner, goals: cards })
}

pub async fn show(
    State(state): State<AppState>,
    chrome: Chrome,
    MaybeUser(viewer): MaybeUser,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let details = goals::get_goal(&state.ctx, id, viewer.as_ref()).await?;
    let goal = GoalPageView::new(&details, &chrome.t);
    let default_group =
        if details.summary.owner_is_group { details.summary.owner.handle() } else { String::new() };
    let page = GoalPage {
        chrome,
        goal,
        form: FormState::default(),
        progress: ProgressInput { group: default_group, ..ProgressInput::default() },
    };
    render(StatusCode::OK, &page)
}

/// The chart alone, for embedding and downloading.
pub async fn chart(
    State(state): State<AppState>,
    chrome: Chrome,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let details = goals::get_goal(&state.ctx, id, None).await?;
    let svg = svg_chart::render(&chart_for(&details, &chrome.t));
    Ok(([(header::CONTENT_TYPE, "image/svg+xml; charset=utf-8")], svg).into_response())
}

#[derive(Deserialize, Default)]
pub struct GoalForm {
    #[serde(default)]
    group: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    metric: String,
    #[serde(default)]
    unit: String,
    #[serde(default)]
    baseline_value: String,
    #[serde(default)]
    baseline_year: String,
    #[serde(default)]
    target_value: String,
    #[serde(default)]
    target_year: String,
    #[serde(default)]
    scope_note: String,
}

impl GoalForm {
    fn input(&self) -> GoalInput {
        GoalInput {
            title: self.title.clone(),
            metric: self.metric.clone(),
            unit: self.unit.clone(),
            baseline_value: self.baseline_value.clone(),
            baseline_year: self.baseline_year.clone(),
            target_value: self.target_value.clone(),
            target_year: self.target_year.clone(),
            scope_note: self.scope_note.clone(),
        }
    }
}

pub async fn new_form(
    chrome: Chrome,
    RequireUser(_user): RequireUser,
    Query(query): Query<GoalsQuery>,
) -> Result<Response, WebError> {
    let page = NewGoalPage {
        chrome,
        form: FormState::default(),
        group: query.owner,
        goal: GoalInput::default(),
        edit_id: None,
    };
    render(StatusCode::OK, &page)
}

pub async fn create(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Form(form): Form<GoalForm>,
) -> Result<Response, WebError> {
    let owner =
        if form.group.trim().is_empty() { GoalOwner::Me } else { GoalOwner::Group(form.group.clone()) };
    match goals::create_goal(&state.ctx, &user, owner, form.input()).await {
        Ok(id) => Ok(Redirect::to(&uris::goal_path(id)).into_response()),
        Err(ServiceError::Invalid(errors)) => {
            let page = NewGoalPage {
                form: FormState::new(&errors, &chrome.t),
                chrome,
                goal: form.input(),
                group: form.group,
                edit_id: None,
            };
            render(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(other) => Err(other.into()),
    }
}

/// `/goals/{id}/edit`: the goal's form, filled in, for whoever may report on it.
pub async fn edit_form(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let goal = goals::goal_input(&state.ctx, &user, id).await?;
    let page =
        NewGoalPage { chrome, form: FormState::default(), group: String::new(), goal, edit_id: Some(id) };
    render(StatusCode::OK, &page)
}

pub async fn update(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Path(id): Path<i64>,
    Form(form): Form<GoalForm>,
) -> Result<Response, WebError> {
    match goals::update_goal(&state.ctx, &user, id, form.input()).await {
        Ok(()) => Ok(Redirect::to(&uris::goal_path(id)).into_response()),
        Err(ServiceError::Invalid(errors)) => {
            let page = NewGoalPage {
                form: FormState::new(&errors, &chrome.t),
                chrome,
                goal: form.input(),
                group: String::new(),
                edit_id: Some(id),
            };
            render(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(other) => Err(other.into()),
    }
}

/// Deletes a goal and its updates (the threads stay), then shows the list of goals.
pub async fn delete(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    goals::delete_goal(&state.ctx, &user, id).await?;
    Ok(Redirect::to("/goals").into_response())
}

#[derive(Deserialize)]
pub struct ProgressForm {
    #[serde(default)]
    date: String,
    #[serde(default)]
    value: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    group: String,
}

pub async fn report(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(user): RequireUser,
    Path(id): Path<i64>,
    Form(form): Form<ProgressForm>,
) -> Result<Response, WebError> {
    let input = ProgressInput { date: form.date, value: form.value, note: form.note, group: form.group };
    let t = post_translator(&user);
    let goal_url = state.uris.absolute(&uris::goal_path(id));
    let thread_text = |goal: &Goal, progress: &Progress| progress_thread(&t, &goal_url, goal, progress);
    match goals::report_progress(&state.ctx, &user, id, input.clone(), thread_text).await {
        Ok(_) => Ok(Redirect::to(&format!("{}#updates", uris::goal_path(id))).into_response()),
        Err(ServiceError::Invalid(errors)) => {
            let details = goals::get_goal(&state.ctx, id, Some(&user)).await?;
            let page = GoalPage {
                goal: GoalPageView::new(&details, &chrome.t),
                form: FormState::new(&errors, &chrome.t),
                chrome,
                progress: input,
            };
            render(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(other) => Err(other.into()),
    }
}

/// The thread is written in the reporter's own language, as their posts are.
fn post_translator(user: &CurrentUser) -> Translator {
    Translator::new(&user.language)
}

/// The title and Markdown of the thread a progress update starts.
fn progress_thread(t: &Translator, goal_url: &str, goal: &Goal, progress: &Progress) -> NewThread {
    let value = format!("{} {}", t.decimal(progress.value), goal.unit);
    let title = t.arg("goals-thread-title", "goal", &goal.title);
    let summary = t.args(
        "goals-thread-value",
        &[
            ("date", t.date(progress.date).into()),
            ("value", value.into()),
            ("target", format!("{} {}", t.decimal(goal.target_value), goal.unit).into()),
            ("year", goal.target_year.to_string().into()),
        ],
    );
    let link = t.arg("goals-thread-link", "url", goal_url);
    NewThread {
        title: title.chars().take(150).collect(),
        body: format!("{}\n\n{}\n\n{}", progress.note, summary, link),
        language: None,
        content_warning: None,
        media_ids: Vec::new(),
        poll: None,
    }
}

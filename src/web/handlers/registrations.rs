//! The coordinators' pages for joining the network: pending applications (approve or reject
//! with a message) and invite links.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::federation::uris;
use crate::service::registrations::{self, InviteSummary};
use crate::service::{CurrentUser, ServiceError};
use crate::state::AppState;
use crate::web::error::WebError;
use crate::web::pages::{ApplicationRow, InviteRow, InvitesAdminPage, RegistrationsAdminPage, render};
use crate::web::session::RequireUser;
use crate::web::view::{Chrome, FormState};

pub async fn applications(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(coordinator): RequireUser,
) -> Result<Response, WebError> {
    let pending = registrations::list_pending(&state.ctx, &coordinator).await?;
    let rows = pending
        .into_iter()
        .map(|a| ApplicationRow {
            account_id: a.account_id,
            name: a.name,
            email: a.email,
            reason: a.reason,
            applied_at: chrome.t.datetime(a.applied_at),
        })
        .collect();
    let page = RegistrationsAdminPage {
        chrome,
        mode: state.ctx.settings.registration_mode.as_str(),
        question: state.config.registration.approval_question.clone(),
        applications: rows,
    };
    render(StatusCode::OK, &page)
}

#[derive(Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    message: String,
}

pub async fn decide(
    State(state): State<AppState>,
    RequireUser(coordinator): RequireUser,
    Path(account_id): Path<i64>,
    Form(form): Form<DecisionForm>,
) -> Result<Response, WebError> {
    let approve = match form.decision.as_str() {
        "approve" => true,
        "reject" => false,
        _ => {
            return Err(WebError::Service(ServiceError::Invalid(
                crate::domain::FieldError::new("decision", "must be approve or reject").into(),
            )));
        }
    };
    registrations::decide(&state.ctx, &coordinator, account_id, approve, &form.message).await?;
    Ok(Redirect::to("/admin/registrations").into_response())
}

pub async fn invites(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(coordinator): RequireUser,
) -> Result<Response, WebError> {
    invites_page(&state, chrome, &coordinator, FormState::default(), None, StatusCode::OK).await
}

#[derive(Deserialize)]
pub struct InviteForm {
    #[serde(default)]
    max_uses: String,
    #[serde(default)]
    valid_days: String,
}

/// Shows the new link once, on the page that answers the form (it is not stored).
pub async fn create_invite(
    State(state): State<AppState>,
    chrome: Chrome,
    RequireUser(coordinator): RequireUser,
    Form(form): Form<InviteForm>,
) -> Result<Response, WebError> {
    match registrations::create_invite(&state.ctx, &coordinator, &form.max_uses, &form.valid_days).await {
        Ok(invite) => {
            let link = state.uris.absolute(&uris::invite_path(&invite.token));
            invites_page(&state, chrome, &coordinator, FormState::default(), Some(link), StatusCode::OK).await
        }
        Err(ServiceError::Invalid(errors)) => {
            let form = FormState::new(&errors, &chrome.t);
            invites_page(&state, chrome, &coordinator, form, None, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn delete_invite(
    State(state): State<AppState>,
    RequireUser(coordinator): RequireUser,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    registrations::delete_invite(&state.ctx, &coordinator, id).await?;
    Ok(Redirect::to("/admin/invites").into_response())
}

async fn invites_page(
    state: &AppState,
    chrome: Chrome,
    coordinator: &CurrentUser,
    form: FormState,
    new_link: Option<String>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let invites = registrations::list_invites(&state.ctx, coordinator).await?;
    let rows = invites.iter().map(|invite| invite_row(&chrome, invite)).collect();
    let page = InvitesAdminPage {
        chrome,
        form,
        new_link,
        invite_mode: state.ctx.settings.registration_mode.as_str() == "invite",
        invites: rows,
    };
    render(status, &page)
}

fn invite_row(chrome: &Chrome, invite: &InviteSummary) -> InviteRow {
    let t = &chrome.t;
    InviteRow {
        id: invite.id,
        created_by: invite.created_by.clone(),
        created_at: t.datetime(invite.created_at),
        uses: match invite.max_uses {
            Some(max) => t.args("invites-uses-of", &[("count", invite.uses.into()), ("max", max.into())]),
            None => t.count("invites-uses", invite.uses),
        },
        expires: invite.expires_at.map(|at| t.datetime(at)).unwrap_or_else(|| t.get("invites-never")),
        live: invite.live,
    }
}

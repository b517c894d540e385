//! The moving page, one for both kinds that move (issue 15, "Moving"): a member's account
//! (`/settings/moving`) and a group (`/g/{name}/moving`). Each names its other addresses
//! elsewhere (aliases) and moves to one of them; only the words, the addresses and the service
//! calls differ, and [`Mover`] holds those.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::error::WebError;
use super::pages::render;
use super::view::{Chrome, FormState};
use crate::federation::{account_moves as remote_account_moves, group_moves as remote_group_moves, uris};
use crate::service::account_moves::{self, MoveSettings};
use crate::service::{CurrentUser, ServiceError, group_moves};
use crate::state::AppState;

/// The message ids of one kind's moving page.
#[derive(Debug)]
pub struct MovingWords {
    pub moved_saved: &'static str,
    pub moved_notice: &'static str,
    pub aliases_heading: &'static str,
    pub aliases_intro: &'static str,
    pub aliases_label: &'static str,
    pub move_heading: &'static str,
    /// Its argument, the mover's own address, is named [`MovingWords::intro_arg`].
    pub move_intro: &'static str,
    pub intro_arg: &'static str,
    pub move_label: &'static str,
    pub move_button: &'static str,
    pub placeholder: &'static str,
}

static ACCOUNT_WORDS: MovingWords = MovingWords {
    moved_saved: "moving-moved-saved",
    moved_notice: "profile-moved",
    aliases_heading: "moving-aliases-heading",
    aliases_intro: "moving-aliases-intro",
    aliases_label: "moving-aliases-label",
    move_heading: "moving-move-heading",
    move_intro: "moving-move-intro",
    intro_arg: "account",
    move_label: "moving-move-label",
    move_button: "moving-move-button",
    placeholder: "@name@example.org",
};

static GROUP_WORDS: MovingWords = MovingWords {
    moved_saved: "group-moving-moved-saved",
    moved_notice: "group-moved-notice",
    aliases_heading: "group-moving-aliases-heading",
    aliases_intro: "group-moving-aliases-intro",
    aliases_label: "group-moving-aliases-label",
    move_heading: "group-moving-move-heading",
    move_intro: "group-moving-move-intro",
    intro_arg: "group",
    move_label: "group-moving-move-label",
    move_button: "group-moving-move-button",
    placeholder: "@group@example.org",
};

/// `/settings/moving` or `/g/{name}/moving`.
#[derive(Template)]
#[template(path = "moving.html")]
pub struct MovingPage {
    pub chrome: Chrome,
    pub form: FormState,
    pub words: &'static MovingWords,
    pub title: String,
    /// The group's page and handle, above the forms (none for an account).
    pub subject: Option<(String, String)>,
    /// Where the forms post to: `{base}/aliases`, `{base}/move`.
    pub base: String,
    /// The mover's ActivityPub id, to set as an alias on the new account or group.
    pub own_url: String,
    /// `aliases` or `moved` after a save.
    pub saved: Option<String>,
    /// One a line.
    pub aliases: String,
    pub target: String,
    pub moved_to: Option<String>,
    /// The settings page it belongs to, and its name.
    pub back: (String, String),
}

/// Who moves: the signed-in member's account, or a group they moderate.
pub enum Mover<'a> {
    Account(&'a CurrentUser),
    Group { user: &'a CurrentUser, name: &'a str },
}

impl Mover<'_> {
    fn base(&self) -> String {
        match self {
            Mover::Account(_) => "/settings/moving".to_owned(),
            Mover::Group { name, .. } => format!("{}/moving", uris::group_path(name)),
        }
    }

    async fn settings(&self, state: &AppState) -> Result<MoveSettings, ServiceError> {
        match self {
            Mover::Account(user) => account_moves::get_move_settings(&state.ctx, user).await,
            Mover::Group { user, name } => group_moves::get_move_settings(&state.ctx, user, name).await,
        }
    }

    async fn save_aliases(&self, state: &AppState, text: &str) -> Result<(), ServiceError> {
        match self {
            Mover::Account(user) => {
                let aliases = remote_account_moves::resolve_aliases(state, text).await?;
                account_moves::set_aliases(&state.ctx, user, &aliases).await
            }
            Mover::Group { user, name } => {
                // Only a moderator gets as far as looking anything up elsewhere.
                group_moves::movable_group(&state.ctx, user, name).await?;
                let aliases = remote_group_moves::resolve_aliases(state, text).await?;
                group_moves::set_aliases(&state.ctx, user, name, &aliases).await
            }
        }
    }

    async fn move_to(&self, state: &AppState, target: &str) -> Result<(), ServiceError> {
        match self {
            Mover::Account(user) => remote_account_moves::move_to(state, user, target).await,
            Mover::Group { user, name } => remote_group_moves::move_to(state, user, name, target).await,
        }
    }

    fn page(&self, state: &AppState, chrome: Chrome, form: FormState, fields: PageFields) -> MovingPage {
        let (words, title, subject, own_url, back) = match self {
            Mover::Account(user) => (
                &ACCOUNT_WORDS,
                chrome.t.get("moving-title"),
                None,
                state.uris.user(&user.name),
                ("/settings/profile".to_owned(), chrome.t.get("settings-heading")),
            ),
            Mover::Group { name, .. } => (
                &GROUP_WORDS,
                chrome.t.arg("group-moving-title", "group", name),
                Some((uris::group_path(name), format!("@{name}"))),
                state.uris.group(name),
                (
                    format!("{}/edit", uris::group_path(name)),
                    chrome.t.arg("group-settings-title", "group", name),
                ),
            ),
        };
        MovingPage {
            chrome,
            form,
            words,
            title,
            subject,
            base: self.base(),
            own_url,
            saved: fields.saved,
            aliases: fields.aliases,
            target: fields.target,
            moved_to: fields.moved_to,
            back,
        }
    }
}

/// What the page shows beyond the mover's own words and addresses.
struct PageFields {
    saved: Option<String>,
    aliases: String,
    target: String,
    moved_to: Option<String>,
}

#[derive(Deserialize)]
pub struct SavedQuery {
    saved: Option<String>,
}

#[derive(Deserialize)]
pub struct AliasesForm {
    #[serde(default)]
    aliases: String,
}

#[derive(Deserialize)]
pub struct MoveForm {
    #[serde(default)]
    target: String,
}

/// The moving page.
pub async fn show(
    state: &AppState,
    chrome: Chrome,
    mover: Mover<'_>,
    query: SavedQuery,
) -> Result<Response, WebError> {
    let settings = mover.settings(state).await?;
    let fields = PageFields {
        saved: query.saved,
        aliases: settings.aliases.join("\n"),
        target: String::new(),
        moved_to: settings.moved_to,
    };
    render(StatusCode::OK, &mover.page(state, chrome, FormState::default(), fields))
}

/// Saves the aliases typed (each resolved to an ActivityPub id); the page again with the error.
pub async fn set_aliases(
    state: &AppState,
    chrome: Chrome,
    mover: Mover<'_>,
    form: AliasesForm,
) -> Result<Response, WebError> {
    let outcome = mover.save_aliases(state, &form.aliases).await;
    answer(state, chrome, &mover, outcome, "aliases", |settings| PageFields {
        saved: None,
        aliases: form.aliases,
        target: String::new(),
        moved_to: settings.moved_to,
    })
    .await
}

/// Moves to the target typed (`@name@host` or an address); the page again with the error.
pub async fn start_move(
    state: &AppState,
    chrome: Chrome,
    mover: Mover<'_>,
    form: MoveForm,
) -> Result<Response, WebError> {
    let outcome = mover.move_to(state, form.target.trim()).await;
    answer(state, chrome, &mover, outcome, "moved", |settings| PageFields {
        saved: None,
        aliases: settings.aliases.join("\n"),
        target: form.target,
        moved_to: settings.moved_to,
    })
    .await
}

/// After a form: back to the page saying what was `saved`, or the page again (422) with what
/// was refused and what was typed (`typed`, given the stored settings).
async fn answer(
    state: &AppState,
    chrome: Chrome,
    mover: &Mover<'_>,
    outcome: Result<(), ServiceError>,
    saved: &str,
    typed: impl FnOnce(MoveSettings) -> PageFields,
) -> Result<Response, WebError> {
    match outcome {
        Ok(()) => Ok(Redirect::to(&format!("{}?saved={saved}", mover.base())).into_response()),
        Err(ServiceError::Invalid(errors)) => {
            let fields = typed(mover.settings(state).await?);
            let form_state = FormState::new(&errors, &chrome.t);
            render(StatusCode::UNPROCESSABLE_ENTITY, &mover.page(state, chrome, form_state, fields))
        }
        Err(other) => Err(other.into()),
    }
}

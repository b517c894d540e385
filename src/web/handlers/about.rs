//! `/about`: what this instance is, whom to contact, and the instances it blocks with the
//! public reason for each (as Mastodon publishes its moderated servers).

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use crate::service::{account_cards, instance_blocks};
use crate::state::AppState;
use crate::web::error::WebError;
use crate::web::pages::render;
use crate::web::view::Chrome;

pub struct BlockedRow {
    pub host: String,
    pub reason: String,
}

#[derive(Template)]
#[template(path = "about.html")]
pub struct AboutPage {
    pub chrome: Chrome,
    pub description: String,
    pub contact_email: String,
    pub blocked: Vec<BlockedRow>,
}

pub async fn show(State(state): State<AppState>, chrome: Chrome) -> Result<Response, WebError> {
    let contact = account_cards::contact(&state.ctx, &state.config.instance.contact_email).await?;
    let blocked = instance_blocks::list_public_blocks(&state.ctx)
        .await?
        .into_iter()
        .map(|block| BlockedRow { host: block.host, reason: block.public_reason })
        .collect();
    let page = AboutPage {
        chrome,
        description: state.config.instance.description.clone(),
        contact_email: contact.email,
        blocked,
    };
    render(StatusCode::OK, &page)
}

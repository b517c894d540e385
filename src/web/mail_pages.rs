//! The pages of mail features: forgot password, choose a new password, a notice after a
//! followed link (confirmation, unsubscribe), and the unsubscribe form.

use askama::Template;

use crate::web::view::{Chrome, FormState};

#[derive(Template)]
#[template(path = "mail/forgot_password.html")]
pub struct ForgotPasswordPage {
    pub chrome: Chrome,
    /// Mail is configured; without it the page says to ask an admin.
    pub mail_enabled: bool,
    /// The form was sent: the same answer whether or not the address is known.
    pub sent: bool,
    pub hours: i64,
}

#[derive(Template)]
#[template(path = "mail/reset_password.html")]
pub struct ResetPasswordPage {
    pub chrome: Chrome,
    pub form: FormState,
    pub token: String,
    /// The link can still be used.
    pub live: bool,
}

/// A short page after a followed link: a heading, a text and maybe a link onwards.
#[derive(Template)]
#[template(path = "mail/notice.html")]
pub struct MailNoticePage {
    pub chrome: Chrome,
    pub title: String,
    pub text: String,
    /// Where to go next (path) and what the link says; empty for no link.
    pub next_path: String,
    pub next_label: String,
}

#[derive(Template)]
#[template(path = "mail/unsubscribe.html")]
pub struct UnsubscribePage {
    pub chrome: Chrome,
    pub token: String,
}

//! The account security settings page: password, email, browser sessions and apps.

use askama::Template;

use super::i18n::Translator;
use super::view::{Chrome, FormState};
use crate::service::account_security::{AuthorizedApp, SessionEntry, SessionsAndApps};

#[derive(Debug, Clone)]
pub struct SessionItem {
    pub browser: String,
    pub started: String,
    pub expires: String,
    pub current: bool,
}

#[derive(Debug, Clone)]
pub struct AppItem {
    pub id: i64,
    pub name: String,
    pub website: String,
    pub scopes: String,
    pub authorized: String,
}

impl SessionItem {
    fn new(session: &SessionEntry, t: &Translator) -> Self {
        Self {
            browser: session.browser.clone().unwrap_or_else(|| t.get("security-unknown-browser")),
            started: t.datetime(session.started_at),
            expires: t.datetime(session.expires_at),
            current: session.current,
        }
    }
}

impl AppItem {
    fn new(app: &AuthorizedApp, t: &Translator) -> Self {
        Self {
            id: app.app_id,
            name: app.name.clone(),
            // Apps name their own website: only a web address becomes a link.
            website: app
                .website
                .clone()
                .filter(|url| url.starts_with("https://") || url.starts_with("http://"))
                .unwrap_or_default(),
            scopes: app.scopes.clone(),
            authorized: t.datetime(app.authorized_at),
        }
    }
}

/// Which change was just saved, for the notice at the top.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    Nothing,
    Password,
    Email,
    EmailSent,
    Mail,
    SignedOut,
    AppRevoked,
}

impl Saved {
    pub fn from_query(raw: Option<&str>) -> Self {
        match raw {
            Some("password") => Self::Password,
            Some("email") => Self::Email,
            Some("email-sent") => Self::EmailSent,
            Some("mail") => Self::Mail,
            Some("signed-out") => Self::SignedOut,
            Some("app") => Self::AppRevoked,
            _ => Self::Nothing,
        }
    }

    /// The message id of the notice, empty for none.
    pub fn message(self) -> &'static str {
        match self {
            Self::Nothing => "",
            Self::Password => "security-password-changed",
            Self::Email => "security-email-changed",
            Self::EmailSent => "security-email-confirmation-sent",
            Self::Mail => "settings-mail-saved",
            Self::SignedOut => "security-signed-out",
            Self::AppRevoked => "security-app-revoked",
        }
    }
}

#[derive(Template)]
#[template(path = "settings/security.html")]
pub struct SecuritySettingsPage {
    pub chrome: Chrome,
    pub saved: &'static str,
    pub password_form: FormState,
    pub email_form: FormState,
    pub email: String,
    /// Mail is configured: the digest can be chosen.
    pub mail_enabled: bool,
    /// The chosen digest: `off`, `daily` or `weekly`.
    pub digest: &'static str,
    pub sessions: Vec<SessionItem>,
    pub apps: Vec<AppItem>,
}

impl SecuritySettingsPage {
    pub fn new(
        chrome: Chrome,
        saved: Saved,
        overview: &SessionsAndApps,
        email: String,
        password_form: FormState,
        email_form: FormState,
    ) -> Self {
        Self {
            sessions: overview.sessions.iter().map(|s| SessionItem::new(s, &chrome.t)).collect(),
            apps: overview.apps.iter().map(|a| AppItem::new(a, &chrome.t)).collect(),
            chrome,
            saved: saved.message(),
            password_form,
            email_form,
            email,
            mail_enabled: false,
            digest: "off",
        }
    }

    /// With the member's mail settings (the digest).
    pub fn with_mail(mut self, mail_enabled: bool, digest: &'static str) -> Self {
        self.mail_enabled = mail_enabled;
        self.digest = digest;
        self
    }
}

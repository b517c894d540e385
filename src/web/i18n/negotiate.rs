//! Which language a page is shown in: the signed-in member's preference, else the visitor's
//! choice from the language menu (a cookie), else the browser's `Accept-Language`, else the
//! instance's `default_language`.

use axum::extract::{FromRef, FromRequestParts};
use axum::http::HeaderMap;
use axum::http::header::ACCEPT_LANGUAGE;
use axum::http::request::Parts;

use super::{Translator, ui_language};
use crate::service::accounts;
use crate::state::AppState;
use crate::web::session::{MaybeUser, SESSION_COOKIE, cookie_value};

/// The cookie the language menu sets for visitors who are not signed in.
pub const LANGUAGE_COOKIE: &str = "allmende_lang";

/// How long the language menu's choice is kept.
pub const LANGUAGE_COOKIE_MAX_AGE: i64 = 365 * 24 * 60 * 60;

/// Entries of an `Accept-Language` header looked at; real browsers send a handful.
const MAX_ACCEPT_ENTRIES: usize = 32;

/// Picks the language for a request; `member` is the signed-in person's preference, if any.
pub fn choose(member: Option<&str>, headers: &HeaderMap, default_language: &str) -> Translator {
    let chosen = member.and_then(ui_language).or_else(|| visitor_choice(headers)).unwrap_or(default_language);
    Translator::new(chosen)
}

/// The language a visitor who is not signed in asked for: the language menu's cookie, else the
/// browser's `Accept-Language`; `None` when neither names one we speak.
pub fn visitor_choice(headers: &HeaderMap) -> Option<&'static str> {
    cookie_value(headers, LANGUAGE_COOKIE).and_then(|code| ui_language(&code)).or_else(|| {
        headers
            .get_all(ACCEPT_LANGUAGE)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .find_map(from_accept_language)
    })
}

/// The interface language a browser prefers most, from an `Accept-Language` header: quality
/// values count (`q=0` means "not this one"), region subtags are ignored (`de-AT` is `de`),
/// and on equal quality the earlier entry wins.
pub fn from_accept_language(header: &str) -> Option<&'static str> {
    let mut best: Option<(f32, &'static str)> = None;
    for entry in header.split(',').take(MAX_ACCEPT_ENTRIES) {
        let mut params = entry.split(';');
        let tag = params.next().unwrap_or_default().trim();
        let quality = match params.find_map(|p| p.trim().strip_prefix("q=")) {
            Some(q) => match q.trim().parse::<f32>() {
                Ok(q) if (0.0..=1.0).contains(&q) => q,
                _ => continue,
            },
            None => 1.0,
        };
        if quality <= 0.0 {
            continue;
        }
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        let Some(code) = ui_language(primary) else { continue };
        if best.is_none_or(|(best_quality, _)| quality > best_quality) {
            best = Some((quality, code));
        }
    }
    best.map(|(_, code)| code)
}

/// The language of a request without the page frame: for error pages and the fallback page.
/// Looks the session up only when there is a session cookie.
pub async fn for_request(state: &AppState, headers: &HeaderMap) -> Translator {
    let member = match cookie_value(headers, SESSION_COOKIE) {
        Some(token) => accounts::user_for_session(&state.ctx, &token).await.ok().flatten(),
        None => None,
    };
    choose(member.as_ref().map(|m| m.language.as_str()), headers, &state.config.instance.default_language)
}

/// The request's language as an extractor, for handlers that render no `Chrome`.
pub struct PageLanguage(pub Translator);

impl<S> FromRequestParts<S> for PageLanguage
where
    AppState: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let member = MaybeUser::from_request_parts(parts, state).await.ok().and_then(|m| m.0);
        let state = AppState::from_ref(state);
        let default = &state.config.instance.default_language;
        Ok(PageLanguage(choose(member.as_ref().map(|m| m.language.as_str()), &parts.headers, default)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn accept_language_honours_quality_and_regions() {
        assert_eq!(from_accept_language("de-AT,de;q=0.9,en;q=0.8"), Some("de"));
        assert_eq!(from_accept_language("fr-FR,fr;q=0.9,pl;q=0.7,en;q=0.5"), Some("pl"));
        assert_eq!(from_accept_language("en;q=0.5, fi;q=0.8"), Some("fi"));
        assert_eq!(from_accept_language("sv-FI"), Some("sv"));
        assert_eq!(from_accept_language("DA"), Some("da"));
        assert_eq!(from_accept_language("de;q=0, en;q=0.1"), Some("en"));
        assert_eq!(from_accept_language("en, de"), Some("en"), "equal quality: first wins");
    }

    #[test]
    fn accept_language_without_a_known_language_gives_none() {
        assert_eq!(from_accept_language(""), None);
        assert_eq!(from_accept_language("*"), None);
        assert_eq!(from_accept_language("fr, es;q=0.5"), None);
        assert_eq!(from_accept_language("de;q=abc"), None);
        assert_eq!(from_accept_language("de;q=7"), None);
        assert_eq!(from_accept_language(";;;,,,=;q"), None);
    }

    #[test]
    fn member_beats_cookie_beats_browser_beats_default() {
        let mut headers = HeaderMap::new();
        assert_eq!(choose(None, &headers, "sv").code(), "sv");
        headers.insert(ACCEPT_LANGUAGE, HeaderValue::from_static("de-DE,de;q=0.9"));
        assert_eq!(choose(None, &headers, "sv").code(), "de");
        headers.insert(axum::http::header::COOKIE, HeaderValue::from_static("allmende_lang=fi"));
        assert_eq!(choose(None, &headers, "sv").code(), "fi");
        assert_eq!(choose(Some("pl"), &headers, "sv").code(), "pl");
        headers.insert(axum::http::header::COOKIE, HeaderValue::from_static("allmende_lang=xx"));
        assert_eq!(choose(None, &headers, "sv").code(), "de", "an unknown cookie value is ignored");
    }
}

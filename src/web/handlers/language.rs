//! The language menu: a visitor who is not signed in picks an interface language, kept in a
//! cookie. Signed-in members choose theirs in the profile settings instead. Plain form posts,
//! so it works without JavaScript.

use axum::Form;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::state::AppState;
use crate::web::i18n::negotiate::{LANGUAGE_COOKIE, LANGUAGE_COOKIE_MAX_AGE};
use crate::web::i18n::ui_language;
use crate::web::session::cookie_header;

#[derive(Deserialize)]
pub struct LanguageForm {
    #[serde(default)]
    lang: String,
    /// The page the menu was on, to go back to.
    #[serde(default)]
    next: String,
}

pub async fn choose(State(state): State<AppState>, Form(form): Form<LanguageForm>) -> Response {
    let back = Redirect::to(local_path(&form.next));
    match ui_language(&form.lang) {
        Some(code) => {
            let cookie = cookie_header(
                LANGUAGE_COOKIE,
                code,
                Some(LANGUAGE_COOKIE_MAX_AGE),
                !state.config.insecure_http,
            );
            ([(header::SET_COOKIE, cookie)], back).into_response()
        }
        None => back.into_response(),
    }
}

/// `next` if it is a path on this site, else the home page: the menu must not redirect anywhere
/// else (`//host` and `/\host` are other sites to browsers).
fn local_path(next: &str) -> &str {
    let local = next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        && next.len() <= 2048
        && !next.chars().any(|c| c.is_control() || c == '\\');
    if local { next } else { "/" }
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(local_path("/g/energy?before=abc"), "/g/energy?before=abc");
        assert_eq!(local_path(""), "/");
        assert_eq!(local_path("https://evil.example/"), "/");
        assert_eq!(local_path("//evil.example/"), "/");
        assert_eq!(local_path("/\\evil.example/"), "/");
        assert_eq!(local_path("/a\r\nSet-Cookie: x=y"), "/");
    }
}

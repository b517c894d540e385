//! The interface in six languages: the message catalogue is complete and has no leftovers, and
//! pages come in the member's language, else the language menu's, else the browser's, else the
//! instance's default.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use allmende::domain::language::UI_LANGUAGES;
use fluent_templates::fluent_bundle::FluentResource;
use reqwest::StatusCode;
use reqwest::header::{ACCEPT_LANGUAGE, SET_COOKIE, VARY};

use crate::common::{Backend, TestApp, location};
use crate::on_both_backends;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn files_under(dir: &Path, extension: &str, found: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{} can be read: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            files_under(&path, extension, found);
        } else if path.extension().is_some_and(|e| e == extension) {
            found.push(path);
        }
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{} can be read: {e}", path.display()))
}

/// The message ids of one language, per file, after checking that each file parses.
fn catalogue(language: &str) -> BTreeMap<String, PathBuf> {
    let mut files = Vec::new();
    files_under(&root().join("locales").join(language), "ftl", &mut files);
    assert!(!files.is_empty(), "locales/{language} has Fluent files");
    let mut ids = BTreeMap::new();
    for file in files {
        let text = read(&file);
        if let Err((_, errors)) = FluentResource::try_new(text.clone()) {
            panic!("{} does not parse: {errors:?}", file.display());
        }
        // A message starts at the beginning of a line with its id; comments, terms (`-x`) and
        // the indented lines of multi-line messages do not.
        for line in text.lines() {
            let Some((id, _)) = line.split_once('=') else { continue };
            let id = id.trim_end();
            if id.starts_with(|c: char| c.is_ascii_lowercase())
                && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                let earlier = ids.insert(id.to_owned(), file.clone());
                assert!(earlier.is_none(), "{id} is defined twice in locales/{language}");
            }
        }
    }
    ids
}

/// Message ids the templates pass to the translator: `t.get("id")`, `t.count("id", n)`, ...
fn ids_in_templates() -> BTreeSet<String> {
    let mut files = Vec::new();
    files_under(&root().join("templates"), "html", &mut files);
    let mut ids = BTreeSet::new();
    for file in files {
        let text = read(&file);
        for call in ["t.get(\"", "t.count(\"", "t.arg(\""] {
            for (start, _) in text.match_indices(call) {
                let rest = &text[start + call.len()..];
                if let Some(end) = rest.find('"') {
                    ids.insert(rest[..end].to_owned());
                }
            }
        }
    }
    ids
}

/// Every string literal in the Rust sources outside unit tests.
fn literals_in_sources() -> BTreeSet<String> {
    let mut files = Vec::new();
    files_under(&root().join("src"), "rs", &mut files);
    let mut literals = BTreeSet::new();
    for file in files {
        let text = read(&file);
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (i, literal) in code.split('"').enumerate() {
            if i % 2 == 1 {
                literals.insert(literal.to_owned());
            }
        }
    }
    literals
}

#[test]
fn every_language_has_exactly_the_messages_the_code_uses() {
    let english = catalogue("en");
    let prefixes: BTreeSet<&str> = english.keys().filter_map(|id| id.split('-').next()).collect();
    let from_templates = ids_in_templates();
    let literals = literals_in_sources();
    // Ids in Rust code: literals shaped like an id whose first word is one the catalogue uses.
    let from_sources: BTreeSet<&String> = literals
        .iter()
        .filter(|l| {
            l.contains('-')
                && l.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && l.split('-').next().is_some_and(|first| prefixes.contains(first))
        })
        .collect();
    let used: BTreeSet<&String> = from_templates.iter().chain(from_sources.iter().copied()).collect();
    assert!(used.len() > 150, "the scan finds the ids in use: {}", used.len());

    let mut problems = Vec::new();
    for (code, _) in UI_LANGUAGES {
        let messages = catalogue(code);
        let missing: Vec<&&String> = used.iter().filter(|id| !messages.contains_key(id.as_str())).collect();
        if !missing.is_empty() {
            problems.push(format!("locales/{code} lacks {missing:?}"));
        }
        let unused: Vec<&String> =
            messages.keys().filter(|id| !from_templates.contains(*id) && !literals.contains(*id)).collect();
        if !unused.is_empty() {
            problems.push(format!("locales/{code} has ids no template or source uses: {unused:?}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn markup_is_only_in_messages_marked_html_and_inserted_unescaped() {
    let mut templates = Vec::new();
    files_under(&root().join("templates"), "html", &mut templates);
    let templates: String = templates.iter().map(|f| read(f)).collect();
    for (code, _) in UI_LANGUAGES {
        let mut files = Vec::new();
        files_under(&root().join("locales").join(code), "ftl", &mut files);
        for file in files {
            for line in read(&file).lines().filter(|l| !l.starts_with('#')) {
                let Some((id, value)) = line.split_once(" = ") else { continue };
                assert_eq!(value.contains('<'), id.ends_with("-html"), "{code}: {id} = {value}");
                if id.ends_with("-html") {
                    assert!(!value.contains('{'), "{code}: {id} takes no arguments, they would be unescaped");
                    assert!(
                        templates.contains(&format!("t.get(\"{id}\")|safe")),
                        "{id} is inserted with |safe"
                    );
                }
            }
        }
    }
}

async fn page_with_language(app: &TestApp, path: &str, accept_language: &str) -> (StatusCode, String) {
    let response = app
        .client
        .get(app.url(path))
        .header(ACCEPT_LANGUAGE, accept_language)
        .send()
        .await
        .expect("GET succeeds");
    let status = response.status();
    let vary = response.headers().get_all(VARY).iter().filter_map(|v| v.to_str().ok()).collect::<Vec<_>>();
    assert!(vary.iter().any(|v| v.contains("Accept-Language")), "{path} varies by language: {vary:?}");
    (status, response.text().await.expect("body"))
}

async fn accept_language_chooses_the_page_language(app: TestApp) {
    let (status, home) = page_with_language(&app, "/", "de-AT,de;q=0.9,en;q=0.5").await;
    assert_eq!(status, StatusCode::OK);
    assert!(home.contains(r#"<html lang="de">"#), "{home}");
    assert!(home.contains("Neueste Themen") && home.contains("Anmelden") && !home.contains("Sign in"));

    let (_, register) = page_with_language(&app, "/register", "pl").await;
    assert!(register.contains(r#"<html lang="pl">"#) && register.contains("Powtórz hasło"));
    let (_, english) = page_with_language(&app, "/", "fr-CH, fr;q=0.9, en;q=0.8").await;
    assert!(english.contains(r#"<html lang="en">"#) && english.contains("Latest threads"));

    let (status, missing) = page_with_language(&app, "/g/nobody-here", "sv").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(missing.contains(r#"<html lang="sv">"#) && missing.contains("Hittades inte"), "{missing}");
    let (status, unknown) = page_with_language(&app, "/no/such/page", "fi").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(unknown.contains(r#"<html lang="fi">"#) && unknown.contains("Ei löytynyt"), "{unknown}");
}

async fn form_errors_come_in_the_page_language(app: TestApp) {
    let token = app.csrf_token().await;
    let response = app
        .client
        .post(app.url("/register"))
        .header(ACCEPT_LANGUAGE, "de")
        .form(&[
            ("username", "Bad Name"),
            ("email", "nope"),
            ("password", "short"),
            ("password_confirmation", "short"),
            ("csrf_token", &token),
        ])
        .send()
        .await
        .expect("POST succeeds");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.expect("body");
    assert!(page.contains("Bitte korrigieren Sie die markierten Felder."), "{page}");
    assert!(page.contains("Erlaubt sind nur Kleinbuchstaben a–z, Ziffern, _ und -."), "{page}");
    assert!(page.contains("Das ist keine gültige E-Mail-Adresse."), "{page}");
    assert!(page.contains("Bitte verwenden Sie mindestens 8 Zeichen."), "{page}");

    let forged = app
        .client
        .post(app.url("/register"))
        .header(ACCEPT_LANGUAGE, "da")
        .form(&[("username", "ana")])
        .send()
        .await
        .expect("POST succeeds");
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    let page = forged.text().await.expect("body");
    assert!(page.contains(r#"<html lang="da">"#) && page.contains("Formularen er udløbet"), "{page}");
}

async fn the_members_language_beats_the_browsers(app: TestApp) {
    app.signed_in_user("ana").await;
    let saved =
        app.post_form("/settings/profile", &[("display_name", "Ana"), ("bio", ""), ("language", "pl")]).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let (_, home) = page_with_language(&app, "/", "de-DE,de;q=0.9").await;
    assert!(home.contains(r#"<html lang="pl">"#) && home.contains("Wyloguj się"), "{home}");
    assert!(!home.contains("Abmelden"));

    let created = app
        .post_form(
            "/groups",
            &[("name", "energia"), ("kind", "project"), ("title", "Energia"), ("description", "")],
        )
        .await;
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    let (_, group) = page_with_language(&app, "/g/energia", "de").await;
    assert!(group.contains("Grupa projektowa") && group.contains("0 obserwujących"), "{group}");
    assert!(group.contains("0 wątków") && group.contains("(właściciel)"), "{group}");
    let months = ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia"];
    let months = [&months[..], &["września", "października", "listopada", "grudnia"]].concat();
    assert!(months.iter().any(|m| group.contains(&format!(" {m} 20"))), "Polish date: {group}");

    let refused =
        app.post_form("/settings/profile", &[("display_name", ""), ("bio", ""), ("language", "xx")]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = refused.text().await.expect("body");
    assert!(page.contains("Wybierz jeden z dostępnych języków."), "{page}");

    let back =
        app.post_form("/settings/profile", &[("display_name", "Ana"), ("bio", ""), ("language", "en")]).await;
    assert_eq!(back.status(), StatusCode::SEE_OTHER);
    let (_, home) = page_with_language(&app, "/", "de").await;
    assert!(home.contains(r#"<html lang="en">"#) && home.contains("Sign out"));
}

async fn the_instance_default_is_used_without_a_preference(backend: Backend) {
    let Some(app) = TestApp::spawn_configured(backend, |c| c.instance.default_language = "fi".into()).await
    else {
        return eprintln!("skipped: ALLMENDE_TEST_POSTGRES_URL is not set");
    };
    let (_, home) = app.get_html("/").await;
    assert!(home.contains(r#"<html lang="fi">"#) && home.contains("Uusimmat ketjut"), "{home}");
    let (_, home) = page_with_language(&app, "/", "fr, es;q=0.8").await;
    assert!(home.contains(r#"<html lang="fi">"#), "no language we speak: the default");
    let (_, home) = page_with_language(&app, "/", "da").await;
    assert!(home.contains(r#"<html lang="da">"#), "the browser's language beats the default");
}

mod the_instance_default_is_used {
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn sqlite() {
        super::the_instance_default_is_used_without_a_preference(super::Backend::Sqlite).await
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn postgres() {
        super::the_instance_default_is_used_without_a_preference(super::Backend::Postgres).await
    }
}

async fn the_language_menu_sets_a_cookie_for_visitors(app: TestApp) {
    let (_, home) = app.get_html("/").await;
    assert!(home.contains(r#"action="/language""#) && home.contains(r#"value="sv" lang="sv""#), "menu shown");

    let chosen = app.post_form("/language", &[("lang", "sv"), ("next", "/groups?kind=project")]).await;
    assert_eq!(chosen.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&chosen), "/groups?kind=project");
    let cookie =
        chosen.headers().get(SET_COOKIE).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    assert!(cookie.starts_with("allmende_lang=sv;") && cookie.contains("Max-Age="), "{cookie}");

    let (_, groups) = page_with_language(&app, "/groups?kind=project", "de").await;
    assert!(
        groups.contains(r#"<html lang="sv">"#) && groups.contains("Projektgrupper"),
        "the cookie beats the browser"
    );

    let ignored = app.post_form("/language", &[("lang", "xx"), ("next", "//evil.example/")]).await;
    assert_eq!(ignored.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&ignored), "/", "only local paths");
    assert!(ignored.headers().get(SET_COOKIE).is_none(), "an unknown language changes nothing");
    let (_, home) = app.get_html("/").await;
    assert!(home.contains(r#"<html lang="sv">"#));

    app.create_user("bo").await;
    app.sign_in("bo").await;
    let (_, home) = app.get_html("/").await;
    assert!(home.contains(r#"<html lang="en">"#), "a member's own setting beats the cookie");
    assert!(home.contains(r#"href="/settings/profile#language""#) && !home.contains(r#"action="/language""#));
}

async fn registering_keeps_the_language_the_page_was_in(app: TestApp) {
    let token = app.csrf_token().await;
    let registered = app
        .client
        .post(app.url("/register"))
        .header(ACCEPT_LANGUAGE, "pl-PL,pl;q=0.9")
        .form(&[
            ("username", "ola"),
            ("email", "ola@example.org"),
            ("password", crate::common::PASSWORD),
            ("password_confirmation", crate::common::PASSWORD),
            ("csrf_token", &token),
        ])
        .send()
        .await
        .expect("POST succeeds");
    assert_eq!(registered.status(), StatusCode::SEE_OTHER);
    let (_, settings) = app.get_html("/settings/profile").await;
    assert!(settings.contains(r#"<html lang="pl">"#), "without the header, the stored language: {settings}");
    assert!(settings.contains(r#"value="pl" lang="pl" selected"#), "{settings}");
}

on_both_backends!(
    accept_language_chooses_the_page_language,
    registering_keeps_the_language_the_page_was_in,
    form_errors_come_in_the_page_language,
    the_members_language_beats_the_browsers,
    the_language_menu_sets_a_cookie_for_visitors,
);

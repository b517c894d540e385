//! An HTTP client that behaves like a browser without JavaScript: it keeps cookies and submits
//! forms with the CSRF token the page carried.

use std::time::Duration;

use reqwest::StatusCode;
use reqwest::header::LOCATION;
use reqwest::redirect::Policy;

/// One answer, read completely.
#[derive(Debug, Clone)]
pub struct Page {
    pub status: StatusCode,
    /// The `Location` header of a redirect.
    pub location: Option<String>,
    pub body: String,
}

/// A cookie-keeping client for one instance. Redirects are not followed, so that tests can see
/// the 303 every successful form post answers with; [`Browserless::submit`] follows it.
#[derive(Debug, Clone)]
pub struct Browserless {
    client: reqwest::Client,
    base_url: String,
}

impl Browserless {
    /// A client with an empty cookie jar for the instance at `base_url` (no trailing slash).
    ///
    /// # Panics
    ///
    /// When the TLS backend cannot be initialised.
    pub fn new(base_url: impl Into<String>) -> Self {
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(Policy::none())
            .timeout(Duration::from_secs(crate::WAIT_SECONDS))
            .build()
            .unwrap_or_else(|e| panic!("cannot build the HTTP client: {e}"));
        Self { client, base_url: base_url.into() }
    }

    /// The underlying client, for requests the helpers do not cover (it shares the cookies).
    pub fn client(&self) -> &reqwest::Client {
        &self.client
    }

    /// `path` made absolute; absolute URLs (e.g. from a `Location` header) pass unchanged.
    pub fn url(&self, path: &str) -> String {
        if path.starts_with("http://") || path.starts_with("https://") {
            path.to_owned()
        } else {
            format!("{}{path}", self.base_url)
        }
    }

    /// `GET path`, whatever the status.
    ///
    /// # Panics
    ///
    /// When the request cannot be sent or the body not read.
    pub async fn get(&self, path: &str) -> Page {
        let url = self.url(path);
        let response = self.client.get(&url).send().await.unwrap_or_else(|e| panic!("GET {url} failed: {e}"));
        read_page("GET", &url, response).await
    }

    /// The body of `GET path`.
    ///
    /// # Panics
    ///
    /// Unless the answer is 200.
    pub async fn get_ok(&self, path: &str) -> String {
        let page = self.get(path).await;
        assert_eq!(page.status, StatusCode::OK, "GET {path}: {}", page.body);
        page.body
    }

    /// `POST action` with `fields` and the given CSRF token, form-encoded.
    ///
    /// # Panics
    ///
    /// When the request cannot be sent or the body not read.
    pub async fn post_form(&self, action: &str, fields: &[(&str, &str)], csrf_token: &str) -> Page {
        let url = self.url(action);
        let mut form: Vec<(&str, &str)> = fields.to_vec();
        form.push(("csrf_token", csrf_token));
        let response = self
            .client
            .post(&url)
            .form(&form)
            .send()
            .await
            .unwrap_or_else(|e| panic!("POST {url} failed: {e}"));
        read_page("POST", &url, response).await
    }

    /// Does what a person does: opens `form_page`, fills in `fields` and submits to `action`.
    /// Returns the answer to the POST (not following its redirect).
    ///
    /// # Panics
    ///
    /// When the form page is not 200 or carries no CSRF token.
    pub async fn submit(&self, form_page: &str, action: &str, fields: &[(&str, &str)]) -> Page {
        let html = self.get_ok(form_page).await;
        self.post_form(action, fields, &csrf_token(&html)).await
    }

    /// [`Browserless::submit`] that must succeed with a 303; returns the page redirected to.
    ///
    /// # Panics
    ///
    /// When the answer is not a 303 with a `Location`, or the target is not 200.
    pub async fn submit_ok(&self, form_page: &str, action: &str, fields: &[(&str, &str)]) -> Page {
        let answer = self.submit(form_page, action, fields).await;
        assert_eq!(answer.status, StatusCode::SEE_OTHER, "POST {action} was refused: {}", answer.body);
        let location = answer.location.unwrap_or_else(|| panic!("POST {action} redirected nowhere"));
        let target = self.get(&location).await;
        assert_eq!(target.status, StatusCode::OK, "GET {location} after POST {action}: {}", target.body);
        Page { location: Some(location), ..target }
    }

    /// Registers `username` with `password` through the form, which signs them in.
    pub async fn register(&self, username: &str, password: &str) -> Page {
        let email = format!("{username}@example.org");
        self.submit_ok(
            "/register",
            "/register",
            &[
                ("username", username),
                ("email", &email),
                ("password", password),
                ("password_confirmation", password),
            ],
        )
        .await
    }

    /// Signs in through the login form.
    pub async fn sign_in(&self, username: &str, password: &str) -> Page {
        self.submit_ok("/login", "/login", &[("username", username), ("password", password)]).await
    }
}

async fn read_page(method: &str, url: &str, response: reqwest::Response) -> Page {
    let status = response.status();
    let location = response.headers().get(LOCATION).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let body = response.text().await.unwrap_or_else(|e| panic!("{method} {url}: cannot read the body: {e}"));
    Page { status, location, body }
}

/// The value of the first `<input name="csrf_token" value="...">` in `html`.
///
/// # Panics
///
/// When the page has no such field; the message shows the start of the page.
pub fn csrf_token(html: &str) -> String {
    try_csrf_token(html).unwrap_or_else(|| {
        let start: String = html.chars().take(500).collect();
        panic!("no csrf_token field in the page:\n{start}")
    })
}

/// Like [`csrf_token`], `None` when the page has no token field. Attribute order does not matter.
pub fn try_csrf_token(html: &str) -> Option<String> {
    html.match_indices("<input").find_map(|(start, _)| {
        let rest = html.get(start..)?;
        let tag = rest.get(..rest.find('>')?)?;
        if !tag.contains(r#"name="csrf_token""#) {
            return None;
        }
        let value = tag.get(tag.find(r#" value=""#)? + r#" value=""#.len()..)?;
        Some(value.get(..value.find('"')?)?.to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_token_in_either_attribute_order() {
        let html = r#"<form><input name="title" value="x"><input type="hidden" name="csrf_token" value="abc-_123"></form>"#;
        assert_eq!(csrf_token(html), "abc-_123");
        let reversed = r#"<input value="t0k" type="hidden" name="csrf_token">"#;
        assert_eq!(try_csrf_token(reversed).as_deref(), Some("t0k"));
    }

    #[test]
    fn pages_without_a_token_yield_none() {
        assert_eq!(try_csrf_token("<p>no form</p>"), None);
        assert_eq!(try_csrf_token(r#"<input name="csrf_token" value="unterminated"#), None);
        assert_eq!(try_csrf_token(r#"<input name="csrf_token" data-value="x">"#), None);
    }

    #[test]
    fn urls_are_made_absolute_once() {
        let client = Browserless::new("http://localhost:1");
        assert_eq!(client.url("/g/x"), "http://localhost:1/g/x");
        assert_eq!(client.url("http://other:2/y"), "http://other:2/y");
    }
}

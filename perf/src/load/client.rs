//! One simulated person: a cookie-keeping browser without JavaScript and a Mastodon app's token,
//! both behind their own client address (sent as `X-Forwarded-For`, as a reverse proxy would, so
//! the server's per-address limits treat every client as the separate person it is).

use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::header::{HeaderMap, HeaderValue, LOCATION};
use reqwest::redirect::Policy;

use super::stats::{Outcome, Recorder};

/// The password of every account the load makes.
pub const PASSWORD: &str = "load test password 1";
/// How long one request may take before the client gives up (the server answers 408 after its
/// own `limits.request_timeout_seconds`, 30 s by default, first).
const CLIENT_TIMEOUT: Duration = Duration::from_secs(60);
/// A kept-alive connection unused this long is not used again. The server closes a connection
/// that sends no request headers within `limits.header_read_timeout_seconds` (10 s by default);
/// a client reusing it at that moment would see the connection closed under a request, as any
/// HTTP/1.1 client can, so like a well-behaved browser this one lets idle connections go first.
const IDLE_CONNECTION: Duration = Duration::from_secs(5);

/// One answer, read completely.
#[derive(Debug, Clone)]
pub struct Answer {
    pub status: u16,
    pub location: Option<String>,
    pub body: String,
}

/// A person's browser and app.
pub struct Client {
    pub index: usize,
    pub username: String,
    pub token: Option<String>,
    /// The last CSRF token a page carried (the double-submit cookie stays the same).
    pub csrf: Option<String>,
    base_url: String,
    http: reqwest::Client,
    recorder: Arc<Recorder>,
}

impl Client {
    /// A client with an empty cookie jar; `index` picks its address (10.x.y.z, distinct for the
    /// first 15 million clients).
    pub fn new(
        index: usize,
        username: String,
        base_url: &str,
        recorder: Arc<Recorder>,
    ) -> anyhow::Result<Self> {
        let mut headers = HeaderMap::new();
        let address = format!("10.{}.{}.{}", index / 62_500 % 250, index / 250 % 250, index % 250 + 1);
        headers.insert("x-forwarded-for", HeaderValue::from_str(&address)?);
        let http = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(Policy::none())
            .timeout(CLIENT_TIMEOUT)
            .pool_idle_timeout(IDLE_CONNECTION)
            .default_headers(headers)
            .user_agent("allmende-perf load")
            .build()?;
        Ok(Self {
            index,
            username,
            token: None,
            csrf: None,
            base_url: base_url.trim_end_matches('/').to_owned(),
            http,
            recorder,
        })
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    /// Sends `request`, reads the answer and records it under `route`. `None` when no answer came.
    pub async fn send(&mut self, route: &'static str, request: reqwest::RequestBuilder) -> Option<Answer> {
        let started = Instant::now();
        let answer = match request.send().await {
            Ok(response) => {
                let status = response.status().as_u16();
                let location =
                    response.headers().get(LOCATION).and_then(|v| v.to_str().ok()).map(str::to_owned);
                match response.text().await {
                    Ok(body) => Some(Answer { status, location, body }),
                    Err(error) => {
                        eprintln!("{route}: the answer could not be read: {error:?}");
                        None
                    }
                }
            }
            Err(error) => {
                eprintln!("{route}: no answer: {error:?}");
                None
            }
        };
        let outcome = answer.as_ref().map_or(Outcome::Transport, |a| Outcome::Status(a.status));
        self.recorder.record(route, outcome, started.elapsed());
        if let Some(answer) = &answer {
            if answer.body.contains("database is locked") {
                self.recorder.record_lock_error();
            }
            if let Some(token) = csrf_token(&answer.body) {
                self.csrf = Some(token);
            }
        }
        answer
    }

    pub async fn get(&mut self, route: &'static str, path: &str) -> Option<Answer> {
        let request = self.http.get(self.url(path));
        self.send(route, request).await
    }

    /// A form post with the CSRF token of the last page.
    pub async fn post_form(
        &mut self,
        route: &'static str,
        path: &str,
        fields: &[(&str, &str)],
    ) -> Option<Answer> {
        let csrf = self.csrf.clone().unwrap_or_default();
        let mut form: Vec<(&str, &str)> = fields.to_vec();
        form.push(("csrf_token", csrf.as_str()));
        let request = self.http.post(self.url(path)).form(&form);
        self.send(route, request).await
    }

    /// An API GET with the app's token.
    pub async fn api_get(&mut self, route: &'static str, path: &str) -> Option<Answer> {
        let request = self.authorised(self.http.get(self.url(path)));
        self.send(route, request).await
    }

    /// An API POST of form fields with the app's token.
    pub async fn api_post(
        &mut self,
        route: &'static str,
        path: &str,
        fields: &[(&str, &str)],
    ) -> Option<Answer> {
        let request = self.authorised(self.http.post(self.url(path)).form(fields));
        self.send(route, request).await
    }

    fn authorised(&self, request: reqwest::RequestBuilder) -> reqwest::RequestBuilder {
        match &self.token {
            Some(token) => request.bearer_auth(token),
            None => request,
        }
    }

    /// Opens the sign-in page and signs in with the form; true on success.
    pub async fn web_login(&mut self) -> bool {
        if self.get("GET /login", "/login").await.is_none() {
            return false;
        }
        let username = self.username.clone();
        let fields = [("username", username.as_str()), ("password", PASSWORD)];
        self.post_form("POST /login", "/login", &fields).await.is_some_and(|a| a.status == 303)
    }

    /// The OAuth password grant for `app`; keeps the token; true on success.
    pub async fn password_grant(&mut self, app: &App) -> bool {
        let username = self.username.clone();
        let fields = [
            ("grant_type", "password"),
            ("client_id", app.client_id.as_str()),
            ("client_secret", app.client_secret.as_str()),
            ("username", username.as_str()),
            ("password", PASSWORD),
            ("scope", "read write follow"),
        ];
        let request = self.http.post(self.url("/oauth/token")).form(&fields);
        let Some(answer) = self.send("POST /oauth/token (password)", request).await else {
            return false;
        };
        let token = serde_json::from_str::<serde_json::Value>(&answer.body)
            .ok()
            .and_then(|json| json["access_token"].as_str().map(str::to_owned));
        match token {
            Some(token) if answer.status == 200 => {
                self.token = Some(token);
                true
            }
            _ => false,
        }
    }
}

/// A Mastodon app registered for the load (its credentials for the password grant).
#[derive(Debug, Clone)]
pub struct App {
    pub client_id: String,
    pub client_secret: String,
}

/// The value of the `csrf_token` input of a page, if it has one.
pub fn csrf_token(html: &str) -> Option<String> {
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
    fn csrf_tokens_are_read_from_their_input() {
        let html = r#"<form><input type="hidden" name="csrf_token" value="abc123"><input name="x" value="y"></form>"#;
        assert_eq!(csrf_token(html).as_deref(), Some("abc123"));
        assert_eq!(csrf_token(r#"<input name="title" value="t">"#), None);
    }
}

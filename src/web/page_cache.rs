//! Conditional requests and a small in-process cache for the pages and documents many people
//! fetch: thread, group, post and person pages (and the ActivityPub JSON the same URLs answer),
//! the ActivityPub collections, the Atom feeds and the public timelines of the client API.
//!
//! One layer ([`serve`]) around those routes, no branches in their handlers:
//! - Every `200` answer of them gets a weak `ETag` (a hash of its body), `Vary` and
//!   `Cache-Control` (`private, no-cache` for a signed-in visitor, `public` with a short
//!   `max-age` otherwise), and a `Last-Modified` when one can be given safely; a matching
//!   `If-None-Match` (or, without one, a late enough `If-Modified-Since`) is answered `304`.
//! - For visitors who are not signed in (no session cookie, no `Authorization`, no HTTP
//!   signature), answers are kept in memory per path and query, interface language and format
//!   (page or ActivityPub JSON), bounded in count and bytes. An entry is good while nothing
//!   was written to the database since it was rendered (see `db::writes`: every write statement
//!   and commit of this process counts, and so does every write another server process on the
//!   same PostgreSQL database says it made, see `service::other_nodes`) and for at most
//!   `cache.ttl_seconds`. With several nodes, a write on one drops the pages of the others
//!   within about `other_nodes::NOTIFY_EVERY_MILLIS` plus the time a `NOTIFY` takes; the TTL
//!   bounds the rest (a node killed between its commit and its message).
//!
//! Pages carry the visitor's CSRF token in their forms (the language menu): an entry keeps its
//! body split at the token, and each visitor's own token is put back in when it is served.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::body::{Body, Bytes};
use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::csrf::{self, CSRF_COOKIE};
use super::i18n::negotiate::visitor_choice;
use super::session::{SESSION_COOKIE, cookie_value};
use crate::config::CacheConfig;
use crate::db::writes;
use crate::state::AppState;

/// Routes of pages and ActivityPub documents (the canonical URLs negotiate between the two).
const DOCUMENT_ROUTES: &[&str] = &[
    "/",
    "/groups",
    "/g/{name}",
    "/t/{id}",
    "/p/{id}",
    "/u/{name}",
    "/e/{id}",
    "/tags/{name}",
    "/projects",
    "/g/{name}/events",
    "/feed.atom",
    "/g/{name}/feed.atom",
    "/g/{name}/events.atom",
    "/t/{id}/context",
    "/t/{id}/replies",
    "/p/{id}/replies",
    "/u/{name}/followers",
    "/g/{name}/followers",
    "/u/{name}/outbox",
    "/g/{name}/outbox",
    "/g/{name}/moderators",
    "/g/{name}/featured",
    "/actor",
];

/// Routes of the client API whose answers to a visitor without a token are public.
const API_ROUTES: &[&str] =
    &["/api/v1/timelines/public", "/api/v1/timelines/tag/{hashtag}", "/api/v1/accounts/{id}/statuses"];

/// Answers of these types are kept and revalidated; anything else passes untouched.
const CONTENT_TYPES: &[&str] = &[
    "text/html",
    "application/activity+json",
    "application/ld+json",
    "application/json",
    "application/atom+xml",
];

/// The header that says whether an answer came from the cache (`hit`) or was rendered (`miss`).
pub const CACHE_STATUS: &str = "x-cache";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Document,
    Api,
}

impl Kind {
    fn of(request: &Request) -> Option<Self> {
        let route = request.extensions().get::<MatchedPath>()?.as_str();
        if DOCUMENT_ROUTES.contains(&route) {
            Some(Kind::Document)
        } else if API_ROUTES.contains(&route) {
            Some(Kind::Api)
        } else {
            None
        }
    }

    /// What the answer depends on besides the URL: the format (`Accept`), the interface
    /// language and who is signed in.
    fn vary(self) -> HeaderValue {
        match self {
            Kind::Document => HeaderValue::from_static("Accept, Accept-Language, Cookie"),
            Kind::Api => HeaderValue::from_static("Authorization"),
        }
    }
}

/// The cache of answers for visitors who are not signed in. One per server process.
pub struct PageCache {
    enabled: bool,
    ttl: Duration,
    max_entries: usize,
    max_bytes: usize,
    entries: RwLock<Entries>,
}

#[derive(Default)]
struct Entries {
    map: HashMap<String, Arc<Entry>>,
    bytes: usize,
}

struct Entry {
    /// `db::writes::count()` before it was rendered: good while that has not moved.
    writes: u64,
    last_write_millis: i64,
    filled: Instant,
    /// The service clock's time then (tests move it by hand; pages that depend on the time
    /// are then rendered again).
    filled_clock_millis: i64,
    /// The answer's headers, without `Set-Cookie`.
    headers: HeaderMap,
    /// The body, split where the rendering visitor's CSRF token was.
    parts: Vec<Bytes>,
    /// Of the body with the token left out.
    hash: u64,
    size: usize,
}

impl PageCache {
    pub fn new(config: &CacheConfig) -> Self {
        Self {
            enabled: config.pages && config.max_entries > 0 && config.ttl_seconds > 0,
            ttl: Duration::from_secs(config.ttl_seconds),
            max_entries: config.max_entries,
            max_bytes: config.max_bytes,
            entries: RwLock::new(Entries::default()),
        }
    }

    fn get(&self, key: &str, clock_millis: i64) -> Option<Arc<Entry>> {
        let entries = self.entries.read().ok()?;
        let entry = entries.map.get(key)?;
        self.is_fresh(entry, clock_millis).then(|| Arc::clone(entry))
    }

    fn is_fresh(&self, entry: &Entry, clock_millis: i64) -> bool {
        let ttl_millis = i64::try_from(self.ttl.as_millis()).unwrap_or(i64::MAX);
        entry.writes == writes::count()
            && entry.filled.elapsed() < self.ttl
            && (0..ttl_millis).contains(&(clock_millis - entry.filled_clock_millis))
    }

    fn insert(&self, key: String, entry: Arc<Entry>, clock_millis: i64) {
        if entry.size > self.max_bytes {
            return;
        }
        let Ok(mut entries) = self.entries.write() else { return };
        if let Some(old) = entries.map.remove(&key) {
            entries.bytes -= old.size;
        }
        if entries.map.len() >= self.max_entries || entries.bytes + entry.size > self.max_bytes {
            entries.map.retain(|_, e| self.is_fresh(e, clock_millis));
            entries.bytes = entries.map.values().map(|e| e.size).sum();
        }
        while entries.map.len() >= self.max_entries || entries.bytes + entry.size > self.max_bytes {
            let Some(oldest) = entries.map.iter().min_by_key(|(_, e)| e.filled).map(|(k, _)| k.clone())
            else {
                break;
            };
            if let Some(old) = entries.map.remove(&oldest) {
                entries.bytes -= old.size;
            }
        }
        entries.bytes += entry.size;
        entries.map.insert(key, entry);
    }

    /// How many answers are kept now (for tests).
    pub fn len(&self) -> usize {
        self.entries.read().map_or(0, |entries| entries.map.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The layer: see the module documentation.
pub async fn serve(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let kind = match Kind::of(&request) {
        Some(kind) if request.method() == Method::GET => kind,
        _ => return next.run(request).await,
    };
    let headers = request.headers();
    let anonymous = is_anonymous(headers);
    let conditions = Conditions::of(headers);
    let cache = &state.page_cache;
    let writes_before = writes::count();
    let last_write = writes::last_write_millis();
    let ttl = state.config.cache.ttl_seconds;

    if !(anonymous && cache.enabled) {
        let response = next.run(request).await;
        let fresh = writes::count() == writes_before;
        return revalidated(response, kind, anonymous, ttl, fresh.then_some(last_write), &conditions).await;
    }

    let key = cache_key(&request, kind);
    let visitor_token = csrf::visitor_token(headers);
    let clock_millis = state.ctx.now().millis();
    if let Some(entry) = cache.get(&key, clock_millis) {
        let token = match visitor_token {
            Some(token) => Token::Known(token),
            None => Token::New(csrf::new_token()),
        };
        return answer(&state, &entry, token, kind, ttl, &conditions, "hit");
    }
    let response = next.run(request).await;
    if !is_revalidatable(&response) {
        return response;
    }
    let (parts, body) = response.into_parts();
    let Ok(body) = axum::body::to_bytes(body, usize::MAX).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let Some(given_token) = csrf_cookie_only(&parts.headers) else {
        // Some other cookie is set: this answer is the visitor's own.
        let response = Response::from_parts(parts, Body::from(body));
        return revalidated(response, kind, anonymous, ttl, None, &conditions).await;
    };
    let token = match (visitor_token, given_token) {
        (Some(token), _) => Token::Known(token),
        (None, Some(token)) => Token::New(token),
        // Not a page with forms: the body has no token to take out.
        (None, None) => Token::Known(String::new()),
    };
    let mut stored_headers = parts.headers;
    stored_headers.remove(header::SET_COOKIE);
    // Each visitor's body is assembled anew (with their own token).
    stored_headers.remove(header::CONTENT_LENGTH);
    let body_parts = split_at(&body, token.value());
    let entry = Arc::new(Entry {
        writes: writes_before,
        last_write_millis: last_write,
        filled: Instant::now(),
        filled_clock_millis: clock_millis,
        hash: hash_parts(&body_parts),
        size: body.len() + 256,
        headers: stored_headers,
        parts: body_parts,
    });
    // A write while it was rendered: serve it this once, but do not keep it.
    if writes::count() == writes_before {
        cache.insert(key, Arc::clone(&entry), clock_millis);
    }
    answer(&state, &entry, token, kind, ttl, &conditions, "miss")
}

/// The visitor's CSRF token for a cached page: the one of their cookie, or a new one whose
/// cookie the answer sets.
enum Token {
    Known(String),
    New(String),
}

impl Token {
    fn value(&self) -> &str {
        match self {
            Token::Known(token) | Token::New(token) => token,
        }
    }
}

fn answer(
    state: &AppState,
    entry: &Entry,
    token: Token,
    kind: Kind,
    ttl: u64,
    conditions: &Conditions,
    status: &'static str,
) -> Response {
    let fresh = writes::count() == entry.writes;
    let last_modified = fresh.then(|| last_modified(entry.last_write_millis, ttl)).flatten();
    let (body, etag) = if entry.parts.len() > 1 {
        let token_bytes = token.value().as_bytes();
        let mut body = Vec::with_capacity(entry.size + entry.parts.len() * token_bytes.len());
        for (i, part) in entry.parts.iter().enumerate() {
            if i > 0 {
                body.extend_from_slice(token_bytes);
            }
            body.extend_from_slice(part);
        }
        let mut hasher = DefaultHasher::new();
        entry.hash.hash(&mut hasher);
        token.value().hash(&mut hasher);
        (Bytes::from(body), hasher.finish())
    } else {
        (entry.parts.first().cloned().unwrap_or_default(), entry.hash)
    };
    let mut response = Response::new(Body::empty());
    *response.headers_mut() = entry.headers.clone();
    let validators = Validators { etag: etag_value(etag), last_modified };
    let mut response = if validators.matches(conditions) {
        *response.status_mut() = StatusCode::NOT_MODIFIED;
        strip_for_not_modified(response.headers_mut());
        response
    } else {
        *response.body_mut() = Body::from(body);
        response
    };
    let set_cookie = matches!(token, Token::New(_)) && entry.parts.len() > 1;
    if set_cookie {
        csrf::give_token(state, &mut response, token.value());
    }
    validators.apply(response.headers_mut(), kind, cache_control(true, set_cookie, ttl));
    if let Ok(value) = HeaderValue::from_str(status) {
        response.headers_mut().insert(CACHE_STATUS, value);
    }
    response
}

/// Adds validators and caching headers to an answer that is not kept, and answers `304` when
/// the visitor's copy is current.
async fn revalidated(
    response: Response,
    kind: Kind,
    anonymous: bool,
    ttl: u64,
    last_write: Option<i64>,
    conditions: &Conditions,
) -> Response {
    if !is_revalidatable(&response) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(body) = axum::body::to_bytes(body, usize::MAX).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let mut hasher = DefaultHasher::new();
    hasher.write(&body);
    let validators = Validators {
        etag: etag_value(hasher.finish()),
        last_modified: last_write.and_then(|millis| last_modified(millis, ttl)),
    };
    let sets_cookie = parts.headers.contains_key(header::SET_COOKIE);
    let body = if validators.matches(conditions) {
        parts.status = StatusCode::NOT_MODIFIED;
        strip_for_not_modified(&mut parts.headers);
        Body::empty()
    } else {
        Body::from(body)
    };
    validators.apply(&mut parts.headers, kind, cache_control(anonymous, sets_cookie, ttl));
    Response::from_parts(parts, body)
}

/// A `200` of a type we keep, whose handler said nothing about caching itself.
fn is_revalidatable(response: &Response) -> bool {
    response.status() == StatusCode::OK
        && !response.headers().contains_key(header::CACHE_CONTROL)
        && !response.headers().contains_key(header::ETAG)
        && response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|ct| CONTENT_TYPES.iter().any(|t| ct.starts_with(t)))
}

fn cache_control(anonymous: bool, sets_cookie: bool, ttl: u64) -> HeaderValue {
    let value = match (anonymous, sets_cookie) {
        (false, _) => "private, no-cache".to_owned(),
        // An answer that gives a cookie is for this visitor alone.
        (true, true) => format!("private, max-age={ttl}"),
        (true, false) => format!("public, max-age={ttl}"),
    };
    HeaderValue::from_str(&value).unwrap_or(HeaderValue::from_static("private, no-cache"))
}

struct Validators {
    etag: HeaderValue,
    last_modified: Option<SystemTime>,
}

impl Validators {
    /// RFC 9110 13.2.2: `If-None-Match` first; `If-Modified-Since` only without it.
    fn matches(&self, conditions: &Conditions) -> bool {
        match (&conditions.if_none_match, conditions.if_modified_since) {
            (Some(tags), _) => etag_listed(tags, self.etag.to_str().unwrap_or_default()),
            (None, Some(since)) => self.last_modified.is_some_and(|modified| modified <= since),
            (None, None) => false,
        }
    }

    fn apply(&self, headers: &mut HeaderMap, kind: Kind, cache_control: HeaderValue) {
        headers.insert(header::ETAG, self.etag.clone());
        if let Some(modified) = self.last_modified
            && let Ok(value) = HeaderValue::from_str(&httpdate::fmt_http_date(modified))
        {
            headers.insert(header::LAST_MODIFIED, value);
        }
        headers.insert(header::CACHE_CONTROL, cache_control);
        headers.insert(header::VARY, kind.vary());
    }
}

/// `Last-Modified` from the time of this process's last write before the page was rendered:
/// the next whole second after it, and only once that second has begun, so any later write
/// gives a later date; and no earlier than `ttl` seconds ago, which bounds what writes of other
/// processes (unseen here) can hide, as for the cache.
fn last_modified(last_write_millis: i64, ttl: u64) -> Option<SystemTime> {
    let now = SystemTime::now().duration_since(UNIX_EPOCH).ok()?;
    let now_secs = now.as_secs();
    let after_write = u64::try_from(last_write_millis / 1000 + 1).ok()?;
    let seconds = after_write.max(now_secs.saturating_sub(ttl));
    (seconds <= now_secs).then(|| UNIX_EPOCH + Duration::from_secs(seconds))
}

struct Conditions {
    if_none_match: Option<String>,
    if_modified_since: Option<SystemTime>,
}

impl Conditions {
    fn of(headers: &HeaderMap) -> Self {
        let if_none_match = headers
            .get_all(header::IF_NONE_MATCH)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect::<Vec<_>>()
            .join(",");
        Self {
            if_none_match: (!if_none_match.is_empty()).then_some(if_none_match),
            if_modified_since: headers
                .get(header::IF_MODIFIED_SINCE)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| httpdate::parse_http_date(v).ok()),
        }
    }
}

/// Weak comparison (RFC 9110 8.8.3.2): `W/` prefixes do not matter; `*` matches anything.
fn etag_listed(list: &str, etag: &str) -> bool {
    let ours = etag.trim_start_matches("W/");
    list.split(',').map(str::trim).any(|tag| tag == "*" || tag.trim_start_matches("W/") == ours)
}

fn etag_value(hash: u64) -> HeaderValue {
    HeaderValue::from_str(&format!("W/\"{hash:016x}\"")).unwrap_or(HeaderValue::from_static("W/\"0\""))
}

/// A `304` carries the validators and caching headers, not the body's own headers.
fn strip_for_not_modified(headers: &mut HeaderMap) {
    headers.remove(header::CONTENT_LENGTH);
    headers.remove(header::CONTENT_TYPE);
}

/// Not signed in: no session cookie, no bearer token, no HTTP signature (a signed fetch may be
/// answered by who signed it).
fn is_anonymous(headers: &HeaderMap) -> bool {
    cookie_value(headers, SESSION_COOKIE).is_none()
        && !headers.contains_key(header::AUTHORIZATION)
        && !headers.contains_key("signature")
        && !headers.contains_key("signature-input")
}

/// The format (page or ActivityPub JSON), the interface language and the path with its query.
fn cache_key(request: &Request, kind: Kind) -> String {
    let format = match kind {
        Kind::Api => "api",
        Kind::Document if crate::federation::serve::wants_activity_json(request.headers()) => "ap",
        Kind::Document => "page",
    };
    let language = visitor_choice(request.headers()).unwrap_or("-");
    let target = request.uri().path_and_query().map_or("/", |pq| pq.as_str());
    format!("{format} {language} {target}")
}

/// `Some(token)` when the answer sets no cookie but, at most, a new visitor's CSRF token;
/// `None` when it sets any other cookie.
fn csrf_cookie_only(headers: &HeaderMap) -> Option<Option<String>> {
    let mut token = None;
    for value in headers.get_all(header::SET_COOKIE) {
        let value = value.to_str().ok()?;
        let pair = value.split(';').next().unwrap_or_default();
        let (name, cookie) = pair.split_once('=')?;
        if name.trim() != CSRF_COOKIE {
            return None;
        }
        token = Some(cookie.trim().to_owned());
    }
    Some(token)
}

/// The body in pieces between the places `token` was.
fn split_at(body: &Bytes, token: &str) -> Vec<Bytes> {
    let needle = token.as_bytes();
    if needle.is_empty() {
        return vec![body.clone()];
    }
    let mut parts = Vec::new();
    let mut start = 0;
    let mut at = 0;
    while let Some(found) = find(&body[at..], needle) {
        let position = at + found;
        parts.push(body.slice(start..position));
        start = position + needle.len();
        at = start;
    }
    parts.push(body.slice(start..));
    parts
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let first = *needle.first()?;
    let mut from = 0;
    while from + needle.len() <= haystack.len() {
        let offset = haystack[from..].iter().position(|b| *b == first)?;
        let candidate = from + offset;
        if haystack.get(candidate..candidate + needle.len()) == Some(needle) {
            return Some(candidate);
        }
        from = candidate + 1;
    }
    None
}

fn hash_parts(parts: &[Bytes]) -> u64 {
    let mut hasher = DefaultHasher::new();
    for part in parts {
        hasher.write(part);
        // The places of the tokens count too.
        hasher.write_u8(0xff);
    }
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_splits_at_each_token_and_joins_back() {
        let body = Bytes::from_static(b"<form>TOKEN</form><form>TOKEN</form>end");
        let parts = split_at(&body, "TOKEN");
        assert_eq!(parts.len(), 3);
        assert_eq!(parts.concat(), b"<form></form><form></form>end".to_vec());
        assert_eq!(split_at(&body, "").len(), 1);
        assert_eq!(split_at(&Bytes::from_static(b"none here"), "TOKEN").len(), 1);
    }

    #[test]
    fn etags_compare_weakly_and_in_lists() {
        assert!(etag_listed("W/\"abc\"", "W/\"abc\""));
        assert!(etag_listed("\"x\", \"abc\"", "W/\"abc\""));
        assert!(etag_listed("*", "W/\"abc\""));
        assert!(!etag_listed("W/\"abd\"", "W/\"abc\""));
    }

    #[test]
    fn last_modified_is_after_the_last_write_and_never_in_the_future() {
        let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
        let millis = i64::try_from(now.as_millis()).unwrap_or_default();
        assert_eq!(last_modified(millis, 5), None, "the write's second has not ended");
        let earlier = last_modified(millis - 60_000, 5).unwrap_or(UNIX_EPOCH);
        let age = SystemTime::now().duration_since(earlier).unwrap_or_default();
        assert!(age <= Duration::from_secs(6), "no older than the TTL allows: {age:?}");
        let long_ttl = last_modified(millis - 60_000, 3600).unwrap_or(UNIX_EPOCH);
        let expected =
            UNIX_EPOCH + Duration::from_secs(u64::try_from((millis - 60_000) / 1000 + 1).unwrap_or(0));
        assert_eq!(long_ttl, expected);
    }

    #[test]
    fn only_the_csrf_cookie_may_be_set() {
        let mut headers = HeaderMap::new();
        assert_eq!(csrf_cookie_only(&headers), Some(None));
        headers.append(header::SET_COOKIE, HeaderValue::from_static("allmende_csrf=abc; Path=/; HttpOnly"));
        assert_eq!(csrf_cookie_only(&headers), Some(Some("abc".to_owned())));
        headers.append(header::SET_COOKIE, HeaderValue::from_static("allmende_lang=de; Path=/"));
        assert_eq!(csrf_cookie_only(&headers), None);
    }
}

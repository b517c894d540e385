//! What the request log records of each request's address: the path, and the query with the
//! values of credentials (`access_token`, `password`, `client_secret`, codes...) replaced, so a
//! token a client put in a URL never lands in the logs.

use axum::http::Uri;

/// Query parameters whose values are credentials.
const SECRET_PARAMETERS: &[&str] = &[
    "access_token",
    "refresh_token",
    "token",
    "password",
    "client_secret",
    "code",
    "code_verifier",
    "csrf_token",
];

/// The query of `uri` (empty without one) with credential values replaced by `***`.
pub fn loggable_query(uri: &Uri) -> String {
    let Some(query) = uri.query() else {
        return String::new();
    };
    let redacted: Vec<String> = query
        .split('&')
        .map(|pair| {
            let (name, _) = pair.split_once('=').unwrap_or((pair, ""));
            let decoded: String =
                form_urlencoded::parse(name.as_bytes()).map(|(k, _)| k.into_owned()).collect();
            if SECRET_PARAMETERS.contains(&decoded.to_ascii_lowercase().as_str()) {
                format!("{name}=***")
            } else {
                pair.to_owned()
            }
        })
        .collect();
    redacted.join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_in_the_query_are_not_logged() {
        let uri: Uri =
            "/api/v1/streaming?stream=user&access_token=SECRET1&acc%65ss_token=SECRET2".parse().unwrap();
        let logged = loggable_query(&uri);
        assert!(!logged.contains("SECRET"), "{logged}");
        assert!(logged.contains("stream=user"), "{logged}");
        let uri: Uri = "/oauth/authorize?client_id=abc&password=hunter22&code=xyz".parse().unwrap();
        let logged = loggable_query(&uri);
        assert!(!logged.contains("hunter22") && !logged.contains("xyz"), "{logged}");
        assert_eq!(loggable_query(&"/about".parse().unwrap()), "");
    }
}

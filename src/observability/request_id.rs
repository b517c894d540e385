//! Every request gets an id: the `X-Request-Id` a client or proxy sent, if it is sane (short,
//! visible ASCII), else a new ULID-like one. It is echoed in the answer's `X-Request-Id` and
//! recorded in the request's tracing span, so each log line of the request carries it.

use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

pub const REQUEST_ID_HEADER: HeaderName = HeaderName::from_static("x-request-id");

/// The longest incoming id we keep; longer ones are replaced.
const MAX_INCOMING_LENGTH: usize = 64;

/// The request's id, in the request's extensions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestId(String);

impl RequestId {
    /// The incoming header's value when it is sane, else a new id.
    pub fn from_header(value: Option<&HeaderValue>) -> Self {
        value
            .and_then(|value| value.to_str().ok())
            .filter(|text| is_sane(text))
            .map_or_else(Self::generate, |text| Self(text.to_owned()))
    }

    /// A new id: 48 bits of milliseconds since the epoch and 80 random bits in Crockford's
    /// base 32, 26 characters that sort by time (the ULID layout).
    pub fn generate() -> Self {
        let millis = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |elapsed| elapsed.as_millis());
        let random: u128 = rand::random::<u128>() & ((1u128 << 80) - 1);
        let value = ((millis & ((1u128 << 48) - 1)) << 80) | random;
        const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        let id = (0..26)
            .rev()
            .map(|digit| char::from(ALPHABET[usize::try_from((value >> (digit * 5)) & 31).unwrap_or(0)]))
            .collect();
        Self(id)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for RequestId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Short and visible ASCII only: nothing that could forge a log line or bloat every entry.
fn is_sane(text: &str) -> bool {
    !text.is_empty() && text.len() <= MAX_INCOMING_LENGTH && text.bytes().all(|b| b.is_ascii_graphic())
}

/// The outermost layer: assigns the id before anything else runs and echoes it in the answer.
pub async fn assign(mut request: Request, next: Next) -> Response {
    let id = RequestId::from_header(request.headers().get(REQUEST_ID_HEADER));
    let header = HeaderValue::from_str(id.as_str()).ok();
    request.extensions_mut().insert(id);
    let mut response = next.run(request).await;
    if let Some(header) = header {
        response.headers_mut().insert(REQUEST_ID_HEADER, header);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sane_incoming_ids_are_kept_and_others_replaced() {
        let kept = RequestId::from_header(Some(&HeaderValue::from_static("proxy-4711.abc")));
        assert_eq!(kept.as_str(), "proxy-4711.abc");
        for insane in ["", "two words", &"x".repeat(65)] {
            let header = HeaderValue::from_str(insane).unwrap();
            let replaced = RequestId::from_header(Some(&header));
            assert_ne!(replaced.as_str(), insane);
            assert_eq!(replaced.as_str().len(), 26);
        }
        let non_ascii = HeaderValue::from_bytes("zoë".as_bytes()).unwrap();
        assert_eq!(RequestId::from_header(Some(&non_ascii)).as_str().len(), 26);
    }

    #[test]
    fn new_ids_are_distinct_and_sort_by_time() {
        let first = RequestId::generate();
        std::thread::sleep(std::time::Duration::from_millis(2));
        let second = RequestId::generate();
        assert_ne!(first, second);
        assert!(first.as_str()[..10] < second.as_str()[..10], "{first} then {second}");
        assert!(first.as_str().bytes().all(|b| b.is_ascii_alphanumeric()));
    }
}

//! Loopback networking: free ports and a dependency-free readiness probe.

use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::time::{Duration, Instant};

/// Asks the operating system for a free port on 127.0.0.1.
///
/// The listener is dropped before the port is handed on, so another process may take the port in
/// between; [`crate::Instance::start`] notices a failed bind and retries with a fresh port, and
/// counts a server as started only once it said it bound the port ([`announced_listening`]).
pub fn free_port() -> std::io::Result<u16> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?;
    Ok(listener.local_addr()?.port())
}

/// Whether a server's stdout (of this start only) says that it has bound `port`: the line
/// `allmende serve` prints once its listener is bound.
///
/// A `/healthz` answer on the port alone does not show that: the port is handed on free, and
/// another process (another test's server, given the same free port) may bind it while ours
/// is still starting. That server answers `/healthz` too, and every later request, so a
/// person created with the CLI in our data directory is unknown to it ("wrong username or
/// password"). Ours then fails to bind, but only once it gets that far. Only a server that
/// announced its bind holds the port (two listeners cannot share it).
pub(crate) fn announced_listening(stdout: &str, port: u16) -> bool {
    stdout.contains(&format!("is listening on http://127.0.0.1:{port} "))
}

/// The status code of `GET path` on 127.0.0.1:`port`, sent with the given `Host` header, or `None`
/// when nothing answers (yet).
///
/// Plain blocking sockets instead of reqwest, so that starting an instance needs no async runtime
/// and works the same from synchronous tests, async tests and `Drop`.
pub(crate) fn probe_status(port: u16, host: &str, path: &str) -> Option<u16> {
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(1)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    stream.set_write_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").ok()?;
    let mut head = [0u8; 64];
    let read = stream.read(&mut head).ok()?;
    let status_line = std::str::from_utf8(head.get(..read)?).ok()?;
    status_line.strip_prefix("HTTP/1.")?.split_whitespace().nth(1)?.parse().ok()
}

/// Calls `check` every `period` until it returns `Some`, or gives up with `None` after `limit`.
pub(crate) fn poll<T>(limit: Duration, period: Duration, mut check: impl FnMut() -> Option<T>) -> Option<T> {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(value) = check() {
            return Some(value);
        }
        if Instant::now() >= deadline {
            return None;
        }
        std::thread::sleep(period);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_ports_are_bindable_and_unanswered() {
        let port = free_port().expect("a free port");
        assert_ne!(port, 0);
        assert_eq!(probe_status(port, "localhost", "/"), None);
        TcpListener::bind((Ipv4Addr::LOCALHOST, port)).expect("the port is free again");
    }

    #[test]
    fn only_the_bind_of_this_port_counts() {
        let line = "Allmende is listening on http://127.0.0.1:4242 (public URL http://localhost:4242).";
        assert!(announced_listening(line, 4242));
        assert!(!announced_listening(line, 424));
        assert!(!announced_listening("Error: cannot listen on 127.0.0.1:4242: in use", 4242));
    }

    #[test]
    fn poll_gives_up_after_the_limit() {
        let mut calls = 0;
        let found = poll(Duration::from_millis(30), Duration::from_millis(10), || {
            calls += 1;
            None::<()>
        });
        assert_eq!(found, None);
        assert!(calls >= 2);
    }
}

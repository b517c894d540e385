//! The HTTP server loop: the router on hyper connections with a header read timeout. A client
//! that sends its request headers a byte at a time is disconnected when the timeout passes,
//! instead of holding a connection (and a task) for as long as it likes; `axum::serve` sets no
//! timer, so hyper's own header timeout never fires there. Slow bodies are cut off by the
//! router's request timeout (408).
//!
//! Each request also gets its [`RequestOrigin`]: who sent it, with the forwarded headers of a
//! trusted reverse proxy taken into account (see `client_address`).

use std::future::Future;
use std::net::SocketAddr;
use std::time::Duration;

use axum::Router;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto;
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tower::ServiceExt;

use crate::client_address::RequestOrigin;
use crate::config::Networks;

/// Serves `router` on `listener` until `shutdown` completes, then lets open requests finish.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    header_read_timeout: Duration,
    trusted_proxies: Networks,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, remote) = tokio::select! {
            () = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    // Out of file descriptors and the like: wait a little instead of spinning.
                    tracing::warn!(%error, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let router = router.clone();
        let trusted_proxies = trusted_proxies.clone();
        let service = hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
            let origin = RequestOrigin::resolve(remote.ip(), request.headers(), &trusted_proxies);
            request.extensions_mut().insert(ConnectInfo::<SocketAddr>(remote));
            request.extensions_mut().insert(origin);
            router.clone().oneshot(request.map(axum::body::Body::new))
        });
        let watcher = graceful.watcher();
        tokio::spawn(async move {
            let mut builder = auto::Builder::new(TokioExecutor::new()).http1_only();
            builder.http1().timer(TokioTimer::new()).header_read_timeout(header_read_timeout);
            // WebSockets of the streaming API take the connection over after the handshake.
            let connection = builder.serve_connection_with_upgrades(TokioIo::new(stream), service);
            if let Err(error) = watcher.watch(connection).await {
                tracing::debug!(%error, "connection ended with an error");
            }
        });
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}

//! Name resolution for every outgoing federation request (key, object and collection fetches,
//! WebFinger, deliveries, search). The client's own resolver looks the name up, drops every
//! address a peer may not make us reach (loopback, private networks...), and hands only the
//! remaining ones to the connection. The address that was checked is the address connected to:
//! a name that answers a public address to a first lookup and a private one to a second (DNS
//! rebinding) cannot get past the check, since there is no second lookup.

use std::io;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use futures_util::future::BoxFuture;
use reqwest::dns::{Addrs, Name, Resolve, Resolving};

use super::address::is_public;
use crate::config::Networks;

/// Which addresses outgoing requests may connect to.
#[derive(Debug, Clone, Default)]
pub struct AddressPolicy {
    /// Development and tests (`insecure_http`): any address, loopback included.
    pub insecure: bool,
    /// Non-public networks peers may be on anyway (`federation.allowed_private_networks`).
    pub allowed_private_networks: Networks,
}

impl AddressPolicy {
    pub fn allows(&self, address: IpAddr) -> bool {
        self.insecure || is_public(address) || self.allowed_private_networks.contains(address)
    }
}

/// The error a connection fails with when a name resolves to refused addresses only. It stays
/// in the error's source chain, so callers can tell it from an unreachable peer.
#[derive(Debug, thiserror::Error)]
#[error("{host} resolves to no address we may connect to")]
pub struct RefusedAddress {
    pub host: String,
}

/// Whether `error` (or one of its causes) is a [`RefusedAddress`].
pub fn is_refused_address(error: &(dyn std::error::Error + 'static)) -> bool {
    let mut current = Some(error);
    while let Some(error) = current {
        if error.is::<RefusedAddress>() {
            return true;
        }
        // An `io::Error` wrapping it skips it in `source()`: look inside.
        if let Some(io_error) = error.downcast_ref::<io::Error>()
            && io_error.get_ref().is_some_and(|inner| inner.is::<RefusedAddress>())
        {
            return true;
        }
        current = error.source();
    }
    false
}

type BoxError = Box<dyn std::error::Error + Send + Sync>;

type LookupFn = Arc<dyn Fn(String) -> BoxFuture<'static, io::Result<Vec<IpAddr>>> + Send + Sync>;

/// The resolver handed to the federation client (`reqwest::ClientBuilder::dns_resolver`).
#[derive(Clone)]
pub struct GuardedResolver {
    policy: AddressPolicy,
    lookup: LookupFn,
}

impl GuardedResolver {
    /// Looks names up with the system resolver.
    pub fn new(policy: AddressPolicy) -> Self {
        Self::with_lookup(policy, |host| {
            Box::pin(async move {
                Ok(tokio::net::lookup_host((host.as_str(), 0)).await?.map(|a| a.ip()).collect())
            })
        })
    }

    /// Looks names up with `lookup` (tests: a name server that changes its answers).
    pub fn with_lookup(
        policy: AddressPolicy,
        lookup: impl Fn(String) -> BoxFuture<'static, io::Result<Vec<IpAddr>>> + Send + Sync + 'static,
    ) -> Self {
        Self { policy, lookup: Arc::new(lookup) }
    }

    /// The addresses of `host` a connection may use; [`RefusedAddress`] when none is left.
    pub async fn allowed_addresses(&self, host: &str) -> Result<Vec<IpAddr>, BoxError> {
        let host = host.trim_start_matches('[').trim_end_matches(']');
        let found = match host.parse::<IpAddr>() {
            Ok(literal) => vec![literal],
            Err(_) => (self.lookup)(host.to_owned()).await?,
        };
        let allowed: Vec<IpAddr> = found.into_iter().filter(|ip| self.policy.allows(*ip)).collect();
        if allowed.is_empty() {
            return Err(Box::new(RefusedAddress { host: host.to_owned() }));
        }
        Ok(allowed)
    }
}

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let resolver = self.clone();
        Box::pin(async move {
            let allowed = resolver.allowed_addresses(name.as_str()).await?;
            // Port 0 is replaced by the URL's port when connecting.
            let addresses: Addrs = Box::new(allowed.into_iter().map(|ip| SocketAddr::new(ip, 0)));
            Ok(addresses)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    fn strict() -> AddressPolicy {
        AddressPolicy::default()
    }

    #[tokio::test]
    async fn only_allowed_addresses_reach_the_connection() {
        let resolver = GuardedResolver::with_lookup(strict(), |_| {
            Box::pin(async { Ok(vec![ip("127.0.0.1"), ip("93.184.216.34"), ip("10.0.0.1")]) })
        });
        assert_eq!(resolver.allowed_addresses("mixed.example").await.unwrap(), vec![ip("93.184.216.34")]);
    }

    #[tokio::test]
    async fn a_rebinding_name_cannot_switch_to_a_private_address() {
        // First answer public, every later one loopback: each connection resolves once, through
        // the filter, so the loopback answer is refused whenever it comes.
        let calls = Arc::new(AtomicUsize::new(0));
        let counter = calls.clone();
        let resolver = GuardedResolver::with_lookup(strict(), move |_| {
            let first = counter.fetch_add(1, Ordering::SeqCst) == 0;
            Box::pin(async move { Ok(vec![if first { ip("93.184.216.34") } else { ip("127.0.0.1") }]) })
        });
        assert!(resolver.allowed_addresses("rebind.example").await.is_ok());
        let error = resolver.allowed_addresses("rebind.example").await.unwrap_err();
        assert!(is_refused_address(error.as_ref()), "{error}");
    }

    #[tokio::test]
    async fn literals_and_allowed_networks_follow_the_policy() {
        let resolver = GuardedResolver::with_lookup(strict(), |_| Box::pin(async { Ok(vec![]) }));
        assert!(resolver.allowed_addresses("[::1]").await.is_err());
        assert!(resolver.allowed_addresses("nothing.example").await.is_err());
        let policy = AddressPolicy {
            insecure: false,
            allowed_private_networks: Networks::parse("10.1.0.0/16").unwrap(),
        };
        let resolver = GuardedResolver::with_lookup(policy, |_| Box::pin(async { Ok(vec![ip("10.1.2.3")]) }));
        assert_eq!(resolver.allowed_addresses("lan.example").await.unwrap(), vec![ip("10.1.2.3")]);
        let insecure = AddressPolicy { insecure: true, ..AddressPolicy::default() };
        let resolver =
            GuardedResolver::with_lookup(insecure, |_| Box::pin(async { Ok(vec![ip("127.0.0.1")]) }));
        assert!(resolver.allowed_addresses("localhost").await.is_ok(), "tests talk to loopback peers");
    }
}

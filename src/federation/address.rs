//! Which network addresses a fetch may go to. Remote servers name URLs; without this check a
//! hostile peer could make us fetch from loopback or the operator's private network.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// True for addresses on the public internet; false for loopback, private, link-local, CGNAT,
/// unspecified, multicast, broadcast, reserved, documentation, unique-local and IPv4-mapped
/// private addresses, and for the tunnelling and deprecated ranges that can carry traffic to
/// any IPv4 address (6to4 relays, Teredo, IPv4-compatible IPv6, site-local).
pub fn is_public(address: IpAddr) -> bool {
    match address {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => is_public_v6(v6),
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    !(ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_unspecified()
        || ip.is_multicast()
        || ip.is_broadcast()
        || ip.is_documentation()
        || a == 0
        || (a == 100 && (64..=127).contains(&b))
        || (a == 192 && b == 0 && c == 0)
        // 6to4 relay anycast (RFC 7526): a relay forwards to whatever the packet names.
        || (a == 192 && b == 88 && c == 99)
        || (a == 198 && (b == 18 || b == 19))
        || a >= 240)
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    if let Some(mapped) = ip.to_ipv4_mapped() {
        return is_public_v4(mapped);
    }
    let segments = ip.segments();
    let first = segments[0];
    // `::a.b.c.d` (IPv4-compatible, deprecated by RFC 4291): systems may route it to the IPv4
    // address it embeds. `::` and `::1` are in this range too.
    let ipv4_compatible = segments[..6].iter().all(|&s| s == 0);
    !(ipv4_compatible
        || ip.is_multicast()
        || (first & 0xfe00) == 0xfc00
        || (first & 0xffc0) == 0xfe80
        // Site-local (deprecated by RFC 3879), still routed inside some networks.
        || (first & 0xffc0) == 0xfec0
        // 6to4 (2002::/16) embeds any IPv4 address; Teredo (2001::/32) too.
        || first == 0x2002
        || (first == 0x2001 && segments[1] == 0x0000)
        || (first == 0x2001 && segments[1] == 0x0db8)
        || (first == 0x0064 && segments[1] == 0xff9b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(address: &str) -> bool {
        !is_public(address.parse().unwrap())
    }

    #[test]
    fn refuses_ipv4_compatible_ipv6() {
        assert!(refused("::127.0.0.1"));
        assert!(refused("::10.0.0.1"));
        assert!(refused("::93.184.216.34"), "deprecated, whatever it embeds");
    }

    #[test]
    fn refuses_6to4() {
        assert!(refused("2002:7f00:1::1"), "6to4 of 127.0.0.1");
        assert!(refused("2002:5db8:d822::1"), "6to4 of a public address");
    }

    #[test]
    fn refuses_teredo() {
        assert!(refused("2001:0:4136:e378:8000:63bf:3fff:fdd2"));
        assert!(refused("2001::1"));
        assert!(!refused("2001:4860:4860::8888"), "other 2001: networks are public");
    }

    #[test]
    fn refuses_site_local() {
        assert!(refused("fec0::1"));
        assert!(refused("feff:ffff::1"));
    }

    #[test]
    fn refuses_the_6to4_relay_anycast_range() {
        assert!(refused("192.88.99.1"));
        assert!(refused("::ffff:192.88.99.1"));
        assert!(!refused("192.88.98.1"));
    }

    #[test]
    fn refuses_every_non_public_range() {
        for refused in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "100.127.255.255",
            "0.0.0.0",
            "224.0.0.1",
            "255.255.255.255",
            "240.0.0.1",
            "192.0.2.1",
            "198.18.0.1",
            "::1",
            "::",
            "fc00::1",
            "fd12:3456::1",
            "fe80::1",
            "ff02::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "2001:db8::1",
        ] {
            let ip: IpAddr = refused.parse().unwrap();
            assert!(!is_public(ip), "{refused} must be refused");
        }
        for allowed in
            ["93.184.216.34", "1.1.1.1", "100.128.0.1", "2606:4700:4700::1111", "::ffff:93.184.216.34"]
        {
            assert!(is_public(allowed.parse().unwrap()), "{allowed} is public");
        }
    }
}

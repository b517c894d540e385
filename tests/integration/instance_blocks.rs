//! A domain block covers the blocked host on every port and all its subdomains, in the inbox,
//! signed fetches and delivery; a block naming a port covers that port only.

use allmende::service::peers;
use reqwest::StatusCode;
use serde_json::json;

use crate::common::TestApp;
use crate::on_both_backends;
use crate::peer::Peer;
use crate::signed_fetch::{set_policy, signed_get, with_thread};

pub async fn a_block_covers_other_ports_and_subdomains(app: TestApp) {
    set_policy(&app, "evil.example", "blocked").await;
    set_policy(&app, "other.example:8443", "blocked").await;
    for host in ["evil.example", "evil.example:8443", "a.evil.example", "b.a.evil.example:1", "EVIL.example."]
    {
        assert!(peers::is_blocked(&app.ctx, host).await.expect("policy"), "{host} is covered");
        assert!(peers::is_refused(&app.ctx, host).await.expect("policy"), "{host} is refused");
    }
    for host in ["notevil.example", "evil.example.org", "example", "other.example", "other.example:9000"] {
        assert!(!peers::is_blocked(&app.ctx, host).await.expect("policy"), "{host} is not covered");
    }
    assert!(peers::is_blocked(&app.ctx, "other.example:8443").await.expect("policy"));
}

/// The peer runs on 127.0.0.1 with a port of its own; blocking `127.0.0.1` without a port shuts
/// it out of the inbox and signed fetches, before any key is fetched.
pub async fn a_block_without_port_shuts_out_every_port(app: TestApp) {
    let thread = with_thread(&app).await;
    let mut peer = Peer::start().await;
    let zoe = peer.add_actor("zoe", "Person");
    set_policy(&app, "127.0.0.1", "blocked").await;
    let follow = json!({"@context": "https://www.w3.org/ns/activitystreams", "id": peer.url("/follows/1"),
        "type": "Follow", "actor": zoe, "object": app.state.uris.absolute("/g/energy")});
    assert_eq!(peer.deliver(&zoe, &app.url("/inbox"), &follow).await, StatusCode::FORBIDDEN);
    let key = format!("{zoe}#main-key");
    assert_eq!(signed_get(&app, &thread, &key, peer.private_key(&zoe)).await, StatusCode::FORBIDDEN);
    assert_eq!(peer.fetch_count(), 0, "nothing is fetched from a blocked host");
    assert_eq!(crate::common::count_rows(&app, "follows").await, 0);
}

on_both_backends!(a_block_covers_other_ports_and_subdomains, a_block_without_port_shuts_out_every_port);

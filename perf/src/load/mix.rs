//! The scenario mix: what a client does next, with weights that resemble a forum's day (mostly
//! reading pages and timelines, some posting, replying and liking, a few sign-ins, and the
//! deliveries of other servers), and how each action is carried out.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use rand::Rng;

use super::client::{Answer, App, Client};
use super::ledger::{Ledger, PostRef, Write};
use super::peers::FakePeers;

/// Everything the clients share during the run.
pub struct Shared {
    pub run: String,
    pub groups: Vec<String>,
    pub app: App,
    pub ledger: Arc<Ledger>,
    pub peers: FakePeers,
    sequence: AtomicU64,
}

impl Shared {
    pub fn new(run: String, groups: Vec<String>, app: App, ledger: Arc<Ledger>, peers: FakePeers) -> Self {
        Self { run, groups, app, ledger, peers, sequence: AtomicU64::new(0) }
    }

    /// A text nobody else writes, to find the post again.
    pub fn marker(&self, client: usize) -> String {
        let n = self.sequence.fetch_add(1, Ordering::Relaxed);
        format!("lw{}c{client}n{n}", self.run)
    }

    fn random_group(&self) -> Option<String> {
        let index = rand::rng().random_range(0..self.groups.len().max(1));
        self.groups.get(index).cloned()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    ReadThread,
    ReadGroup,
    ReadHome,
    ApiPublicTimeline,
    ApiHomeTimeline,
    ApiContext,
    WebLogin,
    OauthLogin,
    WebThread,
    WebReply,
    WebLike,
    ApiReply,
    ApiPost,
    ApiFavourite,
    InboxReply,
    InboxLike,
}

/// Weights out of 1000.
pub const MIX: [(Action, u32); 16] = [
    (Action::ReadThread, 220),
    (Action::ReadGroup, 110),
    (Action::ReadHome, 40),
    (Action::ApiPublicTimeline, 100),
    (Action::ApiHomeTimeline, 80),
    (Action::ApiContext, 50),
    (Action::WebLogin, 8),
    (Action::OauthLogin, 7),
    (Action::WebThread, 35),
    (Action::WebReply, 80),
    (Action::WebLike, 50),
    (Action::ApiReply, 60),
    (Action::ApiPost, 20),
    (Action::ApiFavourite, 50),
    (Action::InboxReply, 50),
    (Action::InboxLike, 40),
];

/// Picks the next action by weight.
pub fn choose(rng: &mut impl Rng) -> Action {
    let total: u32 = MIX.iter().map(|(_, w)| w).sum();
    let mut roll = rng.random_range(0..total);
    for (action, weight) in MIX {
        if roll < weight {
            return action;
        }
        roll -= weight;
    }
    Action::ReadThread
}

/// Carries out one action as `client`.
pub async fn perform(action: Action, client: &mut Client, shared: &Shared) {
    let ledger = &shared.ledger;
    match action {
        Action::ReadThread => {
            if let Some(target) = ledger.pick_target() {
                client.get("GET /t/{id}", &format!("/t/{}", target.root)).await;
            }
        }
        Action::ReadGroup => {
            if let Some(group) = shared.random_group() {
                client.get("GET /g/{name}", &format!("/g/{group}")).await;
            }
        }
        Action::ReadHome => {
            client.get("GET /", "/").await;
        }
        Action::ApiPublicTimeline => {
            client.api_get("GET /api/v1/timelines/public", "/api/v1/timelines/public?limit=20").await;
        }
        Action::ApiHomeTimeline => {
            client.api_get("GET /api/v1/timelines/home", "/api/v1/timelines/home?limit=20").await;
        }
        Action::ApiContext => {
            if let Some(target) = ledger.pick_target() {
                let path = format!("/api/v1/statuses/{}/context", target.root);
                client.api_get("GET /api/v1/statuses/{id}/context", &path).await;
            }
        }
        Action::WebLogin => {
            client.web_login().await;
        }
        Action::OauthLogin => {
            client.password_grant(&shared.app).await;
        }
        Action::WebThread => web_thread(client, shared).await,
        Action::WebReply => web_reply(client, shared).await,
        Action::WebLike => web_like(client, shared).await,
        Action::ApiReply => api_status(client, shared, true).await,
        Action::ApiPost => api_status(client, shared, false).await,
        Action::ApiFavourite => api_favourite(client, shared).await,
        Action::InboxReply => inbox_reply(shared).await,
        Action::InboxLike => inbox_like(shared).await,
    }
}

/// Notes a write without an answer; the checks then allow for it.
fn unanswered(ledger: &Ledger, answer: &Option<Answer>) {
    if answer.is_none() {
        ledger.record_unanswered();
    }
}

/// Opens a group's new-thread form and posts it; the redirect names the thread.
pub async fn web_thread(client: &mut Client, shared: &Shared) {
    let Some(group) = shared.random_group() else { return };
    if client.get("GET /g/{name}/threads/new", &format!("/g/{group}/threads/new")).await.is_none() {
        return;
    }
    let marker = shared.marker(client.index);
    let title = format!("Load thread {marker}");
    let body = format!("Opening words of {marker}: who brings the cargo bikes on Saturday?");
    let fields = [("title", title.as_str()), ("body", body.as_str())];
    let answer = client.post_form("POST /g/{name}/threads", &format!("/g/{group}/threads"), &fields).await;
    unanswered(&shared.ledger, &answer);
    let Some(answer) = answer.filter(|a| a.status == 303) else { return };
    let Some(id) =
        answer.location.as_deref().and_then(|l| l.strip_prefix("/t/")).and_then(|id| id.parse().ok())
    else {
        return;
    };
    shared.ledger.record(Write::LocalPost {
        id,
        root: id,
        group: Some(group.clone()),
        marker,
        via: "web thread",
    });
    shared.ledger.add_target(PostRef { id, root: id, group });
}

async fn web_reply(client: &mut Client, shared: &Shared) {
    let Some(target) = shared.ledger.pick_target() else { return };
    let form = format!("/p/{}/reply", target.id);
    if client.get("GET /p/{id}/reply", &form).await.is_none() {
        return;
    }
    let marker = shared.marker(client.index);
    let body = format!("A reply {marker}: count me in.");
    let answer = client.post_form("POST /p/{id}/reply", &form, &[("body", body.as_str())]).await;
    unanswered(&shared.ledger, &answer);
    let Some(answer) = answer.filter(|a| a.status == 303) else { return };
    // `/t/ROOT#pID`.
    let Some(id) =
        answer.location.as_deref().and_then(|l| l.split_once("#p")).and_then(|(_, id)| id.parse().ok())
    else {
        return;
    };
    shared.ledger.record(Write::LocalPost {
        id,
        root: target.root,
        group: Some(target.group.clone()),
        marker,
        via: "web reply",
    });
    shared.ledger.add_target(PostRef { id, root: target.root, group: target.group });
}

async fn web_like(client: &mut Client, shared: &Shared) {
    let Some(target) = shared.ledger.pick_target() else { return };
    // The like button sits on the thread page; its form carries the token.
    if client.get("GET /t/{id}", &format!("/t/{}", target.root)).await.is_none() {
        return;
    }
    let answer = client.post_form("POST /p/{id}/like", &format!("/p/{}/like", target.id), &[]).await;
    unanswered(&shared.ledger, &answer);
    if answer.is_some_and(|a| a.status == 303) {
        shared.ledger.record(Write::Like { post: target.id, client: client.index });
    }
}

/// `reply`: an answer to a post in a group; otherwise a personal post in no group.
async fn api_status(client: &mut Client, shared: &Shared, reply: bool) {
    let target = if reply {
        match shared.ledger.pick_target() {
            Some(target) => Some(target),
            None => return,
        }
    } else {
        None
    };
    let marker = shared.marker(client.index);
    let text = format!("Posted from an app: {marker}");
    let parent = target.as_ref().map(|t| t.id.to_string());
    let mut fields = vec![("status", text.as_str()), ("visibility", "public")];
    if let Some(parent) = &parent {
        fields.push(("in_reply_to_id", parent.as_str()));
    }
    let answer = client.api_post("POST /api/v1/statuses", "/api/v1/statuses", &fields).await;
    unanswered(&shared.ledger, &answer);
    let Some(answer) = answer.filter(|a| a.status == 200) else { return };
    let Some(id) = serde_json::from_str::<serde_json::Value>(&answer.body)
        .ok()
        .and_then(|json| json["id"].as_str().and_then(|id| id.parse::<i64>().ok()))
    else {
        return;
    };
    match target {
        Some(target) => {
            shared.ledger.record(Write::LocalPost {
                id,
                root: target.root,
                group: Some(target.group.clone()),
                marker,
                via: "api reply",
            });
            shared.ledger.add_target(PostRef { id, root: target.root, group: target.group });
        }
        None => shared.ledger.record(Write::LocalPost { id, root: id, group: None, marker, via: "api post" }),
    }
}

async fn api_favourite(client: &mut Client, shared: &Shared) {
    let Some(target) = shared.ledger.pick_target() else { return };
    let path = format!("/api/v1/statuses/{}/favourite", target.id);
    let answer = client.api_post("POST /api/v1/statuses/{id}/favourite", &path, &[]).await;
    unanswered(&shared.ledger, &answer);
    if answer.is_some_and(|a| a.status == 200) {
        shared.ledger.record(Write::Like { post: target.id, client: client.index });
    }
}

async fn inbox_reply(shared: &Shared) {
    let Some(target) = shared.ledger.pick_target() else { return };
    let Some(delivery) = shared.peers.deliver_reply(&target).await else { return };
    match delivery.status {
        None => shared.ledger.record_unanswered(),
        Some(status) if (200..300).contains(&status) => {
            shared.ledger.record(Write::RemoteReply { ap_id: delivery.id, root: target.root });
        }
        Some(_) => {}
    }
}

async fn inbox_like(shared: &Shared) {
    let Some(target) = shared.ledger.pick_target() else { return };
    let Some(delivery) = shared.peers.deliver_like(&target).await else { return };
    match delivery.status {
        None => shared.ledger.record_unanswered(),
        Some(status) if (200..300).contains(&status) => {
            shared.ledger.record(Write::RemoteLike { post: target.id, actor: delivery.id });
        }
        Some(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_is_chosen_about_as_often_as_weighted() {
        let mut rng = rand::rng();
        let mut counts = std::collections::HashMap::new();
        for _ in 0..100_000 {
            *counts.entry(choose(&mut rng)).or_insert(0u32) += 1;
        }
        for (action, weight) in MIX {
            let seen = f64::from(counts.get(&action).copied().unwrap_or(0)) / 100.0;
            assert!((seen - f64::from(weight)).abs() < f64::from(weight) * 0.2 + 5.0, "{action:?}: {seen}");
        }
    }
}

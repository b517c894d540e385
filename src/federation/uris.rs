//! Every local URL is built here, so the URL scheme of DESIGN.md section 3 is written once.
//! Paths are used for links in pages; absolute URLs (with [`Uris`]) for ids and feeds.

use crate::domain::PostId;

pub fn user_path(name: &str) -> String {
    format!("/u/{name}")
}

pub fn group_path(name: &str) -> String {
    format!("/g/{name}")
}

pub fn thread_path(id: PostId) -> String {
    format!("/t/{}", id.0)
}

pub fn post_path(id: PostId) -> String {
    format!("/p/{}", id.0)
}

/// A quote stamp (`QuoteAuthorization`, FEP-044f) we issued.
pub fn quote_authorization_path(id: i64) -> String {
    format!("/quote-authorizations/{id}")
}

/// An event's page and ActivityPub id.
pub fn event_path(id: i64) -> String {
    format!("/e/{id}")
}

pub fn goal_path(id: i64) -> String {
    format!("/goals/{id}")
}

pub fn goal_chart_path(id: i64) -> String {
    format!("/goals/{id}/chart.svg")
}

/// The register page with an invite token (the link coordinators hand out).
pub fn invite_path(token: &str) -> String {
    format!("/register?invite={token}")
}

/// The page of a hashtag (a normalised name), and its `href` in federated `Hashtag` tags.
pub fn tag_path(name: &str) -> String {
    format!("/tags/{name}")
}

/// A stored media file (`/media/<id>.jpg`).
pub fn media_path(file_name: &str) -> String {
    format!("/media/{file_name}")
}

/// Where a post is shown: its thread page, at the post's anchor.
pub fn post_in_thread_path(root: PostId, id: PostId) -> String {
    if root == id { thread_path(root) } else { format!("/t/{}#p{}", root.0, id.0) }
}

/// Absolute URLs of this instance.
#[derive(Debug, Clone)]
pub struct Uris {
    base: String,
}

impl Uris {
    pub fn new(scheme: &str, domain: &str) -> Self {
        Self { base: format!("{scheme}://{domain}") }
    }

    /// From a base URL as `Config::base_url` writes it (`https://forum.example`).
    pub fn from_base(base: &str) -> Self {
        Self { base: base.trim_end_matches('/').to_owned() }
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    pub fn absolute(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }
}

impl Uris {
    pub fn user(&self, name: &str) -> String {
        self.absolute(&user_path(name))
    }

    pub fn group(&self, name: &str) -> String {
        self.absolute(&group_path(name))
    }

    pub fn tag(&self, name: &str) -> String {
        self.absolute(&tag_path(name))
    }

    pub fn instance_actor(&self) -> String {
        self.absolute("/actor")
    }

    pub fn webfinger_template(&self) -> String {
        self.absolute("/.well-known/webfinger?resource={uri}")
    }

    pub fn nodeinfo(&self, version: &str) -> String {
        self.absolute(&format!("/nodeinfo/{version}"))
    }

    /// The host (with port) of this instance, as used in `acct:name@host`.
    /// `https` (or `http` in development).
    pub fn scheme(&self) -> &str {
        self.base.split_once("://").map_or("https", |(scheme, _)| scheme)
    }

    pub fn host(&self) -> &str {
        self.base.split_once("://").map(|(_, host)| host).unwrap_or(&self.base)
    }
}

impl Uris {
    /// The id of a local actor of a stored kind (`person`, `group`, `application`).
    pub fn actor(&self, kind: &str, name: &str) -> String {
        match kind {
            "group" => self.group(name),
            "application" => self.instance_actor(),
            _ => self.user(name),
        }
    }
}

impl Uris {
    /// The ActivityPub id of a local thread opener (`/t/{id}`) or reply (`/p/{id}`).
    pub fn post(&self, id: PostId, is_opener: bool) -> String {
        if is_opener { self.absolute(&thread_path(id)) } else { self.absolute(&post_path(id)) }
    }

    /// The ActivityPub id of a local event.
    pub fn event(&self, id: i64) -> String {
        self.absolute(&event_path(id))
    }

    /// A thread's context collection (FEP-7888).
    pub fn thread_context(&self, root: PostId) -> String {
        self.absolute(&format!("{}/context", thread_path(root)))
    }

    /// The direct replies to a post, as a collection (`/t/{id}/replies`, `/p/{id}/replies`).
    pub fn replies_of(&self, id: PostId, is_opener: bool) -> String {
        format!("{}/replies", self.post(id, is_opener))
    }

    pub fn inbox_of(&self, kind: &str, name: &str) -> String {
        format!("{}/inbox", self.actor(kind, name))
    }

    pub fn shared_inbox(&self) -> String {
        self.absolute("/inbox")
    }

    pub fn followers_of(&self, kind: &str, name: &str) -> String {
        format!("{}/followers", self.actor(kind, name))
    }

    pub fn outbox_of(&self, kind: &str, name: &str) -> String {
        format!("{}/outbox", self.actor(kind, name))
    }

    /// A group's events collection (the same URL as its events page, negotiated).
    pub fn events_of(&self, name: &str) -> String {
        format!("{}/events", self.group(name))
    }

    /// A group's pinned threads (Lemmy's `featured`).
    pub fn featured_of(&self, name: &str) -> String {
        format!("{}/featured", self.group(name))
    }

    pub fn moderators_of(&self, name: &str) -> String {
        format!("{}/moderators", self.group(name))
    }

    /// A new id for an outgoing activity.
    pub fn activity(&self, kind: &str, id: i64) -> String {
        self.absolute(&format!("/activities/{}/{id}", kind.to_ascii_lowercase()))
    }
}

/// What a URL on our own host points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LocalObject {
    /// A person, group or the instance actor, by stored kind and name.
    Actor {
        kind: &'static str,
        name: String,
    },
    Post(PostId),
    /// One of our Follow activities, by follow id.
    Follow(i64),
    /// An event, by id.
    Event(i64),
    /// One of our members' `Join` of an event, by the person's and the event's row ids.
    Join {
        person: i64,
        event: i64,
    },
}

impl Uris {
    /// Whether a URL is on this instance (same scheme, host and port).
    pub fn is_local(&self, url: &url::Url) -> bool {
        url.as_str()
            .strip_prefix(self.base.as_str())
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    }

    /// Reads one of our own URLs.
    pub fn parse_local(&self, url: &url::Url) -> Option<LocalObject> {
        if !self.is_local(url) {
            return None;
        }
        let segments: Vec<&str> = url.path().trim_end_matches('/').split('/').skip(1).collect();
        match segments.as_slice() {
            ["u", name] => Some(LocalObject::Actor { kind: "person", name: (*name).to_owned() }),
            ["g", name] => Some(LocalObject::Actor { kind: "group", name: (*name).to_owned() }),
            ["actor"] => Some(LocalObject::Actor { kind: "application", name: "actor".to_owned() }),
            ["t", id] | ["p", id] => id.parse().ok().map(|id| LocalObject::Post(PostId(id))),
            ["activities", "follow", id] => id.parse().ok().map(LocalObject::Follow),
            ["e", id] => id.parse().ok().map(LocalObject::Event),
            ["activities", "join", id] => {
                let mut parts = id.splitn(3, '-').map(str::parse::<i64>);
                match (parts.next(), parts.next(), parts.next()) {
                    (Some(Ok(person)), Some(Ok(event)), Some(Ok(_))) => {
                        Some(LocalObject::Join { person, event })
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }
}

impl Uris {
    /// The id of a local actor's `Like` of a post: derived from the pair, so the `Undo` sent
    /// later can name it without storing it.
    /// A Like's id: one per like (a like after an unlike gets a new id), known again for its Undo.
    /// The id of a member's vote for option `position` of a remote poll (its `Note`); the
    /// `Create` that carries it adds `/activity`.
    pub fn poll_vote(&self, actor_id: i64, post_id: i64, position: i64) -> String {
        self.absolute(&format!("/activities/vote/{actor_id}-{post_id}-{position}"))
    }

    pub fn like_activity(&self, actor_id: i64, post_id: i64, liked_at: i64) -> String {
        self.absolute(&format!("/activities/like/{actor_id}-{post_id}-{liked_at}"))
    }

    /// The id of a member's `Join` of a remote event: one per answer, and readable again
    /// ([`LocalObject::Join`]) when an organiser's `Accept` or `Reject` names it only by its id.
    pub fn join_activity(&self, person_id: i64, event_id: i64, answered_at: i64) -> String {
        self.absolute(&format!("/activities/join/{person_id}-{event_id}-{answered_at}"))
    }
}

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
    pub fn host(&self) -> &str {
        self.base.split_once("://").map(|(_, host)| host).unwrap_or(&self.base)
    }
}

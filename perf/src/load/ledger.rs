//! What the clients wrote and the server acknowledged (2xx or the 303 of a form), and the posts
//! they can reply to and like. The checks afterwards look every entry up again.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, RwLock};

use rand::Rng;

/// A local post in one of the load's groups: a target for replies and likes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostRef {
    pub id: i64,
    /// The thread opener (the post itself for an opener).
    pub root: i64,
    pub group: String,
}

impl PostRef {
    /// The ActivityPub id of the post on the server at `base_url`.
    pub fn ap_id(&self, base_url: &str) -> String {
        if self.id == self.root {
            format!("{base_url}/t/{}", self.id)
        } else {
            format!("{base_url}/p/{}", self.id)
        }
    }
}

/// One acknowledged write.
#[derive(Debug, Clone)]
pub enum Write {
    /// A thread, reply or personal post made here (web form or API); `marker` is in its text.
    LocalPost { id: i64, root: i64, group: Option<String>, marker: String, via: &'static str },
    /// A like by the load's client `client` (web form or API).
    Like { post: i64, client: usize },
    /// A reply delivered by a fake peer to the inbox.
    RemoteReply { ap_id: String, root: i64 },
    /// A like delivered by a fake peer.
    RemoteLike { post: i64, actor: String },
}

#[derive(Debug, Default)]
pub struct Ledger {
    targets: RwLock<Vec<PostRef>>,
    writes: Mutex<Vec<Write>>,
    /// Writes that got no answer at all: they may or may not have happened.
    unanswered: AtomicU64,
}

impl Ledger {
    pub fn add_target(&self, post: PostRef) {
        if let Ok(mut targets) = self.targets.write() {
            targets.push(post);
        }
    }

    /// A random post to reply to or like. Half the picks go to the 20 newest posts, as on a
    /// forum where the lively threads draw most of the answers (and the writes contend).
    pub fn pick_target(&self) -> Option<PostRef> {
        let targets = self.targets.read().ok()?;
        if targets.is_empty() {
            return None;
        }
        let mut rng = rand::rng();
        let index = if rng.random_bool(0.5) {
            targets.len() - 1 - rng.random_range(0..targets.len().min(20))
        } else {
            rng.random_range(0..targets.len())
        };
        targets.get(index).cloned()
    }

    pub fn record(&self, write: Write) {
        if let Ok(mut writes) = self.writes.lock() {
            writes.push(write);
        }
    }

    pub fn record_unanswered(&self) {
        self.unanswered.fetch_add(1, Ordering::Relaxed);
    }

    pub fn unanswered(&self) -> u64 {
        self.unanswered.load(Ordering::Relaxed)
    }

    pub fn writes(&self) -> Vec<Write> {
        self.writes.lock().map(|w| w.clone()).unwrap_or_default()
    }
}

/// What the acknowledged writes add up to, for the count checks.
#[derive(Debug, Default)]
pub struct Expected {
    /// Replies (local and remote) per thread opener.
    pub replies: BTreeMap<i64, u64>,
    /// Distinct likers per post: local clients and remote actors.
    pub likes: BTreeMap<i64, u64>,
    /// Threads per group.
    pub threads: BTreeMap<String, u64>,
}

impl Expected {
    pub fn from_writes(writes: &[Write]) -> Self {
        let mut expected = Expected::default();
        let mut likers: BTreeMap<i64, BTreeSet<String>> = BTreeMap::new();
        let mut remote_replies = BTreeSet::new();
        for write in writes {
            match write {
                Write::LocalPost { id, root, group, .. } => {
                    if id == root {
                        expected.replies.entry(*root).or_default();
                        if let Some(group) = group {
                            *expected.threads.entry(group.clone()).or_default() += 1;
                        }
                    } else {
                        *expected.replies.entry(*root).or_default() += 1;
                    }
                }
                Write::Like { post, client, .. } => {
                    likers.entry(*post).or_default().insert(format!("client {client}"));
                }
                Write::RemoteReply { ap_id, root } => {
                    if remote_replies.insert(ap_id.clone()) {
                        *expected.replies.entry(*root).or_default() += 1;
                    }
                }
                Write::RemoteLike { post, actor } => {
                    likers.entry(*post).or_default().insert(actor.clone());
                }
            }
        }
        expected.likes = likers.into_iter().map(|(post, who)| (post, who.len() as u64)).collect();
        expected
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expected_counts_add_up_distinct_writes() {
        let post = |id, root, group: Option<&str>| Write::LocalPost {
            id,
            root,
            group: group.map(str::to_owned),
            marker: String::new(),
            via: "test",
        };
        let writes = vec![
            post(1, 1, Some("g")),
            post(2, 1, Some("g")),
            post(3, 3, Some("g")),
            post(4, 4, None),
            Write::RemoteReply { ap_id: "http://p/1".into(), root: 1 },
            Write::RemoteReply { ap_id: "http://p/1".into(), root: 1 },
            Write::Like { post: 2, client: 7 },
            Write::Like { post: 2, client: 7 },
            Write::RemoteLike { post: 2, actor: "http://p/a".into() },
        ];
        let expected = Expected::from_writes(&writes);
        assert_eq!(expected.replies.get(&1), Some(&2));
        assert_eq!(expected.replies.get(&3), Some(&0));
        assert_eq!(expected.threads.get("g"), Some(&2));
        assert_eq!(expected.likes.get(&2), Some(&2));
    }
}

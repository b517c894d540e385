//! Every activity of the fixture corpus (`tests/fixtures/<software>/activities/`), and every post
//! object of it wrapped in the `Create` its software would send, is delivered signed to the inbox
//! of a running instance, and what happened is checked against [`EXPECTED`]: a thread created in
//! which group with which title, a reply attached to which parent, a vote counted, a post
//! deleted, ignored (202, nothing stored) or refused (4xx). A file without an entry fails.
//!
//! The fixtures name real servers. Each URL is rewritten to the test peer on loopback, keeping
//! the original host as the first path segment (`https://lemmy.ml/u/a` becomes
//! `http://127.0.0.1:PORT/caseN/lemmy.ml/u/a`), so the files still tell servers apart by path
//! while origin checks see one host. Each case has its own `caseN` prefix: cases share one
//! instance but nothing else. The peer serves, under the case's prefix, every post object of
//! the corpus (so a parent can be fetched) and an actor for every actor the corpus names
//! (groups for `audience` values and announcing actors, people otherwise); a member here
//! follows each group the case's files name, as someone would who reads that community.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use allmende::service::{federated, remote};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::{TestApp, count_rows};
use crate::on_both_backends;
use crate::peer::Peer;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";
const POST_TYPES: &[&str] = &["Note", "Page", "Article", "Question", "Event", "Video", "ChatMessage"];

/// What delivering a fixture does. URLs are the fixture's own, before rewriting.
#[derive(Debug)]
enum Outcome {
    /// `post` is stored as a thread opener in `group`, titled `title`.
    Thread { post: &'static str, group: &'static str, title: &'static str },
    /// `post` is stored as a reply to `parent`.
    Reply { post: &'static str, parent: &'static str },
    /// `post` has `likes` likes (favourites) and `downvotes` downvotes afterwards.
    Votes { post: &'static str, likes: i64, downvotes: i64 },
    /// `post` is marked deleted afterwards.
    Deleted { post: &'static str },
    /// 202, and no post, like, downvote or follow was added or removed; the reason is for the reader.
    Ignored(&'static str),
    /// A 4xx answer (never a 5xx), nothing stored; the reason is for the reader.
    Refused(&'static str),
}

use Outcome::*;

struct Case {
    file: &'static str,
    /// Fixtures delivered first, in order (each must be accepted), e.g. the post a vote is about.
    after: &'static [&'static str],
    outcome: Outcome,
}

const fn case(file: &'static str, outcome: Outcome) -> Case {
    Case { file, after: &[], outcome }
}

const fn case_after(file: &'static str, after: &'static [&'static str], outcome: Outcome) -> Case {
    Case { file, after, outcome }
}

const LEMMY_PAGE: &str = "lemmy/activities/create_or_update/create_page.json";
const LEMMY_COMMENT: &str = "lemmy/activities/create_or_update/create_comment.json";
const LEMMY_OBJECT_PAGE: &str = "lemmy/objects/page.json";

const EXPECTED: &[Case] = &[
    // discourse
    // The object as fetched carries no `to`/`cc`: not public, so not kept.
    case("discourse/objects/page.json", Ignored("no addressing, so not public")),
    // friendica
    case(
        "friendica/activities/create_note.json",
        Ignored("a reply to a Lemmy post its server does not serve"),
    ),
    case(
        "friendica/activities/create_page_1.json",
        Ignored("it only mentions a remote community; no group here, nobody here follows the author"),
    ),
    case(
        "friendica/activities/create_page_2.json",
        Ignored("addressed to a remote community without `audience`"),
    ),
    case("friendica/activities/delete.json", Ignored("a post we never had")),
    case("friendica/activities/dislike_page.json", Ignored("a vote on a post we never had")),
    case("friendica/activities/like_page.json", Ignored("a vote on a post we never had")),
    case("friendica/activities/undo_dislike_page.json", Ignored("a vote we never had")),
    case("friendica/activities/update_note.json", Ignored("an edit of a reply to a post we cannot fetch")),
    case("friendica/objects/note_1.json", Ignored("a reply to a post its server does not serve")),
    case("friendica/objects/note_2.json", Ignored("a reply to a post its server does not serve")),
    case("friendica/objects/page_1.json", Ignored("in no group, and nobody here follows the author")),
    case("friendica/objects/page_2.json", Ignored("addressed to a remote community without `audience`")),
    // gnusocial
    case("gnusocial/activities/create_note.json", Ignored("a reply to a post that is in no group")),
    case("gnusocial/activities/create_page.json", Ignored("in no group, and nobody here follows the author")),
    case("gnusocial/activities/like_note.json", Ignored("a vote on a post we never had")),
    case("gnusocial/objects/note.json", Ignored("a reply to a post that is in no group")),
    case("gnusocial/objects/page.json", Ignored("in no group, and nobody here follows the author")),
    case(
        "gotosocial/objects/note_interaction_policy.json",
        Ignored("in no group, and nobody here follows the author"),
    ),
    case(
        "gotosocial/objects/note_nobody_replies.json",
        Ignored("in no group, and nobody here follows the author"),
    ),
    // lemmy
    case("lemmy/activities/block/block_user.json", Ignored("a ban of someone who is not ours")),
    case("lemmy/activities/block/block_user_expires.json", Ignored("a ban of someone who is not ours")),
    case("lemmy/activities/block/undo_block_user.json", Ignored("a ban of someone who is not ours")),
    case("lemmy/activities/community/add_featured_post.json", Ignored("a pin of a thread we do not hold")),
    case(
        "lemmy/activities/community/add_mod.json",
        Refused("lemmy_beta is not in the group's moderators collection, so cannot change the team"),
    ),
    case(
        "lemmy/activities/community/announce_create_page.json",
        // The Page's own `audience` names the group, over the announcing community.
        Thread {
            post: "http://enterprise.lemmy.ml/post/7",
            group: "http://enterprise.lemmy.ml/u/main",
            title: "post 4",
        },
    ),
    case_after(
        "lemmy/activities/community/announce_remove_note.json",
        &[LEMMY_PAGE, LEMMY_COMMENT],
        Ignored("lemmy_beta is not in the group's moderators collection: the announced removal is skipped"),
    ),
    case("lemmy/activities/community/lock_note.json", Ignored("a Lock of a comment we do not have")),
    case("lemmy/activities/community/lock_page.json", Ignored("a Lock of a thread we do not have")),
    case("lemmy/activities/community/remove_featured_post.json", Ignored("a pin of a thread we do not hold")),
    case(
        "lemmy/activities/community/remove_mod.json",
        Refused("lemmy_beta is not in the group's moderators collection, so cannot change the team"),
    ),
    case(
        "lemmy/activities/community/report_page.json",
        Refused("a report about nothing of ours and no post in our groups"),
    ),
    case(
        "lemmy/activities/community/resolve_report_page.json",
        Ignored("a Lemmy `Resolve` of a report: resolutions elsewhere are not tracked"),
    ),
    case("lemmy/activities/community/undo_lock_note.json", Ignored("an unlock of a comment we do not have")),
    case("lemmy/activities/community/undo_lock_page.json", Ignored("an unlock of a thread we do not have")),
    case(
        "lemmy/activities/community/update_community.json",
        Refused("a moderator's Update of the group: only the group itself updates its profile"),
    ),
    case("lemmy/activities/community/warn.json", Ignored("Lemmy's warnings have no equivalent here")),
    case_after(
        LEMMY_COMMENT,
        &[LEMMY_PAGE],
        Reply { post: "http://ds9.lemmy.ml/comment/1", parent: "http://ds9.lemmy.ml/post/1" },
    ),
    case(
        LEMMY_PAGE,
        Thread {
            post: "http://ds9.lemmy.ml/post/1",
            group: "https://enterprise.lemmy.ml/c/main",
            title: "test post",
        },
    ),
    case(
        "lemmy/activities/create_or_update/create_private_message.json",
        Ignored("a private message (not public)"),
    ),
    case(
        "lemmy/activities/create_or_update/create_private_message_0.19.json",
        Refused("a ChatMessage: there are no direct messages here"),
    ),
    case_after(
        "lemmy/activities/create_or_update/update_page.json",
        &[LEMMY_PAGE],
        Thread {
            post: "http://ds9.lemmy.ml/post/1",
            group: "https://enterprise.lemmy.ml/c/main",
            title: "test post 1",
        },
    ),
    case_after(
        "lemmy/activities/deletion/delete_page.json",
        &[LEMMY_PAGE],
        Deleted { post: "http://ds9.lemmy.ml/post/1" },
    ),
    case("lemmy/activities/deletion/delete_private_message.json", Ignored("a message we never had")),
    case("lemmy/activities/deletion/delete_user.json", Ignored("an account we hold nothing of")),
    case_after(
        "lemmy/activities/deletion/remove_note.json",
        &[LEMMY_PAGE, LEMMY_COMMENT],
        Refused("lemmy_beta is not in the group's moderators collection"),
    ),
    // An author's deletion undone stays deleted here: only moderators' removals are restored.
    case_after(
        "lemmy/activities/deletion/undo_delete_page.json",
        &[LEMMY_PAGE, "lemmy/activities/deletion/delete_page.json"],
        Deleted { post: "http://ds9.lemmy.ml/post/1" },
    ),
    case("lemmy/activities/deletion/undo_delete_private_message.json", Ignored("a message we never had")),
    case("lemmy/activities/deletion/undo_remove_note.json", Ignored("a comment we never had")),
    case("lemmy/activities/following/accept.json", Ignored("a follow that is not ours")),
    case("lemmy/activities/following/follow.json", Refused("a follow of a group that is not here")),
    case("lemmy/activities/following/undo_follow.json", Ignored("a follow that is not ours")),
    case_after(
        "lemmy/activities/voting/dislike_page.json",
        &[LEMMY_PAGE],
        Votes { post: "http://ds9.lemmy.ml/post/1", likes: 0, downvotes: 1 },
    ),
    case_after(
        "lemmy/activities/voting/like_note.json",
        &[LEMMY_PAGE, LEMMY_COMMENT],
        Votes { post: "http://ds9.lemmy.ml/comment/1", likes: 1, downvotes: 0 },
    ),
    case_after(
        "lemmy/activities/voting/undo_dislike_page.json",
        &[LEMMY_PAGE, "lemmy/activities/voting/dislike_page.json"],
        Votes { post: "http://ds9.lemmy.ml/post/1", likes: 0, downvotes: 0 },
    ),
    case_after(
        "lemmy/activities/voting/undo_like_note.json",
        &[LEMMY_PAGE, LEMMY_COMMENT, "lemmy/activities/voting/like_note.json"],
        Votes { post: "http://ds9.lemmy.ml/comment/1", likes: 0, downvotes: 0 },
    ),
    case(
        "lemmy/objects/comment.json",
        Reply {
            post: "https://enterprise.lemmy.ml/comment/38741",
            parent: "https://enterprise.lemmy.ml/post/55143",
        },
    ),
    case(
        LEMMY_OBJECT_PAGE,
        Thread {
            post: "https://enterprise.lemmy.ml/post/55143",
            group: "https://enterprise.lemmy.ml/c/tenforward",
            title: "Post title",
        },
    ),
    case(
        "lemmy/objects/page_image_and_link.json",
        Thread {
            post: "https://enterprise.lemmy.ml/post/55999",
            group: "https://enterprise.lemmy.ml/c/tenforward",
            title: "Post with image and link",
        },
    ),
    case("lemmy/objects/private_message.json", Ignored("a private message (not public)")),
    // lotide
    case("lotide/activities/create_note_reply.json", Ignored("a reply to a post its server does not serve")),
    case("lotide/activities/create_page.json", Ignored("addressed to a remote community without `audience`")),
    case(
        "lotide/activities/create_page_image.json",
        Ignored("addressed to a remote community without `audience`"),
    ),
    case("lotide/activities/delete_note.json", Ignored("a post we never had")),
    case("lotide/activities/follow.json", Refused("a follow of a group that is not here")),
    case("lotide/objects/note.json", Ignored("a reply to a post that is in no group")),
    case("lotide/objects/page.json", Ignored("in no group, and nobody here follows the author")),
    // mastodon
    case("mastodon/activities/create_note.json", Ignored("a reply to a post its server does not serve")),
    case("mastodon/activities/delete.json", Ignored("a post we never had")),
    case(
        "mastodon/activities/flag.json",
        Refused("a report about nothing of ours and no post in our groups"),
    ),
    case("mastodon/activities/follow.json", Refused("a follow of a group that is not here")),
    case("mastodon/activities/like_page.json", Ignored("a vote on a post we never had")),
    case("mastodon/activities/move.json", Refused("a move to an account that does not list the old one")),
    case("mastodon/activities/private_message.json", Ignored("a private message (not public)")),
    case("mastodon/activities/undo_follow.json", Ignored("a follow that is not ours")),
    case("mastodon/activities/undo_like_page.json", Ignored("a vote we never had")),
    case("mastodon/objects/note_1.json", Ignored("a reply to a post its server does not serve")),
    case("mastodon/objects/note_2.json", Ignored("a reply to a post its server does not serve")),
    case(
        "mastodon/objects/page.json",
        Ignored("it only mentions a remote community; no group here, nobody here follows the author"),
    ),
    // mbin
    case("mbin/activities/accept.json", Ignored("a follow that is not ours")),
    case("mbin/activities/flag.json", Refused("a report about nothing of ours and no post in our groups")),
    // misskey
    case("misskey/activities/flag.json", Refused("a report about nothing of ours and no post in our groups")),
    // mitra
    case("mitra/activities/accept.json", Ignored("a follow that is not ours")),
    case(
        "mitra/activities/create_post.json",
        Thread {
            post: "https://mitra.social/objects/019f57cf-693a-77f2-b006-c4c76338956a",
            group: "https://voyager.lemmy.ml/c/pubtest0906",
            title: "Remote post 5",
        },
    ),
    // mobilizon
    case("mobilizon/objects/event.json", Ignored("an event of a group nobody here follows")),
    // nodebb
    case("nodebb/activities/flag.json", Refused("a report about nothing of ours and no post in our groups")),
    case(
        "nodebb/objects/page.json",
        Thread {
            post: "https://bb.devnull.land/post/1",
            group: "https://bb.devnull.land/category/2",
            title: "Welcome to your NodeBB!",
        },
    ),
    // peertube
    case("peertube/activities/announce_video.json", Ignored("a channel's video: not a post")),
    case("peertube/objects/note.json", Ignored("a reply to a post its server does not serve")),
    case("peertube/objects/video.json", Refused("videos are not posts")),
    // pleroma
    case_after(
        "pleroma/activities/create_note.json",
        &[LEMMY_OBJECT_PAGE],
        Reply {
            post: "https://greenish.red/objects/1a522f2e-d5ab-454b-93d7-e58bc0650c2a",
            parent: "https://enterprise.lemmy.ml/post/55143",
        },
    ),
    case("pleroma/activities/delete.json", Ignored("a post we never had")),
    case("pleroma/activities/follow.json", Refused("a follow of someone who is not here")),
    case("pleroma/objects/chat_message.json", Refused("a ChatMessage: there are no direct messages here")),
    case_after(
        "pleroma/objects/note.json",
        &[LEMMY_OBJECT_PAGE],
        Reply {
            post: "https://queer.hacktivis.me/objects/8d4973f4-53de-49cd-8c27-df160e16a9c2",
            parent: "https://enterprise.lemmy.ml/post/55143",
        },
    ),
    // smithereen
    case("smithereen/activities/create_note.json", Ignored("a reply to a post its server does not serve")),
    case("smithereen/objects/note.json", Ignored("a reply to a post its server does not serve")),
    // wordpress
    case(
        "wordpress/activities/announce.json",
        Thread {
            post: "https://pfefferle.org/lemmy-part-4/",
            group: "https://pfefferle.org/@pfefferle.org",
            title: "Lemmy (Part 4)",
        },
    ),
    case("wordpress/objects/note.json", Ignored("a reply to a post its server does not serve")),
    case(
        "wordpress/objects/page.json",
        Thread {
            post: "https://dbzer0.com/?p=27948",
            group: "https://dbzer0.com/?author=0",
            title: "An Epic 3D-Printed Fan Expansion for Last Light",
        },
    ),
];

/// Whether a fixture is delivered by this test: activities, and objects that are posts.
fn is_deliverable(relative: &str, document: &Value) -> bool {
    let kind = document.get("type").and_then(Value::as_str).unwrap_or_default();
    relative.contains("/activities/") || (relative.contains("/objects/") && POST_TYPES.contains(&kind))
}

pub(crate) fn load(relative: &str) -> Value {
    let path = Path::new(FIXTURES).join(relative);
    let text = fs::read_to_string(&path).unwrap_or_else(|error| panic!("{relative}: {error}"));
    serde_json::from_str(&text).unwrap_or_else(|error| panic!("{relative}: {error}"))
}

fn json_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap_or_else(|error| panic!("{}: {error}", dir.display())) {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            json_files(&path, found);
        } else if path.extension().is_some_and(|extension| extension == "json") {
            found.push(path);
        }
    }
}

/// Every fixture, by path relative to `tests/fixtures`.
fn corpus() -> Vec<(String, Value)> {
    let mut files = Vec::new();
    json_files(Path::new(FIXTURES), &mut files);
    files.sort();
    files
        .iter()
        .map(|path| {
            let relative =
                path.strip_prefix(FIXTURES).expect("under fixtures").to_string_lossy().replace('\\', "/");
            let document = load(&relative);
            (relative, document)
        })
        .collect()
}

/// `https://host:port/path?query` becomes `{prefix}/host_port/path/_q_query`; anything that is
/// not an http(s) URL, and the public collection, stays as it is.
pub(crate) fn rewrite_url(url: &str, prefix: &str) -> String {
    if url == PUBLIC {
        return url.to_owned();
    }
    let Some(rest) = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://")) else {
        return url.to_owned();
    };
    let split = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (host, path) = rest.split_at(split);
    let path = path.replacen('?', "/_q_", 1);
    format!("{prefix}/{}{path}", host.replace(':', "_"))
}

/// Rewrites every URL string in `value` (but not in `@context`).
fn rewrite(value: &mut Value, prefix: &str) {
    match value {
        Value::String(text) => *text = rewrite_url(text, prefix),
        Value::Array(items) => items.iter_mut().for_each(|item| rewrite(item, prefix)),
        Value::Object(object) => {
            for (key, item) in object.iter_mut() {
                if key != "@context" {
                    rewrite(item, prefix);
                }
            }
        }
        _ => {}
    }
}

/// The actor a post is attributed to: the string, or the first entry of a list.
fn attributed_to(post: &Value) -> Option<&str> {
    match post.get("attributedTo")? {
        Value::String(id) => Some(id),
        Value::Array(items) => items.iter().find_map(|item| match item {
            Value::String(id) => Some(id.as_str()),
            Value::Object(_) => item.get("id").and_then(Value::as_str),
            _ => None,
        }),
        Value::Object(object) => object.get("id").and_then(Value::as_str),
        _ => None,
    }
}

/// What is delivered for a fixture: an activity as it is, a post wrapped in the `Create` its
/// author's server would send (same addressing). The second element is the signing actor.
fn as_delivered(document: &Value) -> Option<(Value, String)> {
    if document.get("actor").is_some() && !POST_TYPES.contains(&kind(document)) {
        let actor = document.get("actor")?.as_str()?.to_owned();
        return Some((document.clone(), actor));
    }
    let actor = attributed_to(document)?.to_owned();
    let id = document.get("id")?.as_str()?;
    let mut create = json!({"@context": "https://www.w3.org/ns/activitystreams",
        "id": format!("{id}/create"), "type": "Create", "actor": actor, "object": document});
    for field in ["to", "cc", "audience"] {
        if let Some(value) = document.get(field) {
            create[field] = value.clone();
        }
    }
    Some((create, actor))
}

fn kind(value: &Value) -> &str {
    value.get("type").and_then(Value::as_str).unwrap_or_default()
}

/// Walks a document: post objects (with id and author) and the actors and groups it names.
#[derive(Default)]
struct Names {
    posts: Vec<Value>,
    people: BTreeSet<String>,
    groups: BTreeSet<String>,
}

impl Names {
    fn walk(&mut self, value: &Value) {
        match value {
            Value::Array(items) => items.iter().for_each(|item| self.walk(item)),
            Value::Object(object) => {
                if POST_TYPES.contains(&kind(value))
                    && object.get("id").is_some_and(Value::is_string)
                    && let Some(author) = attributed_to(value)
                {
                    self.people.insert(author.to_owned());
                    self.posts.push(value.clone());
                }
                if let Some(actor) = object.get("actor").and_then(Value::as_str) {
                    if kind(value) == "Announce" {
                        self.groups.insert(actor.to_owned());
                    } else {
                        self.people.insert(actor.to_owned());
                    }
                }
                if let Some(audience) = object.get("audience").and_then(Value::as_str) {
                    self.groups.insert(audience.to_owned());
                }
                for (key, item) in object {
                    if key != "@context" {
                        self.walk(item);
                    }
                }
            }
            _ => {}
        }
    }
}

/// Counts that an ignored or refused activity must leave as they were.
async fn counts(app: &TestApp) -> [i64; 4] {
    [
        count_rows(app, "posts").await,
        count_rows(app, "likes").await,
        count_rows(app, "downvotes").await,
        count_rows(app, "follows").await,
    ]
}

/// What happened to a post, for checks and for the failure report.
async fn post_state(app: &TestApp, ap_id: &str) -> Option<federated::FederatedPost> {
    let id = remote::post_by_ap_id(&app.ctx, ap_id).await.expect("lookup")?;
    Some(federated::get_post(&app.ctx, id).await.expect("post"))
}

/// A post's favourites count (as the Mastodon API shows it) and its downvotes.
pub(crate) async fn votes(app: &TestApp, ap_id: &str) -> Option<(i64, i64)> {
    let id = remote::post_by_ap_id(&app.ctx, ap_id).await.expect("lookup")?;
    let status: Value =
        app.get(&format!("/api/v1/statuses/{}", id.0)).await.json().await.expect("status JSON");
    let downvotes = allmende::service::downvotes::downvote_count(&app.ctx, id).await.expect("downvotes");
    Some((status["favourites_count"].as_i64()?, downvotes))
}

/// A case's stage under `prefix`: the peer serves the corpus's posts and actors there, and
/// `reader` follows each group that `files` name. Returns each file as delivered (activity and
/// signer), rewritten to the prefix.
pub(crate) async fn stage(
    app: &TestApp,
    peer: &mut Peer,
    prefix: &str,
    files: &[&str],
    reader: &allmende::service::CurrentUser,
) -> Vec<(Value, String)> {
    let mut served = Names::default();
    for (_, document) in corpus() {
        let mut document = document;
        rewrite(&mut document, prefix);
        served.walk(&document);
    }
    for group in &served.groups {
        peer.add_actor_at(group, "Group");
    }
    for person in served.people.iter().filter(|person| !served.groups.contains(*person)) {
        peer.add_actor_at(person, "Person");
    }
    for post in &served.posts {
        if let Some(id) = post.get("id").and_then(Value::as_str) {
            let mut document = post.clone();
            document["@context"] = json!("https://www.w3.org/ns/activitystreams");
            peer.publish(id, document);
        }
    }
    let mut deliveries = Vec::new();
    let mut named = Names::default();
    for file in files {
        let mut document = load(file);
        rewrite(&mut document, prefix);
        named.walk(&document);
        let delivery = as_delivered(&document)
            .unwrap_or_else(|| panic!("{file}: neither an activity with an actor nor a post with an author"));
        deliveries.push(delivery);
    }
    for group in &named.groups {
        let hello = json!({"@context": "https://www.w3.org/ns/activitystreams",
            "id": format!("{group}/hello"), "type": "View", "actor": group, "object": group});
        peer.deliver(group, &app.url("/inbox"), &hello).await;
        if let Some((group_id, _)) = remote::known_actor(&app.ctx, group).await.expect("lookup") {
            allmende::service::follows::follow_actor(&app.ctx, reader, group_id).await.expect("follow");
        }
    }
    deliveries
}

/// Runs one case under `prefix`; returns a problem, if any.
async fn run_case(
    app: &TestApp,
    peer: &mut Peer,
    case: &Case,
    prefix: &str,
    reader: &allmende::service::CurrentUser,
) -> Option<String> {
    let files: Vec<&str> = case.after.iter().copied().chain([case.file]).collect();
    let deliveries = stage(app, peer, prefix, &files, reader).await;
    let file = case.file;
    let setup: Vec<_> = case.after.iter().zip(&deliveries).collect();
    let Some((activity, signer)) = deliveries.last() else {
        return Some(format!("{file}: nothing to deliver"));
    };
    for (setup_file, (activity, signer)) in setup {
        let status = peer.deliver(signer, &app.url("/inbox"), activity).await;
        if status != StatusCode::ACCEPTED {
            return Some(format!("{file}: setup {setup_file} answered {status}"));
        }
    }
    let before = counts(app).await;
    let status = peer.deliver(signer, &app.url("/inbox"), activity).await;
    let after = counts(app).await;
    let observed = format!("answered {status}, posts/likes/downvotes/follows {before:?} -> {after:?}");
    let url = |original: &str| rewrite_url(original, prefix);
    let problem = match &case.outcome {
        Thread { post, group, title } => match post_state(app, &url(post)).await {
            Some(stored)
                if stored.parent.is_none()
                    && stored.group.as_ref().and_then(|g| g.ap_id.clone()) == Some(url(group))
                    && stored.title.as_deref() == Some(*title) =>
            {
                None
            }
            Some(stored) => Some(format!(
                "expected a thread in {group} titled {title:?}; stored with group {:?}, title {:?}, parent {:?}",
                stored.group.and_then(|g| g.ap_id),
                stored.title,
                stored.parent.and_then(|p| p.ap_id)
            )),
            None => Some(format!("expected a thread {post}; nothing stored")),
        },
        Reply { post, parent } => match post_state(app, &url(post)).await {
            Some(stored) if stored.parent.as_ref().and_then(|p| p.ap_id.clone()) == Some(url(parent)) => None,
            Some(stored) => Some(format!(
                "expected a reply to {parent}; its parent is {:?}",
                stored.parent.and_then(|p| p.ap_id)
            )),
            None => Some(format!("expected a reply {post}; nothing stored")),
        },
        Votes { post, likes, downvotes } => match votes(app, &url(post)).await {
            Some(actual) if actual == (*likes, *downvotes) => None,
            actual => {
                Some(format!("expected {likes} like(s), {downvotes} downvote(s) on {post}, found {actual:?}"))
            }
        },
        Deleted { post } => match post_state(app, &url(post)).await {
            Some(stored) if stored.deleted => None,
            Some(_) => Some(format!("expected {post} deleted; it is not")),
            None => Some(format!("expected {post} deleted; it is unknown")),
        },
        Ignored(_) => {
            (status != StatusCode::ACCEPTED || before != after).then(|| "expected it ignored".into())
        }
        Refused(_) => (!status.is_client_error() || before != after).then(|| "expected a 4xx".into()),
    };
    let server_error = status.is_server_error().then(|| format!("a {status} for fixture input"));
    server_error.or(problem).map(|problem| format!("{file}: {problem} ({observed})"))
}

pub async fn every_fixture_is_processed_as_expected(app: TestApp) {
    let corpus = corpus();
    let deliverable: Vec<&str> = corpus
        .iter()
        .filter(|(relative, document)| is_deliverable(relative, document))
        .map(|(relative, _)| relative.as_str())
        .collect();
    assert!(deliverable.len() >= 90, "the fixture corpus shrank: {} files", deliverable.len());
    let mut problems = Vec::new();
    for file in &deliverable {
        if !EXPECTED.iter().any(|case| case.file == *file) {
            problems.push(format!("{file}: not in EXPECTED"));
        }
    }
    for case in EXPECTED {
        if !deliverable.contains(&case.file) {
            problems.push(format!("{}: in EXPECTED but not a deliverable fixture", case.file));
        }
    }
    let reader = app.create_user("reader").await;
    let mut peer = Peer::start().await;
    for (n, case) in EXPECTED.iter().enumerate() {
        let prefix = peer.url(&format!("/case{n}"));
        if let Some(problem) = run_case(&app, &mut peer, case, &prefix, &reader).await {
            problems.push(problem);
        }
    }
    assert!(
        problems.is_empty(),
        "{} fixture(s) not processed as expected:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Lemmy's votes switch: lemmy_beta's `Dislike` of a post (Lemmy's own JSON) is a downvote,
/// not a favourite; their later `Like` of it replaces the downvote and a second `Dislike` the
/// like; Lemmy's `Undo` (of a `Like`, whichever vote it undoes) and an `Undo` naming the
/// `Dislike` by id take the vote back. Others' votes stay.
pub async fn lemmy_votes_switch_and_stay_out_of_favourites(app: TestApp) {
    let reader = app.create_user("reader").await;
    let mut peer = Peer::start().await;
    let prefix = peer.url("/votes");
    let deliveries = stage(
        &app,
        &mut peer,
        &prefix,
        &[
            LEMMY_PAGE,
            "lemmy/activities/voting/dislike_page.json",
            "lemmy/activities/voting/like_note.json",
            "lemmy/activities/voting/undo_dislike_page.json",
        ],
        &reader,
    )
    .await;
    let [(page, alpha), (dislike, beta), (like_by_alpha, _), (undo, _)] = &deliveries[..] else {
        panic!("four deliveries");
    };
    let post = rewrite_url("http://ds9.lemmy.ml/post/1", &prefix);
    let inbox = app.url("/inbox");
    assert_eq!(peer.deliver(alpha, &inbox, page).await, StatusCode::ACCEPTED);
    // lemmy_alpha likes the post too (their Like of the comment, aimed at the post).
    let mut like_by_alpha = like_by_alpha.clone();
    like_by_alpha["object"] = json!(post);
    assert_eq!(peer.deliver(alpha, &inbox, &like_by_alpha).await, StatusCode::ACCEPTED);
    assert_eq!(votes(&app, &post).await, Some((1, 0)));

    assert_eq!(peer.deliver(beta, &inbox, dislike).await, StatusCode::ACCEPTED);
    assert_eq!(votes(&app, &post).await, Some((1, 1)), "a downvote, not a favourite");
    assert_eq!(peer.deliver(beta, &inbox, dislike).await, StatusCode::ACCEPTED);
    assert_eq!(votes(&app, &post).await, Some((1, 1)), "counted once");

    let mut like_by_beta = like_by_alpha.clone();
    like_by_beta["id"] = json!(format!("{prefix}/beta-likes/1"));
    like_by_beta["actor"] = json!(beta);
    assert_eq!(peer.deliver(beta, &inbox, &like_by_beta).await, StatusCode::ACCEPTED);
    assert_eq!(votes(&app, &post).await, Some((2, 0)), "the like replaced the downvote");

    let mut dislike_again = dislike.clone();
    dislike_again["id"] = json!(format!("{prefix}/beta-dislikes/2"));
    assert_eq!(peer.deliver(beta, &inbox, &dislike_again).await, StatusCode::ACCEPTED);
    assert_eq!(votes(&app, &post).await, Some((1, 1)), "the downvote replaced the like");

    assert_eq!(peer.deliver(beta, &inbox, undo).await, StatusCode::ACCEPTED);
    assert_eq!(votes(&app, &post).await, Some((1, 0)), "Lemmy's Undo took the downvote back");

    let mut third = dislike.clone();
    third["id"] = json!(format!("{prefix}/beta-dislikes/3"));
    assert_eq!(peer.deliver(beta, &inbox, &third).await, StatusCode::ACCEPTED);
    let by_id = json!({"@context": "https://www.w3.org/ns/activitystreams", "id": format!("{prefix}/undos/3"),
        "type": "Undo", "actor": beta, "object": third["id"]});
    let by_alpha = json!({"@context": "https://www.w3.org/ns/activitystreams", "id": format!("{prefix}/undos/4"),
        "type": "Undo", "actor": alpha, "object": third["id"]});
    assert_eq!(peer.deliver(alpha, &inbox, &by_alpha).await, StatusCode::ACCEPTED);
    assert_eq!(votes(&app, &post).await, Some((1, 1)), "only the voter takes a vote back");
    assert_eq!(peer.deliver(beta, &inbox, &by_id).await, StatusCode::ACCEPTED);
    assert_eq!(votes(&app, &post).await, Some((1, 0)), "an Undo naming the Dislike by id");
}

/// Lemmy's `Lock` (its own JSON) of a thread in a group someone here follows: only the group's
/// moderator may; a locked thread drops incoming replies (202, logged) and refuses our members'
/// replies with a clear error; Lemmy's `Undo` of the `Lock` opens it again.
pub async fn lemmy_locks_close_a_thread_to_replies(app: TestApp) {
    let reader = app.create_user("reader").await;
    let mut peer = Peer::start().await;
    let prefix = peer.url("/locks");
    let lock_file = "lemmy/activities/community/lock_page.json";
    let deliveries = stage(
        &app,
        &mut peer,
        &prefix,
        &[lock_file, "lemmy/activities/community/undo_lock_page.json"],
        &reader,
    )
    .await;
    let [(lock, moderator), (unlock, _)] = &deliveries[..] else {
        panic!("two deliveries");
    };
    let group = rewrite_url("http://lemmy-alpha:8541/c/main", &prefix);
    let thread = rewrite_url("http://lemmy-alpha:8541/post/2", &prefix);
    // The group lists lemmy_alpha as its moderator (Lemmy's `attributedTo` collection).
    let moderators = format!("{group}/moderators");
    let mut group_document = peer.document(&group).expect("group served");
    group_document["attributedTo"] = json!(moderators);
    peer.publish(&group, group_document);
    peer.publish(
        &moderators,
        json!({"@context": "https://www.w3.org/ns/activitystreams", "id": moderators,
               "type": "OrderedCollection", "orderedItems": [moderator]}),
    );
    let bea = format!("{prefix}/lemmy-alpha_8541/u/bea");
    peer.add_actor_at(&bea, "Person");
    let inbox = app.url("/inbox");
    let create = |n: u32, object: Value| {
        json!({"@context": "https://www.w3.org/ns/activitystreams", "id": format!("{prefix}/creates/{n}"),
               "type": "Create", "actor": bea, "to": [PUBLIC], "cc": [group], "audience": group, "object": object})
    };
    let reply = |n: u32| {
        create(
            n,
            json!({"id": format!("{prefix}/lemmy-alpha_8541/comment/{n}"), "type": "Note",
            "attributedTo": bea, "content": format!("<p>Reply {n}</p>"), "inReplyTo": thread,
            "to": [PUBLIC], "cc": [group], "audience": group}),
        )
    };
    let page = json!({"id": thread, "type": "Page", "attributedTo": bea, "name": "Heat pumps",
        "content": "<p>Which one?</p>", "to": [PUBLIC, group], "audience": group});
    assert_eq!(peer.deliver(&bea, &inbox, &create(1, page)).await, StatusCode::ACCEPTED);
    assert_eq!(peer.deliver(&bea, &inbox, &reply(2)).await, StatusCode::ACCEPTED);
    let stored_replies = || async { count_rows(&app, "posts").await - 1 };
    assert_eq!(stored_replies().await, 1, "an open thread takes replies");

    // bea does not moderate the group: her Lock is refused.
    let mut by_bea = lock.clone();
    by_bea["id"] = json!(format!("{prefix}/locks/by-bea"));
    by_bea["actor"] = json!(bea);
    assert_eq!(peer.deliver(&bea, &inbox, &by_bea).await, StatusCode::FORBIDDEN);
    assert_eq!(peer.deliver(&bea, &inbox, &reply(3)).await, StatusCode::ACCEPTED);
    assert_eq!(stored_replies().await, 2, "still open");

    assert_eq!(peer.deliver(moderator, &inbox, lock).await, StatusCode::ACCEPTED);
    assert_eq!(peer.deliver(&bea, &inbox, &reply(4)).await, StatusCode::ACCEPTED, "dropped, not refused");
    assert_eq!(stored_replies().await, 2, "a locked thread drops replies");
    let opener = remote::post_by_ap_id(&app.ctx, &thread).await.expect("lookup").expect("thread stored");
    let refused = allmende::service::posts::reply(
        &app.ctx,
        &reader,
        opener,
        allmende::service::posts::NewReply { body: "Me too".into(), ..Default::default() },
    )
    .await;
    assert!(
        matches!(&refused, Err(allmende::service::ServiceError::Invalid(errors)) if format!("{errors:?}").contains("locked")),
        "our member's reply is refused: {refused:?}"
    );

    assert_eq!(peer.deliver(moderator, &inbox, unlock).await, StatusCode::ACCEPTED);
    assert_eq!(peer.deliver(&bea, &inbox, &reply(5)).await, StatusCode::ACCEPTED);
    assert_eq!(stored_replies().await, 3, "unlocked again");
}

on_both_backends!(
    every_fixture_is_processed_as_expected,
    lemmy_votes_switch_and_stay_out_of_favourites,
    lemmy_locks_close_a_thread_to_replies
);

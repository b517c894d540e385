//! Posts: thread openers in groups (each shared by its group, as `boosts::share_in_group` does),
//! replies (counted on their thread's opener, which also takes the reply's time as its last
//! activity, as `posts::update_thread_on_reply` does; the parent's author is notified), and
//! people's own posts. Local posts keep their Markdown source and get the HTML and hashtags of
//! `tags::render_local_post`; remote ones (by people on the peers) come as sanitised HTML with
//! an id on their server, as `remote::store_remote_post` stores them.
//!
//! The text is made and rendered on a blocking thread while the database writes the previous
//! batch.

use std::collections::HashSet;
use std::sync::Arc;

use allmende::domain::hashtags::{PostLinks, find_references};
use allmende::domain::html::render_markdown_linking;
use indicatif::ProgressBar;
use rand::Rng;

use super::bulk::{Table, Val, Writer};
use super::notifications::{Notifications, Subject};
use super::plan::{PEERS, Plan, stream};
use super::text;

pub static POSTS: Table = Table {
    name: "posts",
    columns: &[
        "id",
        "ap_id",
        "local",
        "author_id",
        "group_id",
        "root_id",
        "in_reply_to_id",
        "title",
        "source",
        "content_html",
        "language",
        "sensitive",
        "content_warning",
        "reply_count",
        "like_count",
        "last_activity_at",
        "created_at",
    ],
    parents: &["instances", "actors"],
};

pub static POST_HASHTAGS: Table = Table {
    name: "post_hashtags",
    columns: &["post_id", "name"],
    parents: &["instances", "actors", "posts"],
};

pub static BOOSTS: Table = Table {
    name: "boosts",
    columns: &["id", "post_id", "actor_id", "ap_id", "created_at"],
    parents: &["instances", "actors", "posts"],
};

/// A group's share of a thread has the thread's id + 1 (post ids are even, see `IdSpace::even`).
pub fn share_id(post_id: i64) -> i64 {
    post_id + 1
}

/// The text parts of one post, made on the blocking thread.
struct Made {
    title: Option<String>,
    source: Option<String>,
    html: String,
    hashtags: Vec<String>,
    ap_id: Option<String>,
    content_warning: Option<String>,
}

const BATCH: usize = 4_000;

fn make_batch(plan: &Plan, base_url: &str, start: usize, rng: &mut impl Rng) -> Vec<Made> {
    let end = (start + BATCH).min(plan.posts.len());
    let local_tags = format!("{}/tags/", base_url.trim_end_matches('/'));
    let mut made = Vec::with_capacity(end - start);
    for (offset, post) in plan.posts[start..end].iter().enumerate() {
        let index = (start + offset) as u32;
        let author = &plan.people[post.author as usize];
        let title = (post.is_root(index) && post.group.is_some()).then(|| text::title(rng, post.language));
        let source = text::body(rng, post.language);
        let references = find_references(&source);
        let tag_base = match author.peer {
            Some(peer) => format!("https://{}/tags/", PEERS[peer].0),
            None => local_tags.clone(),
        };
        let links = PostLinks {
            tag_base,
            hashtags: references.hashtags.iter().cloned().collect::<HashSet<_>>(),
            mentions: Default::default(),
        };
        let html = render_markdown_linking(&source, Some(&links));
        let content_warning = rng.random_bool(0.01).then(|| "Long read".to_owned());
        let ap_id = author.peer.map(|peer| match PEERS[peer].1 {
            "mastodon" => format!("https://{}/users/{}/statuses/{}", PEERS[peer].0, author.name, post.id),
            _ => format!("https://{}/post/{}", PEERS[peer].0, post.id),
        });
        made.push(Made {
            title,
            source: author.local.then_some(source),
            html,
            hashtags: references.hashtags,
            ap_id,
            content_warning,
        });
    }
    made
}

pub async fn write(
    writer: &mut Writer,
    plan: &Arc<Plan>,
    base_url: &str,
    notes: &mut Notifications,
    bar: &ProgressBar,
) -> anyhow::Result<()> {
    let (sender, mut receiver) = tokio::sync::mpsc::channel::<(usize, Vec<Made>)>(3);
    let maker = {
        let plan = Arc::clone(plan);
        let base_url = base_url.to_owned();
        tokio::task::spawn_blocking(move || {
            let mut rng = stream(plan.seed, 6);
            let mut start = 0;
            while start < plan.posts.len() {
                let batch = make_batch(&plan, &base_url, start, &mut rng);
                if sender.blocking_send((start, batch)).is_err() {
                    break;
                }
                start += BATCH;
            }
        })
    };
    while let Some((start, batch)) = receiver.recv().await {
        let count = batch.len();
        for (offset, made) in batch.into_iter().enumerate() {
            let index = start + offset;
            let post = &plan.posts[index];
            let author = &plan.people[post.author as usize];
            let group_id = post.group.map(|g| plan.groups[g as usize].id);
            let root = &plan.posts[post.root as usize];
            let parent = post.parent.map(|p| &plan.posts[p as usize]);
            let row: Vec<Val> = vec![
                post.id.into(),
                made.ap_id.into(),
                author.local.into(),
                author.id.into(),
                group_id.into(),
                root.id.into(),
                parent.map(|p| p.id).into(),
                made.title.into(),
                made.source.into(),
                made.html.into(),
                post.language.into(),
                made.content_warning.is_some().into(),
                made.content_warning.into(),
                i64::from(post.reply_count).into(),
                i64::from(post.like_count).into(),
                post.last_activity_at.into(),
                post.created_at.into(),
            ];
            writer.push(&POSTS, row).await?;
            for name in made.hashtags {
                writer.push(&POST_HASHTAGS, vec![post.id.into(), name.into()]).await?;
            }
            if let (Some(group_id), None) = (group_id, parent) {
                writer
                    .push(
                        &BOOSTS,
                        vec![
                            share_id(post.id).into(),
                            post.id.into(),
                            group_id.into(),
                            None::<String>.into(),
                            post.created_at.into(),
                        ],
                    )
                    .await?;
            }
            if let Some(parent) = parent {
                let subject = Subject { post: Some(post.id), ..Subject::default() };
                notes
                    .add(writer, plan, parent.author, "mention", post.author, subject, post.created_at)
                    .await?;
            }
        }
        bar.inc(count as u64);
    }
    maker.await?;
    Ok(())
}

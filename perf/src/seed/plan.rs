//! The shape of the seeded instance, decided up front from the seed: who exists, which group
//! each thread is in, how long each thread is, who wrote what when, and how many likes each post
//! gets. Everything is skewed as real forums are: a few big groups and many small ones, a few
//! very long threads and many short ones, a few very active people and many quiet ones.
//! The writers (one module per table) turn this into rows; text is made while writing.

use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::SeedOptions;
use super::ids::IdSpace;
use super::text;

pub const DAY: i64 = 86_400_000;

/// The fake peer instances remote people live on (`.example` names never resolve).
pub const PEERS: &[(&str, &str)] = &[
    ("klima.example", "allmende"),
    ("energie.example", "allmende"),
    ("sol.example", "mastodon"),
    ("vind.example", "lemmy"),
    ("ilmasto.example", "mastodon"),
    ("klimat.example", "allmende"),
    ("commons.example", "mastodon"),
    ("repair.example", "lemmy"),
];

#[derive(Debug, Clone)]
pub struct Person {
    pub id: i64,
    pub name: String,
    pub local: bool,
    /// Index into [`PEERS`] for remote people.
    pub peer: Option<usize>,
    pub language: &'static str,
    pub created_at: i64,
}

#[derive(Debug, Clone)]
pub struct Group {
    pub id: i64,
    pub name: String,
    pub topic: &'static str,
    pub language: &'static str,
    pub project: bool,
    /// Index into [`Plan::people`] (always a local person).
    pub owner: u32,
    pub created_at: i64,
}

#[derive(Debug, Clone)]
pub struct Post {
    pub id: i64,
    /// Index into [`Plan::people`].
    pub author: u32,
    /// Index into [`Plan::groups`]; `None` for a person's own post.
    pub group: Option<u32>,
    /// Index into [`Plan::posts`] of the thread's opener (itself for an opener).
    pub root: u32,
    pub parent: Option<u32>,
    pub created_at: i64,
    pub language: &'static str,
    /// Replies in the whole thread (openers only).
    pub reply_count: u32,
    /// The latest reply's time (openers), else `created_at`.
    pub last_activity_at: i64,
    pub like_count: u32,
}

impl Post {
    pub fn is_root(&self, index: u32) -> bool {
        self.root == index
    }
}

#[derive(Debug)]
pub struct Plan {
    pub seed: u64,
    /// Every seeded time is before this (the start of the day of seeding, UTC).
    pub anchor: i64,
    /// Local people first (`0..local_people`), then remote ones.
    pub people: Vec<Person>,
    pub local_people: usize,
    pub groups: Vec<Group>,
    /// In time order (so a parent always comes before its replies).
    pub posts: Vec<Post>,
}

/// Samples indices with given weights (cumulative sums and a binary search).
pub struct Weighted {
    cumulative: Vec<f64>,
}

impl Weighted {
    pub fn new(weights: impl Iterator<Item = f64>) -> Self {
        let mut total = 0.0;
        let cumulative = weights
            .map(|w| {
                total += w;
                total
            })
            .collect();
        Self { cumulative }
    }

    /// Zipf weights `1 / (rank + 1)^exponent` over `n` items, ranks shuffled unless `ordered`.
    pub fn zipf(n: usize, exponent: f64) -> Self {
        Self::new((0..n).map(|rank| 1.0 / ((rank + 1) as f64).powf(exponent)))
    }

    pub fn sample(&self, rng: &mut impl Rng) -> usize {
        let total = self.cumulative.last().copied().unwrap_or(0.0);
        let roll = rng.random_range(0.0..total.max(f64::MIN_POSITIVE));
        self.cumulative.partition_point(|&c| c <= roll).min(self.cumulative.len().saturating_sub(1))
    }
}

/// A Pareto-distributed number (minimum 1, heavier tail for smaller `alpha`).
pub fn pareto(rng: &mut impl Rng, alpha: f64) -> f64 {
    let u: f64 = rng.random_range(f64::EPSILON..1.0);
    u.powf(-1.0 / alpha)
}

/// A separate random stream per part of the plan, so changing one part leaves the others alone.
pub fn stream(seed: u64, part: u64) -> ChaCha8Rng {
    ChaCha8Rng::seed_from_u64(seed ^ part.wrapping_mul(0x9E37_79B9_7F4A_7C15))
}

impl Plan {
    pub fn new(options: &SeedOptions, anchor: i64) -> anyhow::Result<Self> {
        let users = options.users.max(2) as usize;
        let groups = options.groups.max(1) as usize;
        let posts = options.posts as usize;
        let seed = options.seed;

        // People: local accounts, then a fifth as many remote people on the peers.
        let mut rng = stream(seed, 1);
        let mut actor_ids = IdSpace::new("actors");
        let remote = (users / 5).max(1);
        let mut people = Vec::with_capacity(users + remote);
        let mut times: Vec<i64> = (0..users + remote + groups)
            .map(|_| anchor - 420 * DAY + rng.random_range(0..50 * DAY))
            .collect();
        times.sort_unstable();
        let mut time = times.into_iter();
        for i in 0..users + remote {
            let local = i < users;
            let first = text::FIRST_NAMES[rng.random_range(0..text::FIRST_NAMES.len())];
            people.push(Person {
                id: 0,
                name: format!("{first}_{i}"),
                local,
                peer: (!local).then(|| rng.random_range(0..PEERS.len())),
                language: text::pick_language(&mut rng),
                created_at: 0,
            });
        }
        // Groups: topics and languages at random; sizes follow their rank (Zipf) below.
        let mut group_list = Vec::with_capacity(groups);
        let owners = Weighted::zipf(users, 1.0);
        for i in 0..groups {
            let topic = text::TOPICS[rng.random_range(0..text::TOPICS.len())];
            group_list.push(Group {
                id: 0,
                name: format!("{topic}-{i}"),
                topic,
                language: text::pick_language(&mut rng),
                project: rng.random_bool(0.12),
                owner: owners.sample(&mut rng) as u32,
                created_at: 0,
            });
        }
        // Actor ids in creation-time order, people and groups interleaved as they joined.
        let mut order: Vec<usize> = (0..people.len() + group_list.len()).collect();
        order.shuffle(&mut rng);
        for slot in order {
            let at = time.next().unwrap_or(anchor - 370 * DAY);
            let id = actor_ids.at(at)?;
            if let Some(person) = people.get_mut(slot) {
                person.id = id;
                person.created_at = at;
            } else if let Some(group) = group_list.get_mut(slot - people.len()) {
                group.id = id;
                group.created_at = at;
            }
        }

        // Posts: personal posts, thread openers and replies.
        let mut rng = stream(seed, 2);
        let personal = posts * 3 / 100;
        let threads = ((posts - personal) / 8).max(usize::from(posts > personal));
        let replies = posts - personal - threads;
        let authors = Weighted::zipf(people.len(), 0.9);
        let mut author_rank: Vec<u32> = (0..people.len() as u32).collect();
        author_rank.shuffle(&mut rng);
        let group_weights = Weighted::zipf(groups, 1.0);
        let thread_weights = Weighted::new((0..threads).map(|_| pareto(&mut rng, 1.3)));
        let window = 365 * DAY;

        enum Kind {
            Personal,
            Opener { group: u32, thread: u32 },
            Reply { thread: u32 },
        }
        struct Entry {
            at: i64,
            author: u32,
            kind: Kind,
        }
        let mut entries: Vec<Entry> = Vec::with_capacity(posts);
        let mut thread_start = Vec::with_capacity(threads);
        for thread in 0..threads {
            let at = anchor - window + rng.random_range(0..window - 3_600_000);
            thread_start.push(at);
            let author = author_rank[authors.sample(&mut rng)];
            entries.push(Entry {
                at,
                author,
                kind: Kind::Opener { group: group_weights.sample(&mut rng) as u32, thread: thread as u32 },
            });
        }
        for _ in 0..personal {
            let at = anchor - window + rng.random_range(0..window - 60_000);
            // Own posts are by local people (remote ones are only held when someone follows them).
            let author = author_rank[authors.sample(&mut rng)] % users as u32;
            entries.push(Entry { at, author, kind: Kind::Personal });
        }
        for _ in 0..replies {
            let thread = thread_weights.sample(&mut rng);
            // Replies come minutes to weeks after the opener, most within a day.
            let delay = (pareto(&mut rng, 0.9) * 120_000.0).min(60.0 * DAY as f64) as i64;
            let at = (thread_start[thread] + delay).min(anchor - 1_000);
            let author = author_rank[authors.sample(&mut rng)];
            entries.push(Entry { at, author, kind: Kind::Reply { thread: thread as u32 } });
        }
        // Time order; an opener always before its replies, even in the same millisecond.
        entries.sort_by_key(|e| (e.at, !matches!(e.kind, Kind::Opener { .. })));

        let mut post_ids = IdSpace::even("posts");
        let mut thread_root: Vec<u32> = vec![u32::MAX; threads];
        let mut thread_replies: Vec<Vec<u32>> = vec![Vec::new(); threads];
        let mut plan_posts: Vec<Post> = Vec::with_capacity(posts);
        let mut likes_rng = stream(seed, 3);
        for entry in entries {
            let index = plan_posts.len() as u32;
            let id = post_ids.at(entry.at)?;
            let language = if rng.random_bool(0.8) {
                people[entry.author as usize].language
            } else {
                text::pick_language(&mut rng)
            };
            let mut post = Post {
                id,
                author: entry.author,
                group: None,
                root: index,
                parent: None,
                created_at: entry.at,
                language,
                reply_count: 0,
                last_activity_at: entry.at,
                like_count: 0,
            };
            match entry.kind {
                Kind::Personal => {}
                Kind::Opener { group, thread } => {
                    post.group = Some(group);
                    thread_root[thread as usize] = index;
                }
                Kind::Reply { thread } => {
                    let root = thread_root[thread as usize];
                    let parent = match thread_replies[thread as usize].as_slice() {
                        earlier if !earlier.is_empty() && rng.random_bool(0.4) => {
                            earlier[rng.random_range(0..earlier.len())]
                        }
                        _ => root,
                    };
                    thread_replies[thread as usize].push(index);
                    post.root = root;
                    post.parent = Some(parent);
                    let opener = &mut plan_posts[root as usize];
                    post.group = opener.group;
                    opener.reply_count += 1;
                    opener.last_activity_at = opener.last_activity_at.max(entry.at);
                }
            }
            let boost = if post.parent.is_none() { 1.5 } else { 0.6 };
            post.like_count = ((pareto(&mut likes_rng, 1.6) - 1.0) * boost) as u32;
            post.like_count = post.like_count.min(300).min(people.len() as u32 - 1);
            plan_posts.push(post);
        }

        Ok(Self { seed, anchor, people, local_people: users, groups: group_list, posts: plan_posts })
    }
}

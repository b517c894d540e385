//! Likes: as many per post as the plan says (a long tail: most posts none, a few hundreds), by
//! people who like a lot more often than others, never by the author. The rows of
//! `likes::insert_like` (remote likes with their activity id), counted in `posts.like_count`
//! (the plan's count), each telling a local author (`favourite`).

use rand::Rng;
use rand::seq::SliceRandom;

use super::bulk::{Table, Writer};
use super::notifications::{Notifications, Subject};
use super::plan::{DAY, PEERS, Plan, Weighted, stream};

pub static LIKES: Table = Table {
    name: "likes",
    columns: &["post_id", "actor_id", "ap_id", "created_at"],
    parents: &["instances", "actors", "posts"],
};

pub async fn write(writer: &mut Writer, plan: &Plan, notes: &mut Notifications) -> anyhow::Result<()> {
    let mut rng = stream(plan.seed, 7);
    let likers = Weighted::zipf(plan.people.len(), 0.8);
    let mut liker_rank: Vec<u32> = (0..plan.people.len() as u32).collect();
    liker_rank.shuffle(&mut rng);
    let mut remote_likes = 0u64;
    let mut chosen: Vec<u32> = Vec::new();
    for post in &plan.posts {
        chosen.clear();
        let mut attempts = 0;
        while chosen.len() < post.like_count as usize && attempts < post.like_count * 20 + 20 {
            attempts += 1;
            let liker = liker_rank[likers.sample(&mut rng)];
            if liker == post.author || chosen.contains(&liker) {
                continue;
            }
            chosen.push(liker);
        }
        // The plan's count is what `like_count` says: fill up with anyone when the skewed draw
        // kept hitting the same few people.
        let mut next = 0u32;
        while chosen.len() < post.like_count as usize {
            if next != post.author && !chosen.contains(&next) {
                chosen.push(next);
            }
            next += 1;
        }
        for &liker in &chosen {
            let person = &plan.people[liker as usize];
            let at = (post.created_at + rng.random_range(60_000..3 * DAY)).min(plan.anchor - 1);
            let ap_id = person.peer.map(|peer| {
                remote_likes += 1;
                format!("https://{}/activities/like/{remote_likes}", PEERS[peer].0)
            });
            writer.push(&LIKES, vec![post.id.into(), person.id.into(), ap_id.into(), at.into()]).await?;
            let subject = Subject { post: Some(post.id), ..Subject::default() };
            notes.add(writer, plan, post.author, "favourite", liker, subject, at).await?;
        }
    }
    Ok(())
}

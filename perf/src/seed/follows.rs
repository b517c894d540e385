//! Who follows whom: local people join groups (Zipf: big groups get most members) and follow
//! people here and on the peers; remote people join local groups and follow local people. The
//! rows of `follows::follow` (accepted at once for open local targets, accepted by the peer for
//! remote ones) and of an incoming `Follow` (with its activity id), with their notifications.

use rand::Rng;
use rand::seq::SliceRandom;

use super::bulk::{Table, Writer};
use super::ids::IdSpace;
use super::notifications::{Notifications, Subject};
use super::plan::{PEERS, Plan, Weighted, stream};

pub static FOLLOWS: Table = Table {
    name: "follows",
    columns: &["id", "follower_id", "followed_id", "state", "ap_id", "created_at"],
    parents: &["instances", "actors"],
};

/// How many things one person follows: mostly a few, sometimes many.
fn how_many(rng: &mut impl Rng, mean: f64, cap: usize) -> usize {
    ((super::plan::pareto(rng, 1.5) - 1.0) * mean * 0.5 + rng.random_range(0.0..1.5)) as usize % (cap + 1)
}

pub async fn write(writer: &mut Writer, plan: &Plan, notes: &mut Notifications) -> anyhow::Result<()> {
    let mut rng = stream(plan.seed, 5);
    let mut ids = IdSpace::new("follows");
    let groups = Weighted::zipf(plan.groups.len(), 1.0);
    let people = Weighted::zipf(plan.people.len(), 1.0);
    let mut person_rank: Vec<u32> = (0..plan.people.len() as u32).collect();
    person_rank.shuffle(&mut rng);
    let mut remote_follow = 0u64;
    for (index, follower) in plan.people.iter().enumerate() {
        let index = index as u32;
        let mut chosen: Vec<usize> = Vec::new();
        for _ in 0..how_many(&mut rng, 4.0, 60) {
            let group = groups.sample(&mut rng);
            if chosen.contains(&group) {
                continue;
            }
            chosen.push(group);
            let target = &plan.groups[group];
            let at = follower.created_at.max(target.created_at) + rng.random_range(0..300 * super::plan::DAY);
            let at = at.min(plan.anchor - 1);
            let ap_id = (!follower.local).then(|| {
                remote_follow += 1;
                format!("https://{}/activities/follow/{remote_follow}", PEERS[follower.peer.unwrap_or(0)].0)
            });
            writer
                .push(
                    &FOLLOWS,
                    vec![
                        ids.at(at)?.into(),
                        follower.id.into(),
                        target.id.into(),
                        "accepted".into(),
                        ap_id.into(),
                        at.into(),
                    ],
                )
                .await?;
            notes
                .add(
                    writer,
                    plan,
                    target.owner,
                    "group_join",
                    index,
                    Subject { group: Some(target.id), ..Subject::default() },
                    at,
                )
                .await?;
        }
        let mut followed: Vec<u32> = Vec::new();
        for _ in 0..how_many(&mut rng, 3.0, 80) {
            let target = person_rank[people.sample(&mut rng)];
            let person = &plan.people[target as usize];
            // Remote people only follow local ones here (their follows of each other live elsewhere).
            if target == index || followed.contains(&target) || (!follower.local && !person.local) {
                continue;
            }
            followed.push(target);
            let at = (follower.created_at.max(person.created_at)
                + rng.random_range(0..300 * super::plan::DAY))
            .min(plan.anchor - 1);
            let ap_id = (!follower.local).then(|| {
                remote_follow += 1;
                format!("https://{}/activities/follow/{remote_follow}", PEERS[follower.peer.unwrap_or(0)].0)
            });
            writer
                .push(
                    &FOLLOWS,
                    vec![
                        ids.at(at)?.into(),
                        follower.id.into(),
                        person.id.into(),
                        "accepted".into(),
                        ap_id.into(),
                        at.into(),
                    ],
                )
                .await?;
            notes.add(writer, plan, target, "follow", index, Subject::default(), at).await?;
        }
    }
    Ok(())
}

//! The projects of project groups: status, timeframe, focus areas (from the configured list) and
//! tags, written as `projects::upsert_project` keeps them (lists as `,a,b,`).

use rand::Rng;
use rand::seq::IndexedRandom;

use super::bulk::{Table, Writer};
use super::plan::{Plan, stream};
use super::text;

pub static PROJECTS: Table = Table {
    name: "projects",
    columns: &["group_id", "summary", "status", "start_date", "focus_areas", "tags", "region", "updated_at"],
    parents: &["instances", "actors"],
};

const STATUSES: [&str; 5] = ["idea", "planned", "running", "completed", "paused"];

pub async fn write(writer: &mut Writer, plan: &Plan, focus_areas: &[String]) -> anyhow::Result<()> {
    let mut rng = stream(plan.seed, 9);
    for group in plan.groups.iter().filter(|g| g.project) {
        let how_many = rng.random_range(1..=2);
        let areas: Vec<&str> = focus_areas.choose_multiple(&mut rng, how_many).map(String::as_str).collect();
        let focus = if areas.is_empty() { String::new() } else { format!(",{},", areas.join(",")) };
        let tags = format!(",{},{},", text::pick_hashtag(&mut rng), group.topic);
        let year = 2024 + rng.random_range(0..3);
        let month = rng.random_range(1..=12);
        writer
            .push(
                &PROJECTS,
                vec![
                    group.id.into(),
                    text::body(&mut rng, group.language).into(),
                    STATUSES[rng.random_range(0..STATUSES.len())].into(),
                    Some(format!("{year}-{month:02}-01")).into(),
                    focus.into(),
                    tags.into(),
                    text::PLACES[rng.random_range(0..text::PLACES.len())].into(),
                    group.created_at.into(),
                ],
            )
            .await?;
    }
    Ok(())
}

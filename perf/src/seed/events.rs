//! Events of groups (past and coming, in the organisers' time zones) and who goes to them: the
//! rows of `events::create_event` and of a member's RSVP (which tells the organiser).

use allmende::domain::html::render_markdown;
use rand::Rng;

use super::bulk::{Table, Writer};
use super::ids::IdSpace;
use super::notifications::{Notifications, Subject};
use super::plan::{DAY, Plan, stream};
use super::text;

pub static EVENTS: Table = Table {
    name: "events",
    columns: &[
        "id",
        "local",
        "group_id",
        "author_id",
        "title",
        "description_source",
        "description_html",
        "starts_at",
        "ends_at",
        "time_zone",
        "address",
        "created_at",
        "updated_at",
        "join_mode",
    ],
    parents: &["instances", "actors"],
};

pub static PARTICIPANTS: Table = Table {
    name: "event_participants",
    columns: &["event_id", "actor_id", "status", "created_at", "updated_at"],
    parents: &["instances", "actors", "events"],
};

fn time_zone(language: &str) -> &'static str {
    match language {
        "de" => "Europe/Berlin",
        "sv" => "Europe/Stockholm",
        "da" => "Europe/Copenhagen",
        "fi" => "Europe/Helsinki",
        "pl" => "Europe/Warsaw",
        _ => "Europe/London",
    }
}

pub async fn write(writer: &mut Writer, plan: &Plan, notes: &mut Notifications) -> anyhow::Result<()> {
    let mut rng = stream(plan.seed, 8);
    let mut ids = IdSpace::new("events");
    for group in &plan.groups {
        if !rng.random_bool(0.15) {
            continue;
        }
        for _ in 0..rng.random_range(1..=4) {
            // Half a year back to half a year ahead, on the hour.
            let starts_at = plan.anchor - 180 * DAY + rng.random_range(0..360 * DAY);
            let starts_at = starts_at - starts_at % 3_600_000;
            let created_at =
                (starts_at - rng.random_range(DAY..60 * DAY)).clamp(group.created_at + 1, plan.anchor - 1);
            let id = ids.at(created_at)?;
            let title = text::title(&mut rng, group.language);
            let description = text::body(&mut rng, group.language);
            let place = text::PLACES[rng.random_range(0..text::PLACES.len())];
            writer
                .push(
                    &EVENTS,
                    vec![
                        id.into(),
                        true.into(),
                        group.id.into(),
                        plan.people[group.owner as usize].id.into(),
                        title.into(),
                        description.as_str().into(),
                        render_markdown(&description).into(),
                        starts_at.into(),
                        (starts_at + 2 * 3_600_000).into(),
                        time_zone(group.language).into(),
                        format!("Town hall, {place}").into(),
                        created_at.into(),
                        created_at.into(),
                        "free".into(),
                    ],
                )
                .await?;
            let mut going: Vec<u32> = Vec::new();
            for _ in 0..rng.random_range(0..15) {
                let person = rng.random_range(0..plan.local_people as u32);
                if going.contains(&person) {
                    continue;
                }
                going.push(person);
                let at = (created_at + rng.random_range(0..5 * DAY)).min(plan.anchor - 1);
                writer
                    .push(
                        &PARTICIPANTS,
                        vec![
                            id.into(),
                            plan.people[person as usize].id.into(),
                            "going".into(),
                            at.into(),
                            at.into(),
                        ],
                    )
                    .await?;
                let subject = Subject { event: Some(id), ..Subject::default() };
                notes.add(writer, plan, group.owner, "event_rsvp", person, subject, at).await?;
            }
        }
    }
    Ok(())
}

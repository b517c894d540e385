//! Notifications, as `service::notifications` writes them beside each change: a reply tells the
//! parent's author (`mention`), a like the post's author (`favourite`), a follow the person
//! followed (`follow`), a join the group's local moderators (`group_join`), an answer to an
//! event its organiser (`event_rsvp`). Never to oneself, only to local accounts.

use super::bulk::{Table, Val, Writer};
use super::ids::IdSpace;
use super::plan::Plan;

pub static NOTIFICATIONS: Table = Table {
    name: "notifications",
    columns: &["id", "account_id", "kind", "from_actor_id", "post_id", "group_id", "event_id", "created_at"],
    parents: &["instances", "actors", "accounts", "posts", "events"],
};

/// What a notification is about, besides who caused it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Subject {
    pub post: Option<i64>,
    pub group: Option<i64>,
    pub event: Option<i64>,
}

pub struct Notifications {
    ids: IdSpace,
}

impl Default for Notifications {
    fn default() -> Self {
        Self::new()
    }
}

impl Notifications {
    pub fn new() -> Self {
        Self { ids: IdSpace::new("notifications") }
    }

    /// Tells person `recipient` (an index into the plan's people) about `kind` by `from`.
    #[allow(clippy::too_many_arguments)]
    pub async fn add(
        &mut self,
        writer: &mut Writer,
        plan: &Plan,
        recipient: u32,
        kind: &'static str,
        from: u32,
        subject: Subject,
        at: i64,
    ) -> anyhow::Result<()> {
        if recipient == from || !plan.people[recipient as usize].local {
            return Ok(());
        }
        let row: Vec<Val> = vec![
            self.ids.at(at)?.into(),
            plan.people[recipient as usize].id.into(),
            kind.into(),
            plan.people[from as usize].id.into(),
            subject.post.into(),
            subject.group.into(),
            subject.event.into(),
            at.into(),
        ];
        writer.push(&NOTIFICATIONS, row).await
    }

    /// Nothing is kept back: rows go to the writer as they are made.
    pub async fn write(&mut self, writer: &mut Writer) -> anyhow::Result<()> {
        writer.flush_named("notifications").await
    }
}

//! Reports from other servers: a `Flag` whose objects the federation layer has read as our
//! posts and people, or stored remote things, becomes a report when it concerns us.

use super::notify_new_report;
use crate::db;
use crate::db::reports::NewReport;
use crate::domain::report::{ReportCategory, clip_remote_comment};
use crate::domain::{ActorId, PostId};
use crate::service::{Context, ServiceError};

/// One object a `Flag` names, as the federation layer read its URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FlaggedObject {
    /// One of our posts.
    LocalPost(PostId),
    /// One of our people or groups, by name.
    LocalActor(String),
    /// Something elsewhere, by its ActivityPub id.
    Remote(String),
}

/// A report that arrived in a `Flag` from another server.
#[derive(Debug, Clone)]
pub struct RemoteReport {
    pub flag_ap_id: String,
    /// The actor that sent the `Flag` (a person or the instance actor of its server).
    pub sender: ActorId,
    pub origin_host: String,
    pub objects: Vec<FlaggedObject>,
    pub comment: String,
}

/// What became of a `Flag`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RemoteReportOutcome {
    Stored(i64),
    /// The same `Flag` was stored before.
    Repeated,
    /// It names nothing of ours and no post in one of our groups: not ours to judge.
    NotOurs,
}

/// Stores a report from elsewhere when it is about one of our accounts or posts, or a post in
/// one of our groups. Remote objects are only looked up among what we store: a post in one of
/// our groups is always stored here, so nothing needs fetching.
pub async fn receive_remote_report(
    ctx: &Context,
    report: RemoteReport,
) -> Result<RemoteReportOutcome, ServiceError> {
    let mut tx = ctx.db.begin().await?;
    let mut conn = tx.conn();
    let mut accounts = Vec::new();
    let mut posts = Vec::new();
    for object in &report.objects {
        match object {
            FlaggedObject::LocalPost(id) => {
                if let Some(post) = db::posts::get_post_ref(&mut conn, id.0).await? {
                    posts.push(post);
                }
            }
            FlaggedObject::LocalActor(name) => {
                if let Some(actor) = db::actors::get_local_actor_by_name(&mut conn, name).await?
                    && matches!(actor.kind.as_str(), "person" | "group")
                {
                    accounts.push((actor.id, true));
                }
            }
            FlaggedObject::Remote(ap_id) => {
                if let Some(post) = db::posts::get_post_ref_by_ap_id(&mut conn, ap_id).await? {
                    let in_our_group = match post.group_id {
                        Some(group) => {
                            db::actors::get_actor(&mut conn, group).await?.is_some_and(|g| g.local)
                        }
                        None => false,
                    };
                    if in_our_group {
                        posts.push(post);
                    }
                } else if let Some(actor) = db::actors::get_actor_by_ap_id(&mut conn, ap_id).await?
                    && matches!(actor.kind.as_str(), "person" | "group")
                {
                    accounts.push((actor.id, actor.local));
                }
            }
        }
    }
    // The reported account: the one named (ours, or the author of posts in our groups), else the
    // author of the first post; only that account's posts belong to the report.
    let target = accounts
        .iter()
        .find(|(id, local)| *local || posts.iter().any(|p| p.author_id == *id))
        .map(|(id, _)| *id)
        .or_else(|| posts.first().map(|p| p.author_id));
    let Some(target) = target else {
        return Ok(RemoteReportOutcome::NotOurs);
    };
    let mut seen = std::collections::HashSet::new();
    posts.retain(|p| p.author_id == target && seen.insert(p.id));
    let target_local = db::actors::get_actor(&mut conn, target).await?.is_some_and(|a| a.local);
    if !target_local && posts.is_empty() {
        return Ok(RemoteReportOutcome::NotOurs);
    }
    let mut groups: Vec<Option<i64>> = posts.iter().map(|p| p.group_id).collect();
    groups.dedup();
    let group_id = match groups.as_slice() {
        [single] => *single,
        _ => None,
    };
    let id = ctx.new_id();
    let comment = clip_remote_comment(&report.comment);
    let inserted = db::reports::insert_report(
        &mut conn,
        &NewReport {
            id,
            target_id: target,
            reporter_id: Some(report.sender.0),
            origin_host: Some(&report.origin_host),
            flag_ap_id: Some(&report.flag_ap_id),
            group_id,
            category: ReportCategory::Other.as_str(),
            comment: &comment,
            forwarded: true,
            now: ctx.now().millis(),
        },
    )
    .await?;
    if !inserted {
        return Ok(RemoteReportOutcome::Repeated);
    }
    for (position, post) in posts.iter().take(20).enumerate() {
        db::reports::insert_report_post_snapshot(&mut conn, id, position as i64, post.id).await?;
    }
    notify_new_report(ctx, &mut conn, id, report.sender.0, group_id).await?;
    tx.commit().await?;
    Ok(RemoteReportOutcome::Stored(id))
}

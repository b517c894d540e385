//! A member's report leaves the instance as `Flag`, always sent by our instance actor so the
//! reporter's identity stays here: to a remote group's inbox in Lemmy's shape (one `Flag` per
//! reported post, the reason in `summary`), and, when the member asked to forward it, to the
//! reported account's server in Mastodon's shape (the account and the posts, the comment in
//! `content`).

use url::Url;

use super::routing::{Outgoing, Target};
use super::{TranslateError, activity_json, new_activity_id};
use crate::db;
use crate::domain::PostId;
use crate::domain::report::ReportCategory;
use crate::federation::objects::url;
use crate::federation::protocol::FlagJson;
use crate::federation::uris::Uris;
use crate::service::Context;
use crate::service::instance::INSTANCE_ACTOR_NAME;

pub(super) async fn report_created(
    ctx: &Context,
    uris: &Uris,
    report_id: i64,
) -> Result<Vec<Outgoing>, TranslateError> {
    let mut conn = ctx.db.acquire().await?;
    let mut conn = conn.conn();
    let report = db::reports::get_report(&mut conn, report_id).await?.ok_or(TranslateError::Gone)?;
    if report.origin_host.is_some() {
        // A report from elsewhere is never sent on.
        return Ok(Vec::new());
    }
    let sender = db::actors::get_local_actor_by_name(&mut conn, INSTANCE_ACTOR_NAME)
        .await?
        .filter(|actor| actor.kind == "application")
        .ok_or(TranslateError::Gone)?;
    let snapshots = db::reports::list_report_posts(&mut conn, report_id, report_id).await?;
    let mut posts = Vec::new();
    for snapshot in &snapshots {
        let post_url = match (&snapshot.post_ap_id, snapshot.post_id) {
            (Some(ap_id), _) => Url::parse(ap_id).ok(),
            (None, Some(id)) => {
                let root = db::posts::get_post_ref(&mut conn, id).await?.map(|p| p.root_id);
                Some(url(&uris.post(PostId(id), root == Some(id)))?)
            }
            (None, None) => None,
        };
        posts.extend(post_url);
    }
    let actor = url(&uris.instance_actor())?;
    let reason = if report.comment.is_empty() {
        ReportCategory::from_stored(&report.category).as_str().to_owned()
    } else {
        report.comment.clone()
    };
    let mut outgoing = Vec::new();
    if let (Some(group_id), Some(false)) = (report.group_id, report.group_local)
        && let Some(group) = db::actors::get_federation_fields(&mut conn, group_id).await?
        && let (Some(group_url), Some(inbox)) =
            (group.ap_id.as_deref(), group.inbox_url.or(group.shared_inbox_url))
    {
        let group_url = url(group_url)?;
        let inbox = url(&inbox)?;
        for post in &posts {
            let flag = FlagJson::to_group(
                new_activity_id(ctx, uris, "flag")?,
                actor.clone(),
                post.clone(),
                group_url.clone(),
                reason.clone(),
            );
            let id = flag.id.clone();
            outgoing.push(Outgoing::new(
                sender.id,
                id,
                activity_json(&flag)?,
                vec![Target::Inbox(inbox.clone())],
            ));
        }
    }
    if report.forwarded
        && let Some(target) = db::actors::get_federation_fields(&mut conn, report.target_id).await?
        && !target.local
        && let (Some(account), Some(inbox)) =
            (target.ap_id.as_deref(), target.shared_inbox_url.or(target.inbox_url))
    {
        let flag = FlagJson::to_author_server(
            new_activity_id(ctx, uris, "flag")?,
            actor.clone(),
            url(account)?,
            posts.clone(),
            report.comment.clone(),
        );
        let id = flag.id.clone();
        outgoing.push(Outgoing::new(sender.id, id, activity_json(&flag)?, vec![Target::Inbox(url(&inbox)?)]));
    }
    Ok(outgoing)
}

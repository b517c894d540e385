//! A member's vote in a remote poll: for each option chosen, a `Create` of a `Note` named
//! after it, in reply to the `Question`, addressed to the poll's author only (as Mastodon
//! votes). Our own polls' new counts go out as an `Update` of the post (`posts::post_edited`).

use super::routing::{self, Outgoing, Target};
use super::{TranslateError, activity_json};
use crate::db;
use crate::domain::PostId;
use crate::federation::objects::{actor_id, post_id, url};
use crate::federation::protocol::{VoteJson, VoteNoteJson};
use crate::federation::uris::Uris;
use crate::service::{Context, federated};

pub(super) async fn poll_voted(
    ctx: &Context,
    uris: &Uris,
    post: i64,
    voter: i64,
    choices: &[i64],
) -> Result<Vec<Outgoing>, TranslateError> {
    let voter_row = {
        let mut conn = ctx.db.acquire().await?;
        db::actors::get_actor(&mut conn.conn(), voter).await?.ok_or(TranslateError::Gone)?
    };
    let target = federated::get_post(ctx, PostId(post)).await?;
    if !voter_row.local || target.local || target.deleted {
        return Ok(Vec::new());
    }
    let (Some(poll), Some(inbox)) = (&target.poll, routing::notify_inbox(&target.author)) else {
        return Ok(Vec::new());
    };
    let voter_url = url(&uris.actor(&voter_row.kind, &voter_row.name))?;
    let question = post_id(uris, &target)?;
    let author = actor_id(uris, &target.author)?;
    let mut outgoing = Vec::new();
    for position in choices {
        let Some(option) = usize::try_from(*position).ok().and_then(|index| poll.options.get(index)) else {
            continue;
        };
        let note_id = uris.poll_vote(voter, post, *position);
        let note = VoteNoteJson::new(
            url(&note_id)?,
            option.title.clone(),
            voter_url.clone(),
            question.clone(),
            author.clone(),
        );
        let create = VoteJson::new(url(&format!("{note_id}/activity"))?, note);
        outgoing.push(Outgoing::new(
            voter,
            create.id.clone(),
            activity_json(&create)?,
            vec![Target::Inbox(inbox.clone())],
        ));
    }
    Ok(outgoing)
}

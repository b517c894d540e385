//! Who may read a post (`posts.visibility`, migration 0031; the rules are in
//! `domain::visibility`). The macros are the SQL conditions every read of posts uses; the
//! functions change a group's posts when it is closed or opened and answer whether a remote
//! actor's signed fetch may see a post.

use super::{Conn, DbError, execute, query_scalar};

/// Whether viewer `$viewer` (an actor id parameter, or NULL when signed out) may read post
/// `$p` (a table alias): open posts, their own, followers-only posts of people they follow or
/// that mention them, and posts of private groups they are an accepted member or moderator of.
macro_rules! readable_by {
    ($viewer:literal, $p:literal) => {
        concat!(
            "(",
            $p,
            ".visibility IN ('public', 'unlisted') OR ",
            $p,
            ".author_id = ",
            $viewer,
            " OR (",
            $p,
            ".visibility = 'private' AND (EXISTS (SELECT 1 FROM follows vf WHERE vf.follower_id = ",
            $viewer,
            " AND vf.followed_id = ",
            $p,
            ".author_id AND vf.state = 'accepted') \
             OR EXISTS (SELECT 1 FROM post_mentions vm WHERE vm.post_id = ",
            $p,
            ".id AND vm.actor_id = ",
            $viewer,
            "))) OR (",
            $p,
            ".visibility = 'members' AND (EXISTS (SELECT 1 FROM follows vf \
             WHERE vf.follower_id = ",
            $viewer,
            " AND vf.followed_id = ",
            $p,
            ".group_id AND vf.state = 'accepted') \
             OR EXISTS (SELECT 1 FROM group_moderators vg WHERE vg.group_id = ",
            $p,
            ".group_id \
             AND vg.actor_id = ",
            $viewer,
            "))))"
        )
    };
}
pub(crate) use readable_by;

/// Whether post `$p` may be listed where anyone looks (public, local and tag timelines,
/// search, feeds, the latest threads, outboxes).
macro_rules! listed {
    ($p:literal) => {
        concat!($p, ".visibility = 'public'")
    };
}
pub(crate) use listed;

/// A group was closed (its posts become `members`) or opened (they become `public` again).
pub async fn update_group_posts(conn: &mut Conn<'_>, group_id: i64, closed: bool) -> Result<u64, DbError> {
    let (from, to) = if closed { ("public", "members") } else { ("members", "public") };
    // Followers-only or unlisted posts (received so) keep their own visibility.
    execute!(
        conn,
        "UPDATE posts SET visibility = $3 WHERE group_id = $1 AND visibility = $2",
        group_id,
        from,
        to
    )
}

/// The stored visibility of post `id`, if it exists.
pub async fn get_visibility(conn: &mut Conn<'_>, id: i64) -> Result<Option<String>, DbError> {
    query_scalar!(conn, String, fetch_optional, "SELECT visibility FROM posts WHERE id = $1", id)
}

/// Whether viewer `viewer` may read post `id` (see [`readable_by`]).
pub async fn is_readable_by(conn: &mut Conn<'_>, viewer: Option<i64>, id: i64) -> Result<bool, DbError> {
    query_scalar!(
        conn,
        bool,
        fetch_one,
        concat!("SELECT EXISTS (SELECT 1 FROM posts p WHERE p.id = $2 AND ", readable_by!("$1", "p"), ")"),
        viewer,
        id
    )
}

/// Whether a signed fetch by remote actor `signer` may see non-open post `id`: the signer may
/// read it (a member, a follower, mentioned), or its instance hosts someone who may (Lemmy's
/// rule for private communities: the members' instances fetch for them).
pub async fn is_fetchable_by(conn: &mut Conn<'_>, signer: i64, id: i64) -> Result<bool, DbError> {
    query_scalar!(
        conn,
        bool,
        fetch_one,
        concat!(
            "SELECT EXISTS (SELECT 1 FROM posts p WHERE p.id = $2 AND (",
            readable_by!("$1", "p"),
            " OR EXISTS (SELECT 1 FROM actors s JOIN actors peer ON peer.instance_id = s.instance_id \
               WHERE s.id = $1 AND s.instance_id IS NOT NULL AND ",
            readable_by!("peer.id", "p"),
            ")))"
        ),
        signer,
        id
    )
}

/// Whether actor `group_id` is a closed (private) group.
pub async fn is_closed_group(conn: &mut Conn<'_>, group_id: i64) -> Result<bool, DbError> {
    Ok(query_scalar!(
        conn,
        bool,
        fetch_optional,
        "SELECT closed FROM actors WHERE id = $1 AND kind = 'group'",
        group_id
    )?
    .unwrap_or(false))
}

/// Whether `actor` is a member of group `group_id`: an accepted follower or a moderator.
pub async fn is_member(conn: &mut Conn<'_>, group_id: i64, actor: i64) -> Result<bool, DbError> {
    query_scalar!(
        conn,
        bool,
        fetch_one,
        "SELECT EXISTS (SELECT 1 FROM follows WHERE follower_id = $2 AND followed_id = $1 AND state = 'accepted') \
         OR EXISTS (SELECT 1 FROM group_moderators WHERE group_id = $1 AND actor_id = $2)",
        group_id,
        actor
    )
}

/// Sets whether remote group `group_id` is closed; true when that changed.
pub async fn set_remote_closed(conn: &mut Conn<'_>, group_id: i64, closed: bool) -> Result<bool, DbError> {
    let done = execute!(
        conn,
        "UPDATE actors SET closed = $2 WHERE id = $1 AND NOT local AND kind = 'group' AND closed <> $2",
        group_id,
        closed
    )?;
    Ok(done == 1)
}

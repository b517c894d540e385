//! The expected outcome of every fixture, as read by `super::fixtures`.
//!
//! Outcomes: `actor`, `post`, `tombstone`, `collection` (read as that wire type); an inbound
//! kind (`Create`, `Undo`...: `parse_inbound` gave that variant); `Unknown(X)` (a well-formed
//! activity the inbox acknowledges and ignores); `rejected as post` or `rejected as activity`
//! (an error; the comment says why).

pub(super) const EXPECTED: &[(&str, &str)] = &[
    // discourse
    ("discourse/objects/group.json", "actor"),
    ("discourse/objects/page.json", "post"),
    ("discourse/objects/person.json", "actor"),
    // friendica
    ("friendica/activities/create_note.json", "Create"),
    ("friendica/activities/create_page_1.json", "Create"),
    ("friendica/activities/create_page_2.json", "Create"),
    ("friendica/activities/delete.json", "Delete"),
    ("friendica/activities/dislike_page.json", "Dislike"),
    ("friendica/activities/like_page.json", "Like"),
    ("friendica/activities/undo_dislike_page.json", "Undo"),
    ("friendica/activities/update_note.json", "Update"),
    ("friendica/objects/note_1.json", "post"),
    ("friendica/objects/note_2.json", "post"),
    ("friendica/objects/page_1.json", "post"),
    ("friendica/objects/page_2.json", "post"),
    ("friendica/objects/person_1.json", "actor"),
    ("friendica/objects/person_2.json", "actor"),
    // gnusocial
    ("gnusocial/activities/create_note.json", "Create"),
    ("gnusocial/activities/create_page.json", "Create"),
    ("gnusocial/activities/like_note.json", "Like"),
    ("gnusocial/objects/group.json", "actor"),
    ("gnusocial/objects/note.json", "post"),
    ("gnusocial/objects/page.json", "post"),
    ("gnusocial/objects/person.json", "actor"),
    // fep044f (quote posts; Mastodon 4.5's shapes)
    ("fep044f/accept_quote_request.json", "Accept(QuoteRequest)"),
    ("fep044f/delete_quote_authorization.json", "Delete"),
    ("fep044f/note_quotable.json", "post"),
    ("fep044f/note_quoting.json", "post"),
    // A stamp is fetched to check a quote, never delivered: as an activity it has no actor.
    ("fep044f/quote_authorization.json", "rejected as activity"),
    ("fep044f/quote_request.json", "QuoteRequest"),
    ("fep044f/reject_quote_request.json", "Reject(QuoteRequest)"),
    // gotosocial
    ("gotosocial/objects/note_interaction_policy.json", "post"),
    ("gotosocial/objects/note_nobody_replies.json", "post"),
    ("gotosocial/person.json", "actor"),
    // The answer to GoToSocial's key URL: an actor stub without inbox, read only for its key.
    ("gotosocial/main_key_stub.json", "rejected as actor"),
    // lemmy
    // Parsed so that Undo(Block) can lift a ban; acting on it is moderation.
    ("lemmy/activities/block/block_user.json", "Block"),
    ("lemmy/activities/block/block_user_expires.json", "Block"),
    ("lemmy/activities/block/undo_block_user.json", "Undo"),
    // Pinning a thread (`target` the featured collection).
    ("lemmy/activities/community/add_featured_post.json", "Add"),
    // Adding a moderator: moderation, not handled yet.
    ("lemmy/activities/community/add_mod.json", "Add"),
    ("lemmy/activities/community/announce_create_page.json", "Announce"),
    ("lemmy/activities/community/announce_remove_note.json", "Announce"),
    ("lemmy/activities/community/lock_note.json", "Lock"),
    ("lemmy/activities/community/lock_page.json", "Lock"),
    // Unpinning.
    ("lemmy/activities/community/remove_featured_post.json", "Remove"),
    // Removing a moderator: moderation, not handled yet.
    ("lemmy/activities/community/remove_mod.json", "Remove"),
    // Reports: moderation, not handled yet.
    ("lemmy/activities/community/report_page.json", "Flag"),
    // Lemmy's own report resolution, no Allmende equivalent.
    ("lemmy/activities/community/resolve_report_page.json", "Unknown(Resolve)"),
    ("lemmy/activities/community/undo_lock_note.json", "Undo"),
    ("lemmy/activities/community/undo_lock_page.json", "Undo"),
    ("lemmy/activities/community/update_community.json", "Update"),
    // Lemmy's moderator warning, no Allmende equivalent.
    ("lemmy/activities/community/warn.json", "Unknown(Warn)"),
    ("lemmy/activities/create_or_update/create_comment.json", "Create"),
    ("lemmy/activities/create_or_update/create_page.json", "Create"),
    // Lemmy before 0.19 sent private messages as a Note: it parses; the inbox must see from the
    // addressing (no public, no group) that it is private.
    ("lemmy/activities/create_or_update/create_private_message.json", "Create"),
    // Private messages (`ChatMessage`) are not supported: Allmende has no direct messages.
    ("lemmy/activities/create_or_update/create_private_message_0.19.json", "rejected as activity"),
    ("lemmy/activities/create_or_update/update_page.json", "Update"),
    ("lemmy/activities/deletion/delete_page.json", "Delete"),
    ("lemmy/activities/deletion/delete_private_message.json", "Delete"),
    ("lemmy/activities/deletion/delete_user.json", "Delete"),
    ("lemmy/activities/deletion/remove_note.json", "Delete"),
    ("lemmy/activities/deletion/undo_delete_page.json", "Undo"),
    ("lemmy/activities/deletion/undo_delete_private_message.json", "Undo"),
    ("lemmy/activities/deletion/undo_remove_note.json", "Undo"),
    ("lemmy/activities/following/accept.json", "Accept"),
    ("lemmy/activities/following/follow.json", "Follow"),
    ("lemmy/activities/following/undo_follow.json", "Undo"),
    ("lemmy/activities/voting/dislike_page.json", "Dislike"),
    ("lemmy/activities/voting/like_note.json", "Like"),
    ("lemmy/activities/voting/undo_dislike_page.json", "Undo"),
    ("lemmy/activities/voting/undo_like_note.json", "Undo"),
    ("lemmy/collections/group_featured_posts.json", "collection"),
    ("lemmy/collections/group_followers.json", "collection"),
    ("lemmy/collections/group_moderators.json", "collection"),
    ("lemmy/collections/group_outbox.json", "collection"),
    ("lemmy/collections/person_outbox.json", "collection"),
    ("lemmy/objects/comment.json", "post"),
    ("lemmy/objects/group.json", "actor"),
    ("lemmy/objects/instance.json", "actor"),
    ("lemmy/objects/page.json", "post"),
    ("lemmy/objects/page_image_and_link.json", "post"),
    ("lemmy/objects/person.json", "actor"),
    // Private, see create_private_message.json.
    ("lemmy/objects/private_message.json", "post"),
    ("lemmy/objects/tombstone.json", "tombstone"),
    // lotide
    ("lotide/activities/create_note_reply.json", "Create"),
    ("lotide/activities/create_page.json", "Create"),
    ("lotide/activities/create_page_image.json", "Create"),
    ("lotide/activities/delete_note.json", "Delete"),
    ("lotide/activities/follow.json", "Follow"),
    ("lotide/objects/group.json", "actor"),
    ("lotide/objects/note.json", "post"),
    ("lotide/objects/page.json", "post"),
    ("lotide/objects/person.json", "actor"),
    ("lotide/objects/tombstone.json", "tombstone"),
    // mastodon
    ("mastodon/activities/create_note.json", "Create"),
    ("mastodon/activities/delete.json", "Delete"),
    // Reports: moderation, not handled yet.
    ("mastodon/activities/flag.json", "Flag"),
    ("mastodon/activities/follow.json", "Follow"),
    ("mastodon/activities/like_page.json", "Like"),
    // Account migration (written by Mastodon's MoveSerializer, see SOURCE.md).
    ("mastodon/activities/move.json", "Move"),
    // A bare Note, not an activity; read as a post (addressing decides it is private).
    ("mastodon/activities/private_message.json", "post"),
    ("mastodon/activities/undo_follow.json", "Undo"),
    ("mastodon/activities/undo_like_page.json", "Undo"),
    ("mastodon/collections/featured.json", "collection"),
    ("mastodon/objects/note_1.json", "post"),
    ("mastodon/objects/note_2.json", "post"),
    ("mastodon/objects/page.json", "post"),
    ("mastodon/objects/person.json", "actor"),
    // Mastodon 4.5's quote posts, from its own specs: the request names the quoting post by URL
    // or inlines it, and neither the request nor its Accept has `to`.
    ("mastodon/quotes/accept_quote_request.json", "Accept(QuoteRequest)"),
    ("mastodon/quotes/create_note_quote.json", "Create"),
    // A stamp is fetched to check a quote, never delivered: as an activity it has no actor.
    ("mastodon/quotes/quote_authorization.json", "rejected as activity"),
    ("mastodon/quotes/quote_request.json", "QuoteRequest"),
    ("mastodon/quotes/quote_request_inlined.json", "QuoteRequest"),
    // mbin
    ("mbin/activities/accept.json", "Accept"),
    ("mbin/activities/flag.json", "Flag"),
    ("mbin/objects/instance.json", "actor"),
    // misskey
    ("misskey/activities/flag.json", "Flag"),
    // mitra
    ("mitra/activities/accept.json", "Accept"),
    ("mitra/activities/create_post.json", "Create"),
    // mobilizon
    // Events need their own type (startTime, location); read as a post they would lose them.
    ("mobilizon/objects/event.json", "rejected as post"),
    ("mobilizon/objects/group.json", "actor"),
    ("mobilizon/objects/person.json", "actor"),
    // nodebb
    ("nodebb/activities/flag.json", "Flag"),
    ("nodebb/objects/group.json", "actor"),
    ("nodebb/objects/page.json", "post"),
    ("nodebb/objects/person.json", "actor"),
    // peertube
    ("peertube/activities/announce_video.json", "Announce"),
    ("peertube/objects/group.json", "actor"),
    ("peertube/objects/note.json", "post"),
    ("peertube/objects/person.json", "actor"),
    // Videos are not posts; their text alone would be a misleading copy.
    ("peertube/objects/video.json", "rejected as post"),
    // pleroma
    ("pleroma/activities/create_note.json", "Create"),
    ("pleroma/activities/delete.json", "Delete"),
    ("pleroma/activities/follow.json", "Follow"),
    // Private messages are not supported: Allmende has no direct messages.
    ("pleroma/objects/chat_message.json", "rejected as post"),
    ("pleroma/objects/note.json", "post"),
    ("pleroma/objects/person.json", "actor"),
    // polls (issue 15): Mastodon's documented `Question` leaves out `attributedTo` (the poll
    // test adds an author); GoToSocial documents only the poll fields of its `Question`.
    ("polls/gotosocial_question_fields.json", "rejected as activity"),
    ("polls/gotosocial_vote_multiple.json", "Vote"),
    ("polls/mastodon_question.json", "rejected as post"),
    ("polls/mastodon_vote.json", "Vote"),
    // smithereen
    ("smithereen/activities/create_note.json", "Create"),
    ("smithereen/objects/note.json", "post"),
    ("smithereen/objects/person.json", "actor"),
    // wordpress
    ("wordpress/activities/announce.json", "Announce"),
    ("wordpress/objects/group.json", "actor"),
    ("wordpress/objects/note.json", "post"),
    ("wordpress/objects/page.json", "post"),
    ("wordpress/objects/person.json", "actor"),
];

//! Lemmy's moderation activities read field by field: the reason of a removal, a ban's target,
//! reason, `removeData` and its end under either name (`endTime`, older `expires`).

use super::fixtures::parse;
use crate::federation::protocol::{
    AnnounceJson, AnnounceObject, BlockJson, DeleteJson, UndoJson, UndoObject,
};

#[test]
fn lemmy_bans_name_group_reason_and_end_either_way() {
    for file in ["lemmy/activities/block/block_user.json", "lemmy/activities/block/block_user_expires.json"] {
        let block: BlockJson = parse(file);
        assert_eq!(
            block.target.as_ref().map(url::Url::as_str),
            Some("http://enterprise.lemmy.ml/c/main"),
            "{file}"
        );
        assert_eq!(block.object.as_str(), "http://ds9.lemmy.ml/u/lemmy_alpha");
        assert_eq!(block.summary.as_deref(), Some("spam post"));
        assert_eq!(block.remove_data, Some(true));
        let end = block.ends_at().expect("an end");
        assert_eq!(end.to_rfc3339(), "2021-11-01T12:23:50.151874+00:00", "{file}");
    }
    let undo: UndoJson = parse("lemmy/activities/block/undo_block_user.json");
    let UndoObject::Block(block) = undo.object else { panic!("an Undo of a Block") };
    assert_eq!(block.actor, undo.actor);
    assert!(block.target.is_some());
}

#[test]
fn lemmy_removals_carry_their_reason() {
    let delete: DeleteJson = parse("lemmy/activities/deletion/remove_note.json");
    assert_eq!(delete.summary.as_deref(), Some("bad comment"));
    let announce: AnnounceJson = parse("lemmy/activities/community/announce_remove_note.json");
    let AnnounceObject::Activity(inner) = announce.object else { panic!("an announced activity") };
    let inner: DeleteJson = serde_json::from_value(inner).expect("the announced Delete");
    assert_eq!(inner.summary.as_deref(), Some("bad comment"));
    let undo: UndoJson = parse("lemmy/activities/deletion/undo_remove_note.json");
    let UndoObject::Delete(delete) = undo.object else { panic!("an Undo of a Delete") };
    assert_eq!(delete.object_id().as_str(), "http://ds9.lemmy.ml/comment/1");
}

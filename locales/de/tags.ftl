# Die Seite eines Hashtags: Beiträge, die ihn tragen.

tag-intro = Beiträge mit #{ $tag }, die neuesten zuerst.
tag-posts = Beiträge
tag-empty = Noch keine Beiträge mit diesem Hashtag.

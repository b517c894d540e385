# The page of a hashtag: posts that carry it.

tag-intro = Posts tagged #{ $tag }, newest first.
tag-posts = Posts
tag-empty = No posts with this hashtag yet.

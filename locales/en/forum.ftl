# Groups, threads and posts.

home-title = Home
home-show = Show:
home-no-groups = No groups yet.
home-create-first = Create the first one.
home-all-groups = All groups →
home-latest = Latest threads
groups-heading = Groups
groups-filter-label = Filter groups
groups-filter-all = All
groups-project-plural = Project groups
groups-discussion-plural = Discussion groups
groups-create = Create a group
groups-empty = No groups here yet.
group-kind-project = Project group
group-kind-discussion = Discussion group
group-followers =
    { $count ->
        [one] { $count } follower
       *[other] { $count } followers
    }
group-threads =
    { $count ->
        [one] { $count } thread
       *[other] { $count } threads
    }
group-since = since { $date }
group-remote = A group on another instance:
group-start-thread = Start a thread
group-follow = Follow
group-unfollow = Unfollow
group-sign-in-html = <a href="/login">Sign in</a> to follow this group and start threads.
group-threads-heading = Threads
group-about = About
group-moderators = Moderators
group-role-owner = owner
group-role-moderator = moderator
new-group-title = New group
new-group-kind = Kind of group
new-group-kind-project = Project group: a climate project with partners, timeframe and goals
new-group-kind-discussion = Discussion group: a theme such as energy or mobility
new-group-handle = Handle
new-group-handle-hint = Lowercase letters, digits, _ and -, e.g. energy-efficiency. Part of the group's address.
new-group-description = Description
new-group-submit = Create group
threads-empty = No threads yet.
field-title = Title
field-text = Text
new-thread-title = New thread
new-thread-submit = Post thread
thread-sign-in-html = <a href="/login">Sign in</a> to reply.
post-deleted = [deleted]
post-edited = edited
post-in-reply = in reply
post-in-group = in
post-replies =
    { $count ->
        [one] { $count } reply
       *[other] { $count } replies
    }
post-likes =
    { $count ->
        [one] { $count } like
       *[other] { $count } likes
    }
post-like = Like
post-unlike = Unlike
post-reply = Reply
post-reply-noun = Reply
post-edit = Edit
post-delete = Delete
post-thread = Thread
reply-yours = Your reply
edit-post-title = Edit post
feed-title = Your feed
feed-intro = Threads from the groups you follow, here and on other instances.
feed-empty-html = Nothing yet. Follow groups from the <a href="/groups">directory</a>, or <a href="/search">find groups on other instances</a>.
search-title = Search
search-submit = Search
search-not-found = Nothing found for { $query }.
profile-joined = joined { $date }
profile-posts = Posts
profile-empty = No posts yet.

# Atom feeds.
feed-atom-link = Atom feed
feed-group-title = Threads in { $group }
feed-latest-title = Latest threads on { $instance }
field-post-language = Language of the post
group-follow-pending = Your follow waits for approval.
group-follow-cancel = Withdraw request

# The notifications page, its link and unread count in the header, and the watch buttons of
# threads and groups.

notifications-nav = Notifications
notifications-nav-unread =
    { $count ->
        [one] Notifications (1 unread)
       *[other] Notifications ({ $count } unread)
    }
notifications-title = Notifications
notifications-mark-all-read = Mark all as read
notifications-mark-read = Mark as read
notifications-unread = new
notifications-none = Nothing yet.
notifications-older = Older notifications
notifications-newest = Newest notifications
notifications-mention = { $name } replied to you or mentioned you
notifications-status = { $name } posted something new
notifications-reblog = { $name } shared your post
notifications-follow = { $name } followed you
notifications-favourite = { $name } liked your post
notifications-update = { $name } edited a post you shared
notifications-report = { $name } reported { $target }
notifications-report-resolved = Your report about { $target } was handled
notifications-thread-reply = { $name } replied in a thread you watch
notifications-group-thread = { $name } started a thread in a group you watch
notifications-group-join = { $name } joined your group
notifications-event-rsvp = { $name } will go to your event
notifications-other = { $name } did something
notifications-the-post = the post
notifications-open-reports = open the reports
watch-thread = Watch thread
watch-thread-stop = Stop watching thread
watch-group = Watch group
watch-group-stop = Stop watching group
watch-group-on = You are told of each new thread in this group.
watch-group-off = Watch the group to be told of each new thread.

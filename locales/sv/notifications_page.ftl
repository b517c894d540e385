# The notifications page, its link and unread count in the header, and the watch buttons of
# threads and groups.

notifications-nav = Aviseringar
notifications-nav-unread =
    { $count ->
        [one] Aviseringar (1 oläst)
       *[other] Aviseringar ({ $count } olästa)
    }
notifications-title = Aviseringar
notifications-mark-all-read = Markera alla som lästa
notifications-mark-read = Markera som läst
notifications-unread = ny
notifications-none = Inget ännu.
notifications-older = Äldre aviseringar
notifications-newest = Senaste aviseringarna
notifications-mention = { $name } svarade dig eller nämnde dig
notifications-status = { $name } publicerade något nytt
notifications-reblog = { $name } delade ditt inlägg
notifications-follow = { $name } följer dig
notifications-favourite = { $name } gillade ditt inlägg
notifications-update = { $name } redigerade ett inlägg du delat
notifications-report = { $name } anmälde { $target }
notifications-report-resolved = Din anmälan om { $target } har hanterats
notifications-thread-reply = { $name } svarade i en tråd du bevakar
notifications-group-thread = { $name } startade en tråd i en grupp du bevakar
notifications-group-join = { $name } gick med i din grupp
notifications-event-rsvp = { $name } kommer till ditt evenemang
notifications-other = { $name } gjorde något
notifications-the-post = inlägget
notifications-open-reports = öppna anmälningarna
watch-thread = Bevaka tråden
watch-thread-stop = Sluta bevaka tråden
watch-group = Bevaka gruppen
watch-group-stop = Sluta bevaka gruppen
watch-group-on = Du får veta om varje ny tråd i den här gruppen.
watch-group-off = Bevaka gruppen för att få veta om varje ny tråd.

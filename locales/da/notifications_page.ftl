# The notifications page, its link and unread count in the header, and the watch buttons of
# threads and groups.

notifications-nav = Notifikationer
notifications-nav-unread =
    { $count ->
        [one] Notifikationer (1 ulæst)
       *[other] Notifikationer ({ $count } ulæste)
    }
notifications-title = Notifikationer
notifications-mark-all-read = Markér alle som læst
notifications-mark-read = Markér som læst
notifications-unread = ny
notifications-none = Intet endnu.
notifications-older = Ældre notifikationer
notifications-newest = Nyeste notifikationer
notifications-mention = { $name } svarede dig eller nævnte dig
notifications-status = { $name } har slået noget nyt op
notifications-reblog = { $name } delte dit indlæg
notifications-follow = { $name } følger dig
notifications-favourite = { $name } synes godt om dit indlæg
notifications-update = { $name } redigerede et indlæg, du har delt
notifications-report = { $name } anmeldte { $target }
notifications-report-resolved = Din anmeldelse af { $target } er behandlet
notifications-thread-reply = { $name } svarede i en tråd, du følger med i
notifications-group-thread = { $name } startede en tråd i en gruppe, du følger med i
notifications-group-join = { $name } blev medlem af din gruppe
notifications-event-rsvp = { $name } deltager i dit arrangement
notifications-other = { $name } gjorde noget
notifications-the-post = indlægget
notifications-open-reports = åbn anmeldelserne
watch-thread = Følg med i tråden
watch-thread-stop = Stop med at følge tråden
watch-group = Følg med i gruppen
watch-group-stop = Stop med at følge gruppen
watch-group-on = Du får besked om hver ny tråd i denne gruppe.
watch-group-off = Følg med i gruppen for at få besked om hver ny tråd.

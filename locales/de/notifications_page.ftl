# The notifications page, its link and unread count in the header, and the watch buttons of
# threads and groups.

notifications-nav = Benachrichtigungen
notifications-nav-unread =
    { $count ->
        [one] Benachrichtigungen (1 ungelesen)
       *[other] Benachrichtigungen ({ $count } ungelesen)
    }
notifications-title = Benachrichtigungen
notifications-mark-all-read = Alle als gelesen markieren
notifications-mark-read = Als gelesen markieren
notifications-unread = neu
notifications-none = Noch nichts.
notifications-older = Ältere Benachrichtigungen
notifications-newest = Neueste Benachrichtigungen
notifications-mention = { $name } hat dir geantwortet oder dich erwähnt
notifications-status = { $name } hat etwas Neues gepostet
notifications-reblog = { $name } hat deinen Beitrag geteilt
notifications-follow = { $name } folgt dir
notifications-favourite = { $name } gefällt dein Beitrag
notifications-update = { $name } hat einen Beitrag bearbeitet, den du geteilt hast
notifications-report = { $name } hat { $target } gemeldet
notifications-report-resolved = Deine Meldung zu { $target } wurde bearbeitet
notifications-thread-reply = { $name } hat in einem beobachteten Thema geantwortet
notifications-group-thread = { $name } hat ein Thema in einer beobachteten Gruppe begonnen
notifications-group-join = { $name } ist deiner Gruppe beigetreten
notifications-event-rsvp = { $name } kommt zu deiner Veranstaltung
notifications-other = { $name } hat etwas getan
notifications-the-post = den Beitrag
notifications-open-reports = Meldungen öffnen
watch-thread = Thema beobachten
watch-thread-stop = Thema nicht mehr beobachten
watch-group = Gruppe beobachten
watch-group-stop = Gruppe nicht mehr beobachten
watch-group-on = Du erfährst von jedem neuen Thema in dieser Gruppe.
watch-group-off = Beobachte die Gruppe, um von jedem neuen Thema zu erfahren.

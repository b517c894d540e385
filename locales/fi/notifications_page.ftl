# The notifications page, its link and unread count in the header, and the watch buttons of
# threads and groups.

notifications-nav = Ilmoitukset
notifications-nav-unread =
    { $count ->
        [one] Ilmoitukset (1 lukematon)
       *[other] Ilmoitukset ({ $count } lukematonta)
    }
notifications-title = Ilmoitukset
notifications-mark-all-read = Merkitse kaikki luetuiksi
notifications-mark-read = Merkitse luetuksi
notifications-unread = uusi
notifications-none = Ei vielä mitään.
notifications-older = Vanhemmat ilmoitukset
notifications-newest = Uusimmat ilmoitukset
notifications-mention = { $name } vastasi sinulle tai mainitsi sinut
notifications-status = { $name } julkaisi jotain uutta
notifications-reblog = { $name } jakoi viestisi
notifications-follow = { $name } seuraa sinua
notifications-favourite = { $name } tykkäsi viestistäsi
notifications-update = { $name } muokkasi jakamaasi viestiä
notifications-report = { $name } ilmoitti käyttäjästä { $target }
notifications-report-resolved = Ilmoituksesi käyttäjästä { $target } on käsitelty
notifications-thread-reply = { $name } vastasi seuraamaasi ketjuun
notifications-group-thread = { $name } aloitti ketjun seuraamassasi ryhmässä
notifications-group-join = { $name } liittyi ryhmääsi
notifications-event-rsvp = { $name } osallistuu tapahtumaasi
notifications-other = { $name } teki jotain
notifications-the-post = viesti
notifications-open-reports = avaa ilmoitukset
watch-thread = Seuraa ketjua
watch-thread-stop = Lopeta ketjun seuraaminen
watch-group = Seuraa ryhmän ketjuja
watch-group-stop = Lopeta ryhmän ketjujen seuraaminen
watch-group-on = Saat tiedon jokaisesta uudesta ketjusta tässä ryhmässä.
watch-group-off = Seuraa ryhmää saadaksesi tiedon jokaisesta uudesta ketjusta.

# The notifications page, its link and unread count in the header, and the watch buttons of
# threads and groups.

notifications-nav = Powiadomienia
notifications-nav-unread =
    { $count ->
        [one] Powiadomienia (1 nieprzeczytane)
        [few] Powiadomienia ({ $count } nieprzeczytane)
       *[other] Powiadomienia ({ $count } nieprzeczytanych)
    }
notifications-title = Powiadomienia
notifications-mark-all-read = Oznacz wszystkie jako przeczytane
notifications-mark-read = Oznacz jako przeczytane
notifications-unread = nowe
notifications-none = Jeszcze nic.
notifications-older = Starsze powiadomienia
notifications-newest = Najnowsze powiadomienia
notifications-mention = { $name } odpowiedział(a) ci lub cię wspomniał(a)
notifications-status = { $name } opublikował(a) coś nowego
notifications-reblog = { $name } udostępnił(a) twój wpis
notifications-follow = { $name } obserwuje cię
notifications-favourite = { $name } polubił(a) twój wpis
notifications-update = { $name } edytował(a) wpis, który udostępniłeś(-aś)
notifications-report = { $name } zgłosił(a) { $target }
notifications-report-resolved = Twoje zgłoszenie dotyczące { $target } zostało rozpatrzone
notifications-thread-reply = { $name } odpowiedział(a) w obserwowanym wątku
notifications-group-thread = { $name } założył(a) wątek w obserwowanej grupie
notifications-group-join = { $name } dołączył(a) do twojej grupy
notifications-event-rsvp = { $name } weźmie udział w twoim wydarzeniu
notifications-other = { $name } coś zrobił(a)
notifications-the-post = wpis
notifications-open-reports = otwórz zgłoszenia
watch-thread = Obserwuj wątek
watch-thread-stop = Przestań obserwować wątek
watch-group = Obserwuj wątki grupy
watch-group-stop = Przestań obserwować wątki grupy
watch-group-on = Dostajesz powiadomienie o każdym nowym wątku w tej grupie.
watch-group-off = Obserwuj grupę, aby dostawać powiadomienia o każdym nowym wątku.

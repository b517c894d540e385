# Edycja grupy (tytuł, opis, języki) i odpowiedzi organizatorów na udział w wydarzeniach
# innych instancji.

group-settings-link = Edytuj grupę
group-settings-title = Edycja grupy { $group }
group-settings-languages = Języki grupy
group-settings-languages-hint = Języki, w których się tu pisze. Każdy nadal może czytać i pisać w dowolnym języku.
group-settings-save = Zapisz grupę
group-languages = Języki:

event-join-restricted = Organizator zatwierdza każdego uczestnika.
event-rsvp-waiting = Twoje zgłoszenie zostało wysłane. Czekamy, aż organizator potwierdzi Twoje miejsce.
event-rsvp-confirmed = Twoje miejsce jest potwierdzone.
event-rsvp-declined = Organizator odrzucił Twoje zgłoszenie.
event-join-invite = W tym wydarzeniu mogą wziąć udział tylko osoby zaproszone przez organizatorów, więc nie możesz się tu zapisać.
event-join-external = Zapisy na to wydarzenie odbywają się na innej stronie, więc nie możesz się tu zapisać.
event-join-original = Otwórz wydarzenie na jego stronie
field-error-event-not-joinable = Na to wydarzenie nie można zapisać się stąd.

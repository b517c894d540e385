# Gruppe bearbeiten (Titel, Beschreibung, Sprachen) und Antworten von Veranstaltenden auf die
# Teilnahme an Veranstaltungen anderer Instanzen.

group-settings-link = Gruppe bearbeiten
group-settings-title = Gruppe { $group } bearbeiten
group-settings-languages = Sprachen der Gruppe
group-settings-languages-hint = Die Sprachen, in denen hier geschrieben wird. Alle können weiterhin in jeder Sprache lesen und schreiben.
group-settings-save = Gruppe speichern
group-languages = Sprachen:

event-join-restricted = Die Veranstaltenden bestätigen jede Teilnahme einzeln.
event-rsvp-waiting = Sie haben um Teilnahme gebeten. Die Bestätigung durch die Veranstaltenden steht noch aus.
event-rsvp-confirmed = Ihr Platz ist bestätigt.
event-rsvp-declined = Die Veranstaltenden haben Ihre Teilnahme abgelehnt.
event-join-invite = Nur von den Veranstaltenden eingeladene Personen können teilnehmen, daher können Sie sich hier nicht anmelden.
event-join-external = Die Anmeldung zu dieser Veranstaltung erfolgt auf einer anderen Website, daher können Sie sich hier nicht anmelden.
event-join-original = Veranstaltung auf ihrer eigenen Seite öffnen
field-error-event-not-joinable = Für diese Veranstaltung ist eine Anmeldung von hier aus nicht möglich.

# Veranstaltungen, der Kalender und Veranstaltungs-Feeds.

nav-calendar = Kalender
events-heading = Veranstaltungen
events-of-group = Veranstaltungen von { $group }
events-feed-title = Veranstaltungen von { $group }
events-ical-link = Kalender (iCal)
events-new = Neue Veranstaltung
events-create = Veranstaltung anlegen
events-upcoming = Demnächst
events-past = Vergangen
events-none-upcoming = Keine anstehenden Veranstaltungen.
events-none-past = Keine vergangenen Veranstaltungen.
event-remote = Diese Veranstaltung gehört zu einer Gruppe auf einer anderen Instanz:
event-when = Wann
event-where = Wo
event-map = Karte
event-online = Online
event-participants = Teilnahme
event-going-count =
    { $count ->
        [one] { $count } Zusage
       *[other] { $count } Zusagen
    }
event-places = { $count } von { $capacity } Plätzen belegt
event-full = Diese Veranstaltung ist ausgebucht.
event-you-go = Sie nehmen teil.
event-you-do-not-go = Sie nehmen nicht teil.
event-rsvp-going = Ich nehme teil
event-rsvp-not-going = Ich nehme nicht teil
event-sign-in-html = <a href="/login">Melden Sie sich an</a>, um zu- oder abzusagen.
event-who-goes = Wer kommt
event-nobody-yet = Noch hat niemand zugesagt.
event-edit = Veranstaltung bearbeiten
event-delete = Veranstaltung löschen
event-save = Veranstaltung speichern
event-field-start = Beginn (Datum und Uhrzeit)
event-field-end = Ende (Datum und Uhrzeit)
event-field-time-zone = Zeitzone (z. B. Europe/Berlin)
event-field-address = Adresse
event-field-latitude = Breitengrad (optional)
event-field-longitude = Längengrad (optional)
event-field-online-url = Online-Link
event-field-capacity = Plätze (optional)
event-field-description = Beschreibung
event-place-hint = Geben Sie eine Adresse, einen Online-Link oder beides an.
calendar-month-title = { $month } { $year }
calendar-month-1 = Januar
calendar-month-2 = Februar
calendar-month-3 = März
calendar-month-4 = April
calendar-month-5 = Mai
calendar-month-6 = Juni
calendar-month-7 = Juli
calendar-month-8 = August
calendar-month-9 = September
calendar-month-10 = Oktober
calendar-month-11 = November
calendar-month-12 = Dezember
calendar-weekday-1 = Mo
calendar-weekday-2 = Di
calendar-weekday-3 = Mi
calendar-weekday-4 = Do
calendar-weekday-5 = Fr
calendar-weekday-6 = Sa
calendar-weekday-7 = So
calendar-months = Monate
calendar-years = Jahre
calendar-previous = Voriger Monat
calendar-next = Nächster Monat
calendar-year-link = Das Jahr { $year }
calendar-year-title = Das Jahr { $year } im Überblick
calendar-events-this-month =
    { $count ->
        [one] { $count } Veranstaltung in diesem Monat
       *[other] { $count } Veranstaltungen in diesem Monat
    }
calendar-events-this-year =
    { $count ->
        [one] { $count } Veranstaltung in diesem Jahr
       *[other] { $count } Veranstaltungen in diesem Jahr
    }
calendar-empty = Keine Veranstaltungen.
calendar-feeds = Abonnieren
calendar-instance-feed = Alle Veranstaltungen dieser Instanz (iCal)
calendar-private-feed = Ihre private Kalenderadresse mit den Veranstaltungen, an denen Sie teilnehmen. Wer sie kennt, kann sie lesen.
calendar-private-create = Private Kalenderadresse erstellen
calendar-private-reset = Private Kalenderadresse ersetzen
calendar-private-name = Meine Veranstaltungen auf { $instance }
field-error-time-zone = Bitte wählen Sie eine Zeitzone wie Europe/Berlin.
field-error-datetime = Bitte geben Sie Datum und Uhrzeit ein.
field-error-end-after-start = Das Ende muss nach dem Beginn liegen.
field-error-latitude = Bitte geben Sie einen Breitengrad von -90 bis 90 ein.
field-error-longitude = Bitte geben Sie einen Längengrad von -180 bis 180 ein.
field-error-latitude-missing = Bitte geben Sie auch den Breitengrad ein.
field-error-longitude-missing = Bitte geben Sie auch den Längengrad ein.
field-error-place-missing = Bitte geben Sie eine Adresse oder einen Online-Link an.
field-error-link = Bitte geben Sie einen Link ein, der mit http:// oder https:// beginnt.
field-error-capacity = Bitte geben Sie eine ganze Zahl von 1 bis 100.000 ein.
field-error-rsvp = Bitte sagen Sie zu oder ab.
field-error-event-full = Diese Veranstaltung ist leider ausgebucht.

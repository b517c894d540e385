# Arrangementer, kalenderen og arrangementsfeeds.

nav-calendar = Kalender
events-heading = Arrangementer
events-of-group = Arrangementer i { $group }
events-feed-title = Arrangementer i { $group }
events-ical-link = Kalender (iCal)
events-new = Nyt arrangement
events-create = Opret arrangement
events-upcoming = Kommende
events-past = Tidligere
events-none-upcoming = Ingen kommende arrangementer.
events-none-past = Ingen tidligere arrangementer.
event-remote = Dette arrangement hører til en gruppe på en anden instans:
event-when = Hvornår
event-where = Hvor
event-map = Kort
event-online = Online
event-participants = Deltagere
event-going-count =
    { $count ->
        [one] { $count } deltager
       *[other] { $count } deltagere
    }
event-places = { $count } af { $capacity } pladser optaget
event-full = Dette arrangement er fuldt booket.
event-you-go = Du deltager.
event-you-do-not-go = Du deltager ikke.
event-rsvp-going = Jeg deltager
event-rsvp-not-going = Jeg deltager ikke
event-sign-in-html = <a href="/login">Log ind</a> for at melde til eller fra.
event-who-goes = Hvem deltager
event-nobody-yet = Ingen har meldt sig til endnu.
event-edit = Rediger arrangement
event-delete = Slet arrangement
event-save = Gem arrangement
event-field-start = Starter (dato og klokkeslæt)
event-field-end = Slutter (dato og klokkeslæt)
event-field-time-zone = Tidszone (f.eks. Europe/Copenhagen)
event-field-address = Adresse
event-field-latitude = Breddegrad (valgfri)
event-field-longitude = Længdegrad (valgfri)
event-field-online-url = Onlinelink
event-field-capacity = Pladser (valgfri)
event-field-description = Beskrivelse
event-place-hint = Angiv en adresse, et onlinelink eller begge dele.
calendar-month-title = { $month } { $year }
calendar-month-1 = januar
calendar-month-2 = februar
calendar-month-3 = marts
calendar-month-4 = april
calendar-month-5 = maj
calendar-month-6 = juni
calendar-month-7 = juli
calendar-month-8 = august
calendar-month-9 = september
calendar-month-10 = oktober
calendar-month-11 = november
calendar-month-12 = december
calendar-weekday-1 = man.
calendar-weekday-2 = tir.
calendar-weekday-3 = ons.
calendar-weekday-4 = tor.
calendar-weekday-5 = fre.
calendar-weekday-6 = lør.
calendar-weekday-7 = søn.
calendar-months = Måneder
calendar-years = År
calendar-previous = Forrige måned
calendar-next = Næste måned
calendar-year-link = Året { $year }
calendar-year-title = Året { $year } i overblik
calendar-events-this-month =
    { $count ->
        [one] { $count } arrangement denne måned
       *[other] { $count } arrangementer denne måned
    }
calendar-events-this-year =
    { $count ->
        [one] { $count } arrangement i år
       *[other] { $count } arrangementer i år
    }
calendar-empty = Ingen arrangementer.
calendar-feeds = Abonner
calendar-instance-feed = Alle arrangementer på denne instans (iCal)
calendar-private-feed = Din private kalenderadresse med de arrangementer, du deltager i. Alle, der kender den, kan læse den.
calendar-private-create = Opret min private kalenderadresse
calendar-private-reset = Erstat min private kalenderadresse
calendar-private-name = Mine arrangementer på { $instance }
field-error-time-zone = Vælg en tidszone som Europe/Copenhagen.
field-error-datetime = Angiv dato og klokkeslæt.
field-error-end-after-start = Slutningen skal ligge efter starten.
field-error-latitude = Angiv en breddegrad fra -90 til 90.
field-error-longitude = Angiv en længdegrad fra -180 til 180.
field-error-latitude-missing = Angiv også breddegraden.
field-error-longitude-missing = Angiv også længdegraden.
field-error-place-missing = Angiv en adresse eller et onlinelink.
field-error-link = Angiv et link, der begynder med http:// eller https://.
field-error-capacity = Angiv et helt tal fra 1 til 100.000.
field-error-rsvp = Svar, om du deltager eller ej.
field-error-event-full = Beklager, dette arrangement er fuldt booket.

# Evenemang, kalendern och evenemangsflöden.

nav-calendar = Kalender
events-heading = Evenemang
events-of-group = Evenemang i { $group }
events-feed-title = Evenemang i { $group }
events-ical-link = Kalender (iCal)
events-new = Nytt evenemang
events-create = Skapa evenemang
events-upcoming = Kommande
events-past = Tidigare
events-none-upcoming = Inga kommande evenemang.
events-none-past = Inga tidigare evenemang.
event-remote = Det här evenemanget hör till en grupp på en annan instans:
event-when = När
event-where = Var
event-map = Karta
event-online = Online
event-participants = Deltagare
event-going-count =
    { $count ->
        [one] { $count } deltagare
       *[other] { $count } deltagare
    }
event-places = { $count } av { $capacity } platser tagna
event-full = Det här evenemanget är fullbokat.
event-you-go = Du deltar.
event-you-do-not-go = Du deltar inte.
event-rsvp-going = Jag deltar
event-rsvp-not-going = Jag deltar inte
event-sign-in-html = <a href="/login">Logga in</a> för att anmäla dig eller tacka nej.
event-who-goes = Vem deltar
event-nobody-yet = Ingen har anmält sig än.
event-edit = Redigera evenemang
event-delete = Radera evenemang
event-save = Spara evenemang
event-field-start = Börjar (datum och tid)
event-field-end = Slutar (datum och tid)
event-field-time-zone = Tidszon (t.ex. Europe/Stockholm)
event-field-address = Adress
event-field-latitude = Latitud (valfritt)
event-field-longitude = Longitud (valfritt)
event-field-online-url = Onlinelänk
event-field-capacity = Platser (valfritt)
event-field-description = Beskrivning
event-place-hint = Ange en adress, en onlinelänk eller båda.
calendar-month-title = { $month } { $year }
calendar-month-1 = januari
calendar-month-2 = februari
calendar-month-3 = mars
calendar-month-4 = april
calendar-month-5 = maj
calendar-month-6 = juni
calendar-month-7 = juli
calendar-month-8 = augusti
calendar-month-9 = september
calendar-month-10 = oktober
calendar-month-11 = november
calendar-month-12 = december
calendar-weekday-1 = mån
calendar-weekday-2 = tis
calendar-weekday-3 = ons
calendar-weekday-4 = tors
calendar-weekday-5 = fre
calendar-weekday-6 = lör
calendar-weekday-7 = sön
calendar-months = Månader
calendar-years = År
calendar-previous = Föregående månad
calendar-next = Nästa månad
calendar-year-link = Året { $year }
calendar-year-title = Året { $year } i överblick
calendar-events-this-month =
    { $count ->
        [one] { $count } evenemang den här månaden
       *[other] { $count } evenemang den här månaden
    }
calendar-events-this-year =
    { $count ->
        [one] { $count } evenemang i år
       *[other] { $count } evenemang i år
    }
calendar-empty = Inga evenemang.
calendar-feeds = Prenumerera
calendar-instance-feed = Alla evenemang på den här instansen (iCal)
calendar-private-feed = Din privata kalenderadress med evenemangen du deltar i. Alla som känner till den kan läsa den.
calendar-private-create = Skapa min privata kalenderadress
calendar-private-reset = Byt ut min privata kalenderadress
calendar-private-name = Mina evenemang på { $instance }
field-error-time-zone = Välj en tidszon som Europe/Stockholm.
field-error-datetime = Ange datum och tid.
field-error-end-after-start = Slutet måste ligga efter starten.
field-error-latitude = Ange en latitud från -90 till 90.
field-error-longitude = Ange en longitud från -180 till 180.
field-error-latitude-missing = Ange latituden också.
field-error-longitude-missing = Ange longituden också.
field-error-place-missing = Ange en adress eller en onlinelänk.
field-error-link = Ange en länk som börjar med http:// eller https://.
field-error-capacity = Ange ett heltal från 1 till 100 000.
field-error-rsvp = Svara om du deltar eller inte.
field-error-event-full = Tyvärr, det här evenemanget är fullbokat.

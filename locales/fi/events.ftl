# Tapahtumat, kalenteri ja tapahtumasyötteet.

nav-calendar = Kalenteri
events-heading = Tapahtumat
events-of-group = Ryhmän { $group } tapahtumat
events-feed-title = Ryhmän { $group } tapahtumat
events-ical-link = Kalenteri (iCal)
events-new = Uusi tapahtuma
events-create = Luo tapahtuma
events-upcoming = Tulevat
events-past = Menneet
events-none-upcoming = Ei tulevia tapahtumia.
events-none-past = Ei menneitä tapahtumia.
event-remote = Tämä tapahtuma kuuluu toisen instanssin ryhmälle:
event-when = Milloin
event-where = Missä
event-map = Kartta
event-online = Verkossa
event-participants = Osallistujat
event-going-count =
    { $count ->
        [one] { $count } osallistuja
       *[other] { $count } osallistujaa
    }
event-places = { $count }/{ $capacity } paikkaa varattu
event-full = Tämä tapahtuma on täynnä.
event-you-go = Osallistut.
event-you-do-not-go = Et osallistu.
event-rsvp-going = Osallistun
event-rsvp-not-going = En osallistu
event-sign-in-html = <a href="/login">Kirjaudu sisään</a> ilmoittaaksesi osallistumisesta.
event-who-goes = Ketkä osallistuvat
event-nobody-yet = Kukaan ei ole vielä ilmoittautunut.
event-edit = Muokkaa tapahtumaa
event-delete = Poista tapahtuma
event-save = Tallenna tapahtuma
event-field-start = Alkaa (päivä ja kellonaika)
event-field-end = Päättyy (päivä ja kellonaika)
event-field-time-zone = Aikavyöhyke (esim. Europe/Helsinki)
event-field-address = Osoite
event-field-latitude = Leveysaste (valinnainen)
event-field-longitude = Pituusaste (valinnainen)
event-field-online-url = Verkkolinkki
event-field-capacity = Paikkoja (valinnainen)
event-field-description = Kuvaus
event-place-hint = Anna osoite, verkkolinkki tai molemmat.
calendar-month-title = { $month } { $year }
calendar-month-1 = tammikuu
calendar-month-2 = helmikuu
calendar-month-3 = maaliskuu
calendar-month-4 = huhtikuu
calendar-month-5 = toukokuu
calendar-month-6 = kesäkuu
calendar-month-7 = heinäkuu
calendar-month-8 = elokuu
calendar-month-9 = syyskuu
calendar-month-10 = lokakuu
calendar-month-11 = marraskuu
calendar-month-12 = joulukuu
calendar-weekday-1 = ma
calendar-weekday-2 = ti
calendar-weekday-3 = ke
calendar-weekday-4 = to
calendar-weekday-5 = pe
calendar-weekday-6 = la
calendar-weekday-7 = su
calendar-months = Kuukaudet
calendar-years = Vuodet
calendar-previous = Edellinen kuukausi
calendar-next = Seuraava kuukausi
calendar-year-link = Vuosi { $year }
calendar-year-title = Vuosi { $year } yhdellä silmäyksellä
calendar-events-this-month =
    { $count ->
        [one] { $count } tapahtuma tässä kuussa
       *[other] { $count } tapahtumaa tässä kuussa
    }
calendar-events-this-year =
    { $count ->
        [one] { $count } tapahtuma tänä vuonna
       *[other] { $count } tapahtumaa tänä vuonna
    }
calendar-empty = Ei tapahtumia.
calendar-feeds = Tilaa
calendar-instance-feed = Kaikki tämän instanssin tapahtumat (iCal)
calendar-private-feed = Yksityinen kalenteriosoitteesi, jossa ovat tapahtumat, joihin osallistut. Kuka tahansa osoitteen tietävä voi lukea sen.
calendar-private-create = Luo yksityinen kalenteriosoitteeni
calendar-private-reset = Vaihda yksityinen kalenteriosoitteeni
calendar-private-name = Tapahtumani palvelussa { $instance }
field-error-time-zone = Valitse aikavyöhyke, esimerkiksi Europe/Helsinki.
field-error-datetime = Anna päivämäärä ja kellonaika.
field-error-end-after-start = Päättymisen on oltava alun jälkeen.
field-error-latitude = Anna leveysaste väliltä -90–90.
field-error-longitude = Anna pituusaste väliltä -180–180.
field-error-latitude-missing = Anna myös leveysaste.
field-error-longitude-missing = Anna myös pituusaste.
field-error-place-missing = Anna osoite tai verkkolinkki.
field-error-link = Anna linkki, joka alkaa http:// tai https://.
field-error-capacity = Anna kokonaisluku väliltä 1–100 000.
field-error-rsvp = Vastaa, osallistutko vai et.
field-error-event-full = Valitettavasti tämä tapahtuma on täynnä.

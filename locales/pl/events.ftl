# Wydarzenia, kalendarz i kanały wydarzeń.

nav-calendar = Kalendarz
events-heading = Wydarzenia
events-of-group = Wydarzenia grupy { $group }
events-feed-title = Wydarzenia grupy { $group }
events-ical-link = Kalendarz (iCal)
events-new = Nowe wydarzenie
events-create = Utwórz wydarzenie
events-upcoming = Nadchodzące
events-past = Minione
events-none-upcoming = Brak nadchodzących wydarzeń.
events-none-past = Brak minionych wydarzeń.
event-remote = To wydarzenie należy do grupy na innej instancji:
event-when = Kiedy
event-where = Gdzie
event-map = Mapa
event-online = Online
event-participants = Uczestnicy
event-going-count =
    { $count ->
        [one] { $count } osoba weźmie udział
        [few] { $count } osoby wezmą udział
        [many] { $count } osób weźmie udział
       *[other] { $count } osoby wezmą udział
    }
event-places = Zajęte miejsca: { $count } z { $capacity }
event-full = Brak wolnych miejsc na to wydarzenie.
event-you-go = Bierzesz udział.
event-you-do-not-go = Nie bierzesz udziału.
event-rsvp-going = Wezmę udział
event-rsvp-not-going = Nie wezmę udziału
event-sign-in-html = <a href="/login">Zaloguj się</a>, aby potwierdzić lub odwołać udział.
event-who-goes = Kto weźmie udział
event-nobody-yet = Nikt jeszcze nie potwierdził udziału.
event-edit = Edytuj wydarzenie
event-delete = Usuń wydarzenie
event-save = Zapisz wydarzenie
event-field-start = Początek (data i godzina)
event-field-end = Koniec (data i godzina)
event-field-time-zone = Strefa czasowa (np. Europe/Warsaw)
event-field-address = Adres
event-field-latitude = Szerokość geograficzna (opcjonalnie)
event-field-longitude = Długość geograficzna (opcjonalnie)
event-field-online-url = Link online
event-field-capacity = Liczba miejsc (opcjonalnie)
event-field-description = Opis
event-place-hint = Podaj adres, link online albo oba.
calendar-month-title = { $month } { $year }
calendar-month-1 = styczeń
calendar-month-2 = luty
calendar-month-3 = marzec
calendar-month-4 = kwiecień
calendar-month-5 = maj
calendar-month-6 = czerwiec
calendar-month-7 = lipiec
calendar-month-8 = sierpień
calendar-month-9 = wrzesień
calendar-month-10 = październik
calendar-month-11 = listopad
calendar-month-12 = grudzień
calendar-weekday-1 = pon.
calendar-weekday-2 = wt.
calendar-weekday-3 = śr.
calendar-weekday-4 = czw.
calendar-weekday-5 = pt.
calendar-weekday-6 = sob.
calendar-weekday-7 = niedz.
calendar-months = Miesiące
calendar-years = Lata
calendar-previous = Poprzedni miesiąc
calendar-next = Następny miesiąc
calendar-year-link = Rok { $year }
calendar-year-title = Rok { $year } w skrócie
calendar-events-this-month =
    { $count ->
        [one] { $count } wydarzenie w tym miesiącu
        [few] { $count } wydarzenia w tym miesiącu
        [many] { $count } wydarzeń w tym miesiącu
       *[other] { $count } wydarzenia w tym miesiącu
    }
calendar-events-this-year =
    { $count ->
        [one] { $count } wydarzenie w tym roku
        [few] { $count } wydarzenia w tym roku
        [many] { $count } wydarzeń w tym roku
       *[other] { $count } wydarzenia w tym roku
    }
calendar-empty = Brak wydarzeń.
calendar-feeds = Subskrybuj
calendar-instance-feed = Wszystkie wydarzenia tej instancji (iCal)
calendar-private-feed = Twój prywatny adres kalendarza z wydarzeniami, w których bierzesz udział. Każdy, kto go zna, może go odczytać.
calendar-private-create = Utwórz mój prywatny adres kalendarza
calendar-private-reset = Zastąp mój prywatny adres kalendarza
calendar-private-name = Moje wydarzenia na { $instance }
field-error-time-zone = Wybierz strefę czasową, np. Europe/Warsaw.
field-error-datetime = Wpisz datę i godzinę.
field-error-end-after-start = Koniec musi być po początku.
field-error-latitude = Wpisz szerokość geograficzną od -90 do 90.
field-error-longitude = Wpisz długość geograficzną od -180 do 180.
field-error-latitude-missing = Wpisz także szerokość geograficzną.
field-error-longitude-missing = Wpisz także długość geograficzną.
field-error-place-missing = Podaj adres lub link online.
field-error-link = Wpisz link zaczynający się od http:// lub https://.
field-error-capacity = Wpisz liczbę całkowitą od 1 do 100 000.
field-error-rsvp = Odpowiedz, czy weźmiesz udział.
field-error-event-full = Niestety brak wolnych miejsc na to wydarzenie.

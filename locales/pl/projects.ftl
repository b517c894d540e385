# Projekty grup projektowych, katalog projektów. Liczebniki: one (1), few (2–4, 22–24…), many (0, 5–21, 25…), other (ułamki).

projects-nav = Projekty
project-heading = Projekt
project-edit = Edytuj projekt
project-status = Etap
project-status-idea = Pomysł
project-status-planned = Zaplanowany
project-status-running = W realizacji
project-status-completed = Zakończony
project-status-paused = Wstrzymany
project-from = od { $date }
project-until = do { $date }
project-focus-areas = Obszary działania
project-focus-mobility = Mobilność
project-focus-buildings = Budynki
project-focus-energy = Energia
project-focus-co-creation = Współtworzenie
project-focus-leadership = Przywództwo
project-focus-adaptation = Adaptacja do zmian klimatu
project-focus-nature = Przyroda
project-tags = Tagi
project-region = Region lub miejsce
project-partners = Partnerzy
project-funders = Finansujący
project-website = Strona internetowa
project-contact = Kontakt
project-measures = Działania
project-measure-planned = zaplanowane
project-measure-running = w toku
project-measure-done = wykonane
project-measure-due = termin: { $date }
project-edit-title = Projekt grupy { $group }
project-field-summary = Krótki opis
project-field-start = Data rozpoczęcia
project-field-end = Data zakończenia
project-field-date-hint = Daty w formacie RRRR-MM-DD, np. 2027-03-31.
project-field-tags-hint = Oddzielone przecinkami, np. fotowoltaika, szkoły.
project-field-partners-hint = Jeden w wierszu: nazwa, adres taki jak @energia@forum.example lub adres strony, albo oba jako „nazwa | adres”.
project-field-funders-hint = Jeden w wierszu: nazwa, opcjonalnie z adresem strony jako „nazwa | https://…”.
project-field-measures-hint = Jedno w wierszu: „tytuł | planned, running lub done | termin” (etap i termin można pominąć).
project-save = Zapisz projekt
project-error-status = Wybierz jeden z dostępnych etapów.
project-error-measure-status = Podaj etap działania jako planned, running lub done.
project-error-date = Wpisz datę w formacie RRRR-MM-DD, np. 2027-03-31.
project-error-end-before-start = Data zakończenia nie może być wcześniejsza niż data rozpoczęcia.
project-error-focus-area = Wybierz spośród dostępnych obszarów działania.
project-error-url = Podaj adres strony zaczynający się od http:// lub https://.
project-error-partner = Po znaku „|” podaj adres taki jak @nazwa@host lub adres strony.
project-error-too-many = Ta lista ma zbyt wiele pozycji.
project-error-line-name = Każdy wiersz musi zawierać nazwę.
projects-title = Projekty
projects-intro = Projekty tej sieci oraz projekty z innych regionów, które obserwują członkowie lub polecają koordynatorzy.
projects-count =
    { $count ->
        [one] { $count } projekt
        [few] { $count } projekty
        [many] { $count } projektów
       *[other] { $count } projektu
    }
projects-filter-any = Dowolny
projects-filter-partner = Partner
projects-filter-submit = Filtruj
projects-local = na tej instancji
projects-on-instance = na { $host }
projects-featured = Polecany
projects-followed = obserwowany tutaj
projects-empty = Brak pasujących projektów.
projects-unfeature = Przestań polecać
projects-feature-heading = Poleć projekt z innej instancji
projects-feature-handle = Adres grupy projektowej, np. @solar@forum.example
projects-feature-submit = Poleć
projects-feature-not-found = Pod adresem { $handle } nie znaleziono grupy projektowej.

network-link = Sieć
network-title = Sieć grupy { $group }
network-intro = Wątki grup obserwowanych przez tę grupę, z oznaczeniem, skąd pochodzą. Odpowiedzi trafiają do grupy, do której należy wątek.
network-from = z @{ $group }
network-following =
    { $count ->
        [one] Obserwuje { $count } grupę
        [few] Obserwuje { $count } grupy
        [many] Obserwuje { $count } grup
       *[other] Obserwuje { $count } grupy
    }
network-pending = czeka na akceptację
network-unfollow = Przestań obserwować
network-none = Ta grupa nie obserwuje jeszcze innych grup.
network-follow-handle = Grupa do obserwowania, podana adresem, np. @energia@forum.example
network-follow-submit = Obserwuj jako ta grupa
network-not-found = Pod adresem { $handle } nie znaleziono grupy na innej instancji.

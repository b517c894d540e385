# Cele klimatyczne i raporty postępu.

nav-goals = Cele klimatyczne
goals-title = Cele klimatyczne
goals-heading = Cele klimatyczne
goals-intro = Cele, które wyznaczyli sobie członkowie i projekty tej sieci, oraz jak daleko każdy z nich zaszedł od wartości bazowej do docelowej.
goals-new = Wyznacz cel
goals-filtered = Cele: { $owner }.
goals-show-all = Pokaż wszystkie cele
goals-none = Nie ma jeszcze celów.
goals-of-group = Cel projektu
goals-of-member = Cel:
goals-of-this-group = Cele klimatyczne
goals-baseline = Wartość bazowa
goals-target = Cel
goals-latest = Ostatnio
goals-progress-label = Postęp w drodze do celu
goals-progress-of-way = { $percent } drogi
goals-no-updates = Nie zgłoszono jeszcze postępu
goals-percent = { $percent }%
goals-amount-in-year = { $amount } ({ $year })
goals-field-group = Grupa projektowa (opcjonalnie)
goals-field-group-hint = Zostaw puste dla własnego celu; dla celu grupy podaj nazwę grupy projektowej, którą prowadzisz lub moderujesz.
goals-field-title = Tytuł
goals-field-metric = Co jest mierzone
goals-field-unit = Jednostka
goals-field-unit-hint = Na przykład t CO2e/rok, MWh lub %.
goals-field-baseline-value = Wartość bazowa
goals-field-baseline-year = Rok bazowy
goals-field-target-value = Wartość docelowa
goals-field-target-year = Rok docelowy
goals-field-scope = Zakres
goals-create = Wyznacz cel
goals-chart-title = Postęp: { $goal }
goals-chart-baseline = Wartość bazowa { $year }: { $amount }
goals-chart-target = Cel { $year }: { $amount }
goals-chart-desc =
    { $baseline }. { $target }. { $count ->
        [one] { $count } raport postępu
        [few] { $count } raporty postępu
        [many] { $count } raportów postępu
       *[other] { $count } raportu postępu
    }; ostatni, z { $date }, to { $amount }, { $percent } drogi.
goals-chart-desc-empty = { $baseline }. { $target }. Nie zgłoszono jeszcze postępu.
goals-chart-caption = Linia przerywana to planowana droga, linia ciągła to zgłoszony postęp. Tabela poniżej zawiera te same dane.
goals-chart-download = Wykres jako SVG
goals-updates = Postęp
goals-table-caption = Wartość bazowa, raporty postępu i cel
goals-table-date = Data
goals-table-value = Wartość
goals-table-way = Część drogi
goals-table-note = Notatka
goals-table-discussion = Dyskusja
goals-discuss = Dyskutuj
goals-report = Zgłoś postęp
goals-field-value = Wartość w { $unit }
goals-field-post-group = Opublikuj raport w grupie
goals-field-post-group-hint = Każdy raport jest też nowym wątkiem w grupie, aby inni mogli go omówić: nazwa (lub nazwa@host dla grupy gdzie indziej).
goals-report-submit = Zgłoś postęp
goals-thread-title = Postęp: { $goal }
goals-thread-value = Dnia { $date }: { $value } (cel { $target } do { $year }).
goals-thread-link = Cel i jego wykres: { $url }
field-error-number = Wpisz liczbę, na przykład 1234,5.
field-error-date = Wpisz datę, na przykład 2026-11-23.
field-error-target-equals-baseline = Wartość docelowa musi się różnić od bazowej.
field-error-target-year = Rok docelowy nie może być wcześniejszy niż rok bazowy.
field-error-goal-group = Podaj grupę, w której możesz pisać.
field-error-year = Wpisz rok od { $min } do { $max }.
goals-edit = Edytuj cel
goals-save = Zapisz cel
goals-delete = Usuń cel
goals-delete-explained = Cel i jego aktualizacje postępu zostaną usunięte. Wątki rozpoczęte przez aktualizacje pozostaną.
goals-delete-confirm = Usuń ten cel

# Klimaziele und Fortschrittsmeldungen.

nav-goals = Klimaziele
goals-title = Klimaziele
goals-heading = Klimaziele
goals-intro = Die Ziele, die sich Mitglieder und Projekte dieses Netzwerks gesetzt haben, und wie weit jedes vom Ausgangswert zum Zielwert gekommen ist.
goals-new = Ziel setzen
goals-filtered = Ziele von { $owner }.
goals-show-all = Alle Ziele zeigen
goals-none = Noch keine Ziele.
goals-of-group = Ziel des Projekts
goals-of-member = Ziel von
goals-of-this-group = Klimaziele
goals-baseline = Ausgangswert
goals-target = Zielwert
goals-latest = Zuletzt
goals-progress-label = Fortschritt zum Ziel
goals-progress-of-way = { $percent } des Weges
goals-no-updates = Noch kein Fortschritt gemeldet
goals-percent = { $percent } %
goals-amount-in-year = { $amount } ({ $year })
goals-field-group = Projektgruppe (optional)
goals-field-group-hint = Leer lassen für ein eigenes Ziel; für ein Ziel der Gruppe den Namen einer Projektgruppe angeben, die Sie leiten oder moderieren.
goals-field-title = Titel
goals-field-metric = Was gemessen wird
goals-field-unit = Einheit
goals-field-unit-hint = Zum Beispiel t CO2e/Jahr, MWh oder %.
goals-field-baseline-value = Ausgangswert
goals-field-baseline-year = Ausgangsjahr
goals-field-target-value = Zielwert
goals-field-target-year = Zieljahr
goals-field-scope = Geltungsbereich
goals-create = Ziel setzen
goals-chart-title = Fortschritt von { $goal }
goals-chart-baseline = Ausgangswert { $year }: { $amount }
goals-chart-target = Ziel { $year }: { $amount }
goals-chart-desc =
    { $baseline }. { $target }. { $count ->
        [one] Eine Fortschrittsmeldung
       *[other] { $count } Fortschrittsmeldungen
    }; die letzte, am { $date }, liegt bei { $amount }, { $percent } des Weges.
goals-chart-desc-empty = { $baseline }. { $target }. Noch kein Fortschritt gemeldet.
goals-chart-caption = Die gestrichelte Linie ist der geplante Weg, die durchgezogene der gemeldete Fortschritt. Die Tabelle darunter enthält dieselben Daten.
goals-chart-download = Diagramm als SVG
goals-updates = Fortschritt
goals-table-caption = Ausgangswert, Fortschrittsmeldungen und Zielwert
goals-table-date = Datum
goals-table-value = Wert
goals-table-way = Anteil des Weges
goals-table-note = Notiz
goals-table-discussion = Diskussion
goals-discuss = Diskutieren
goals-report = Fortschritt melden
goals-field-value = Wert in { $unit }
goals-field-post-group = Meldung in dieser Gruppe veröffentlichen
goals-field-post-group-hint = Jede Meldung ist auch ein neues Thema in einer Gruppe, damit andere sie diskutieren können: Name (oder name@host für eine Gruppe anderswo).
goals-report-submit = Fortschritt melden
goals-thread-title = Fortschritt: { $goal }
goals-thread-value = Am { $date }: { $value } (Ziel { $target } bis { $year }).
goals-thread-link = Das Ziel und sein Diagramm: { $url }
field-error-number = Bitte geben Sie eine Zahl ein, zum Beispiel 1234,5.
field-error-date = Bitte geben Sie ein Datum wie 2026-11-23 ein.
field-error-target-equals-baseline = Der Zielwert muss sich vom Ausgangswert unterscheiden.
field-error-target-year = Das Zieljahr darf nicht vor dem Ausgangsjahr liegen.
field-error-goal-group = Bitte nennen Sie eine Gruppe, in der Sie schreiben können.
field-error-year = Bitte geben Sie ein Jahr von { $min } bis { $max } ein.

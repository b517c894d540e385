# Klimatmål och lägesrapporter.

nav-goals = Klimatmål
goals-title = Klimatmål
goals-heading = Klimatmål
goals-intro = Målen som nätverkets medlemmar och projekt har satt upp, och hur långt vart och ett har kommit från utgångsläget mot målet.
goals-new = Sätt ett mål
goals-filtered = Mål för { $owner }.
goals-show-all = Visa alla mål
goals-none = Inga mål än.
goals-of-group = Projektets mål
goals-of-member = Mål för
goals-of-this-group = Klimatmål
goals-baseline = Utgångsläge
goals-target = Mål
goals-latest = Senast
goals-progress-label = Framsteg mot målet
goals-progress-of-way = { $percent } av vägen
goals-no-updates = Inga framsteg rapporterade än
goals-percent = { $percent } %
goals-amount-in-year = { $amount } ({ $year })
goals-field-group = Projektgrupp (valfritt)
goals-field-group-hint = Lämna tomt för ett eget mål; ange namnet på en projektgrupp du äger eller modererar för gruppens mål.
goals-field-title = Titel
goals-field-metric = Vad som mäts
goals-field-unit = Enhet
goals-field-unit-hint = Till exempel t CO2e/år, MWh eller %.
goals-field-baseline-value = Utgångsvärde
goals-field-baseline-year = Utgångsår
goals-field-target-value = Målvärde
goals-field-target-year = Målår
goals-field-scope = Omfattning
goals-create = Sätt mål
goals-chart-title = Framsteg för { $goal }
goals-chart-baseline = Utgångsläge { $year }: { $amount }
goals-chart-target = Mål { $year }: { $amount }
goals-chart-desc =
    { $baseline }. { $target }. { $count ->
        [one] En lägesrapport
       *[other] { $count } lägesrapporter
    }; den senaste, { $date }, är { $amount }, { $percent } av vägen.
goals-chart-desc-empty = { $baseline }. { $target }. Inga framsteg rapporterade än.
goals-chart-caption = Den streckade linjen är den planerade vägen, den heldragna de rapporterade framstegen. Tabellen nedan har samma uppgifter.
goals-chart-download = Diagram som SVG
goals-updates = Framsteg
goals-table-caption = Utgångsläge, lägesrapporter och mål
goals-table-date = Datum
goals-table-value = Värde
goals-table-way = Av vägen
goals-table-note = Anteckning
goals-table-discussion = Diskussion
goals-discuss = Diskutera
goals-report = Rapportera framsteg
goals-field-value = Värde i { $unit }
goals-field-post-group = Publicera rapporten i gruppen
goals-field-post-group-hint = Varje rapport blir också en ny tråd i en grupp så att andra kan diskutera den: namn (eller namn@värd för en grupp någon annanstans).
goals-report-submit = Rapportera framsteg
goals-thread-title = Framsteg: { $goal }
goals-thread-value = { $date }: { $value } (mål { $target } till { $year }).
goals-thread-link = Målet och dess diagram: { $url }
field-error-number = Ange ett tal, till exempel 1234,5.
field-error-date = Ange ett datum som 2026-11-23.
field-error-target-equals-baseline = Målvärdet måste skilja sig från utgångsvärdet.
field-error-target-year = Målåret får inte ligga före utgångsåret.
field-error-goal-group = Ange en grupp som du kan skriva i.
field-error-year = Ange ett år från { $min } till { $max }.

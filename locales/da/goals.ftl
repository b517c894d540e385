# Klimamål og statusopdateringer.

nav-goals = Klimamål
goals-title = Klimamål
goals-heading = Klimamål
goals-intro = De mål, som netværkets medlemmer og projekter har sat sig, og hvor langt hvert mål er nået fra udgangspunktet mod målet.
goals-new = Sæt et mål
goals-filtered = Mål for { $owner }.
goals-show-all = Vis alle mål
goals-none = Ingen mål endnu.
goals-of-group = Projektets mål
goals-of-member = Mål for
goals-of-this-group = Klimamål
goals-baseline = Udgangspunkt
goals-target = Mål
goals-latest = Senest
goals-progress-label = Fremskridt mod målet
goals-progress-of-way = { $percent } af vejen
goals-no-updates = Intet fremskridt meldt endnu
goals-percent = { $percent } %
goals-amount-in-year = { $amount } ({ $year })
goals-field-group = Projektgruppe (valgfri)
goals-field-group-hint = Lad feltet stå tomt for dit eget mål; angiv navnet på en projektgruppe, du ejer eller modererer, for gruppens mål.
goals-field-title = Titel
goals-field-metric = Hvad der måles
goals-field-unit = Enhed
goals-field-unit-hint = For eksempel t CO2e/år, MWh eller %.
goals-field-baseline-value = Udgangsværdi
goals-field-baseline-year = Udgangsår
goals-field-target-value = Målværdi
goals-field-target-year = Målår
goals-field-scope = Omfang
goals-create = Sæt mål
goals-chart-title = Fremskridt for { $goal }
goals-chart-baseline = Udgangspunkt { $year }: { $amount }
goals-chart-target = Mål { $year }: { $amount }
goals-chart-desc =
    { $baseline }. { $target }. { $count ->
        [one] Én statusopdatering
       *[other] { $count } statusopdateringer
    }; den seneste, { $date }, er { $amount }, { $percent } af vejen.
goals-chart-desc-empty = { $baseline }. { $target }. Intet fremskridt meldt endnu.
goals-chart-caption = Den stiplede linje er den planlagte vej, den fuldt optrukne det meldte fremskridt. Tabellen nedenfor har de samme data.
goals-chart-download = Diagram som SVG
goals-updates = Fremskridt
goals-table-caption = Udgangspunkt, statusopdateringer og mål
goals-table-date = Dato
goals-table-value = Værdi
goals-table-way = Af vejen
goals-table-note = Note
goals-table-discussion = Diskussion
goals-discuss = Diskutér
goals-report = Meld fremskridt
goals-field-value = Værdi i { $unit }
goals-field-post-group = Slå opdateringen op i gruppen
goals-field-post-group-hint = Hver opdatering er også en ny tråd i en gruppe, så andre kan diskutere den: navn (eller navn@vært for en gruppe et andet sted).
goals-report-submit = Meld fremskridt
goals-thread-title = Fremskridt: { $goal }
goals-thread-value = { $date }: { $value } (mål { $target } i { $year }).
goals-thread-link = Målet og dets diagram: { $url }
field-error-number = Angiv et tal, for eksempel 1234,5.
field-error-date = Angiv en dato som 2026-11-23.
field-error-target-equals-baseline = Målværdien skal være forskellig fra udgangsværdien.
field-error-target-year = Målåret må ikke ligge før udgangsåret.
field-error-goal-group = Angiv en gruppe, du kan skrive i.
field-error-year = Angiv et år fra { $min } til { $max }.

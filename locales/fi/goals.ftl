# Ilmastotavoitteet ja edistymisraportit.

nav-goals = Ilmastotavoitteet
goals-title = Ilmastotavoitteet
goals-heading = Ilmastotavoitteet
goals-intro = Verkoston jäsenten ja hankkeiden asettamat tavoitteet ja se, kuinka pitkälle kukin on edennyt lähtötasosta kohti tavoitetta.
goals-new = Aseta tavoite
goals-filtered = Tavoitteet: { $owner }.
goals-show-all = Näytä kaikki tavoitteet
goals-none = Tavoitteita ei vielä ole.
goals-of-group = Hankkeen tavoite
goals-of-member = Tavoitteen asettaja:
goals-of-this-group = Ilmastotavoitteet
goals-baseline = Lähtötaso
goals-target = Tavoite
goals-latest = Viimeisin
goals-progress-label = Edistyminen kohti tavoitetta
goals-progress-of-way = { $percent } matkasta
goals-no-updates = Edistymistä ei ole vielä raportoitu
goals-percent = { $percent } %
goals-amount-in-year = { $amount } ({ $year })
goals-field-group = Hankeryhmä (valinnainen)
goals-field-group-hint = Jätä tyhjäksi omaa tavoitetta varten; ryhmän tavoitteelle anna sellaisen hankeryhmän nimi, jonka omistat tai jota moderoit.
goals-field-title = Otsikko
goals-field-metric = Mitä mitataan
goals-field-unit = Yksikkö
goals-field-unit-hint = Esimerkiksi t CO2e/vuosi, MWh tai %.
goals-field-baseline-value = Lähtöarvo
goals-field-baseline-year = Lähtövuosi
goals-field-target-value = Tavoitearvo
goals-field-target-year = Tavoitevuosi
goals-field-scope = Rajaus
goals-create = Aseta tavoite
goals-chart-title = Edistyminen: { $goal }
goals-chart-baseline = Lähtötaso { $year }: { $amount }
goals-chart-target = Tavoite { $year }: { $amount }
goals-chart-desc =
    { $baseline }. { $target }. { $count ->
        [one] Yksi edistymisraportti
       *[other] { $count } edistymisraporttia
    }; viimeisin, { $date }, on { $amount }, { $percent } matkasta.
goals-chart-desc-empty = { $baseline }. { $target }. Edistymistä ei ole vielä raportoitu.
goals-chart-caption = Katkoviiva on suunniteltu polku, yhtenäinen viiva raportoitu edistyminen. Alla olevassa taulukossa on samat tiedot.
goals-chart-download = Kaavio SVG-muodossa
goals-updates = Edistyminen
goals-table-caption = Lähtötaso, edistymisraportit ja tavoite
goals-table-date = Päivämäärä
goals-table-value = Arvo
goals-table-way = Matkasta
goals-table-note = Huomautus
goals-table-discussion = Keskustelu
goals-discuss = Keskustele
goals-report = Raportoi edistymisestä
goals-field-value = Arvo yksikössä { $unit }
goals-field-post-group = Julkaise raportti ryhmässä
goals-field-post-group-hint = Jokainen raportti on myös uusi ketju ryhmässä, jotta muut voivat keskustella siitä: nimi (tai nimi@palvelin muualla olevalle ryhmälle).
goals-report-submit = Raportoi edistymisestä
goals-thread-title = Edistyminen: { $goal }
goals-thread-value = { $date }: { $value } (tavoite { $target } vuoteen { $year } mennessä).
goals-thread-link = Tavoite ja sen kaavio: { $url }
field-error-number = Anna luku, esimerkiksi 1234,5.
field-error-date = Anna päivämäärä muodossa 2026-11-23.
field-error-target-equals-baseline = Tavoitearvon on poikettava lähtöarvosta.
field-error-target-year = Tavoitevuosi ei voi olla ennen lähtövuotta.
field-error-goal-group = Anna ryhmä, jossa voit kirjoittaa.
field-error-year = Anna vuosi väliltä { $min }–{ $max }.

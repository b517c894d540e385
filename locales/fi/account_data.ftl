# Lähteminen ja muuttaminen: tietojen vienti, seurattujen ja estojen tuonti, tilin poisto.

account-data-settings-link = Vie, tuo tai poista tilisi
account-data-title = Tietosi ja tilisi
account-data-export-heading = Vie tietosi
account-data-export-hint = Zip-tiedosto, jossa on profiilisi, viestisi (ActivityPub-lähtevinä), seuraamasi, estämäsi ja mykistämäsi ihmiset ja ryhmät (Mastodonin CSV-tiedostoina) sekä lataamasi kuvat.
account-data-export-download = Lataa tietoni
account-data-import-heading = Tuo seurattuja tai estoja
account-data-import-hint = Mastodonin tai Allmenden viemä CSV-tiedosto (following_accounts.csv tai blocked_accounts.csv) tai yksi osoite kuten name@example.org riviä kohden.
account-data-import-kind = Tuo
account-data-import-follows = Seurattuina
account-data-import-blocks = Estoina
account-data-import-file = CSV-tiedosto
account-data-import-submit = Tuo
account-data-import-choose-kind = Valitse, tuodaanko seurattuja vai estoja.
account-data-import-empty = Tiedosto on tyhjä tai siinä ei ole tilejä.
account-data-import-not-text = Tiedosto ei ole tekstitiedosto (CSV). Valitse Mastodonin tai Allmenden viemä CSV-tiedosto.
account-data-import-malformed = Tiedoston rivi { $line } ei ole kelvollista CSV:tä.
account-data-import-too-many = Tiedostossa on { $found } tiliä; kerralla tuodaan enintään { $limit }. Jaa se pienempiin tiedostoihin.
account-data-import-imported = { $count ->
    [one] Yksi tili tuotiin.
   *[other] { $count } tiliä tuotiin.
}
account-data-import-failed = { $count ->
    [one] Yhtä riviä ei tuotu:
   *[other] { $count } riviä ei tuotu:
}
account-data-import-failed-caption = Rivit, joita ei tuotu
account-data-import-line = Rivi
account-data-import-address = Osoite
account-data-import-reason = Syy
import-failed-not-address = ei osoite kuten name@example.org
import-failed-not-found = tästä osoitteesta ei löytynyt ketään
import-failed-refused = hylätty
import-failed-not-tried = ei yritetty: tuonti kesti liian kauan; tuo tiedosto uudelleen
account-data-delete-heading = Poista tilisi
account-data-delete-hint = { $count ->
    [0] Viestisi merkitään poistetuiksi, kuvasi, seurauksesi, estosi ja kirjautumisesi poistetaan, ja muille instansseille kerrotaan. Nimesi pysyy varattuna. Tämä tapahtuu heti.
    [one] Viestisi merkitään poistetuiksi, kuvasi, seurauksesi, estosi ja kirjautumisesi poistetaan, ja muille instansseille kerrotaan. Nimesi pysyy varattuna. Tämä tapahtuu päivän kuluttua; siihen asti voit kirjautua ja perua.
   *[other] Viestisi merkitään poistetuiksi, kuvasi, seurauksesi, estosi ja kirjautumisesi poistetaan, ja muille instansseille kerrotaan. Nimesi pysyy varattuna. Tämä tapahtuu { $count } päivän kuluttua; siihen asti voit kirjautua ja perua.
}
account-data-delete-submit = Poista tilini
account-data-delete-pending = Tilisi poistetaan { $date }.
account-data-delete-cancel = Säilytä tilini
account-data-deletion-requested = Tilisi poistetaan. Siihen asti voit perua.
account-data-deletion-cancelled = Tiliäsi ei poisteta.

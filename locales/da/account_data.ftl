# At gå og flytte: dataeksport, import af følger og blokeringer, sletning af kontoen.

account-data-settings-link = Eksportér, importér eller slet din konto
account-data-title = Dine data og din konto
account-data-export-heading = Eksportér dine data
account-data-export-hint = En zip-fil med din profil, dine indlæg (som ActivityPub-udbakke), de personer og grupper, du følger, blokerer og gør tavse (som Mastodons CSV-filer), og de billeder, du har uploadet.
account-data-export-download = Hent mine data
account-data-import-heading = Importér følger eller blokeringer
account-data-import-hint = En CSV-fil eksporteret af Mastodon eller Allmende (following_accounts.csv eller blocked_accounts.csv), eller én adresse som name@example.org pr. linje.
account-data-import-kind = Importér som
account-data-import-follows = Følger
account-data-import-blocks = Blokeringer
account-data-import-file = CSV-fil
account-data-import-submit = Importér
account-data-import-choose-kind = Vælg, om der skal importeres følger eller blokeringer.
account-data-import-empty = Filen er tom eller indeholder ingen konti.
account-data-import-not-text = Filen er ikke en tekstfil (CSV). Vælg den CSV-fil, Mastodon eller Allmende har eksporteret.
account-data-import-malformed = Linje { $line } i filen er ikke gyldig CSV.
account-data-import-too-many = Filen indeholder { $found } konti; højst { $limit } importeres ad gangen. Del den op i mindre filer.
account-data-import-imported = { $count ->
    [one] Én konto blev importeret.
   *[other] { $count } konti blev importeret.
}
account-data-import-failed = { $count ->
    [one] Én linje blev ikke importeret:
   *[other] { $count } linjer blev ikke importeret:
}
account-data-import-failed-caption = Linjer, der ikke blev importeret
account-data-import-line = Linje
account-data-import-address = Adresse
account-data-import-reason = Årsag
import-failed-not-address = ikke en adresse som name@example.org
import-failed-not-found = ingen fundet på denne adresse
import-failed-refused = afvist
import-failed-not-tried = ikke forsøgt: importen tog for lang tid; importér filen igen
account-data-delete-heading = Slet din konto
account-data-delete-hint = { $count ->
    [0] Dine indlæg bliver "slettet", dine billeder, følger, blokeringer og login fjernes, og andre instanser får besked. Dit navn forbliver reserveret. Det sker med det samme.
    [one] Dine indlæg bliver "slettet", dine billeder, følger, blokeringer og login fjernes, og andre instanser får besked. Dit navn forbliver reserveret. Det sker efter én dag; indtil da kan du logge ind og fortryde.
   *[other] Dine indlæg bliver "slettet", dine billeder, følger, blokeringer og login fjernes, og andre instanser får besked. Dit navn forbliver reserveret. Det sker efter { $count } dage; indtil da kan du logge ind og fortryde.
}
account-data-delete-submit = Slet min konto
account-data-delete-pending = Din konto bliver slettet { $date }.
account-data-delete-cancel = Behold min konto
account-data-deletion-requested = Din konto bliver slettet. Indtil da kan du fortryde.
account-data-deletion-cancelled = Din konto bliver ikke slettet.

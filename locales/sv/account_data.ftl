# Att lämna och flytta: dataexport, import av följningar och blockeringar, radering av kontot.

account-data-settings-link = Exportera, importera eller radera ditt konto
account-data-title = Dina data och ditt konto
account-data-export-heading = Exportera dina data
account-data-export-hint = En zip-fil med din profil, dina inlägg (som ActivityPub-utkorg), de personer och grupper du följer, blockerar och tystar (som Mastodons CSV-filer) och de bilder du har laddat upp.
account-data-export-download = Ladda ner mina data
account-data-import-heading = Importera följningar eller blockeringar
account-data-import-hint = En CSV-fil exporterad av Mastodon eller Allmende (following_accounts.csv eller blocked_accounts.csv), eller en adress som name@example.org per rad.
account-data-import-kind = Importera som
account-data-import-follows = Följningar
account-data-import-blocks = Blockeringar
account-data-import-file = CSV-fil
account-data-import-submit = Importera
account-data-import-choose-kind = Välj om följningar eller blockeringar ska importeras.
account-data-import-empty = Filen är tom eller innehåller inga konton.
account-data-import-not-text = Filen är inte en textfil (CSV). Välj CSV-filen som Mastodon eller Allmende exporterade.
account-data-import-malformed = Rad { $line } i filen är inte giltig CSV.
account-data-import-too-many = Filen innehåller { $found } konton; högst { $limit } importeras åt gången. Dela upp den i mindre filer.
account-data-import-imported = { $count ->
    [one] Ett konto importerades.
   *[other] { $count } konton importerades.
}
account-data-import-failed = { $count ->
    [one] En rad importerades inte:
   *[other] { $count } rader importerades inte:
}
account-data-import-failed-caption = Rader som inte importerades
account-data-import-line = Rad
account-data-import-address = Adress
account-data-import-reason = Orsak
import-failed-not-address = inte en adress som name@example.org
import-failed-not-found = ingen hittades på den här adressen
import-failed-refused = avvisad
import-failed-not-tried = inte försökt: importen tog för lång tid; importera filen igen
account-data-delete-heading = Radera ditt konto
account-data-delete-hint = { $count ->
    [0] Dina inlägg blir "raderade", dina bilder, följningar, blockeringar och inloggningar tas bort, och andra instanser får veta det. Ditt namn förblir reserverat. Det sker direkt.
    [one] Dina inlägg blir "raderade", dina bilder, följningar, blockeringar och inloggningar tas bort, och andra instanser får veta det. Ditt namn förblir reserverat. Det sker efter en dag; fram till dess kan du logga in och ångra.
   *[other] Dina inlägg blir "raderade", dina bilder, följningar, blockeringar och inloggningar tas bort, och andra instanser får veta det. Ditt namn förblir reserverat. Det sker efter { $count } dagar; fram till dess kan du logga in och ångra.
}
account-data-delete-submit = Radera mitt konto
account-data-delete-pending = Ditt konto raderas { $date }.
account-data-delete-cancel = Behåll mitt konto
account-data-deletion-requested = Ditt konto kommer att raderas. Fram till dess kan du ångra.
account-data-deletion-cancelled = Ditt konto kommer inte att raderas.

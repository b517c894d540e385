# Mails (ren tekst) og siderne til mailfunktioner.
mail-greeting = Hej { $name },
mail-unsubscribe = Hvis du ikke længere vil have meddelelser eller opsummeringer på mail, så følg dette link (ingen login nødvendig): { $link }
mail-test-subject = Testmail fra { $instance }
mail-test-body = Dette er en testmail fra { $instance }. Kan du læse den, virker udgående mail.
mail-reset-subject = Nulstil din adgangskode på { $instance }
mail-reset-body = Nogen, forhåbentlig dig, har bedt om at nulstille adgangskoden til din konto på { $instance }. Vælg en ny adgangskode med dette link inden for { $hours } timer; det virker én gang:
mail-reset-ignore = Hvis du ikke har bedt om det, kan du se bort fra denne mail: din adgangskode forbliver uændret.
mail-confirm-subject = Bekræft din mailadresse på { $instance }
mail-confirm-body = Bekræft venligst din mailadresse til { $instance } med dette link inden for { $hours } timer; derefter kan du logge ind:
mail-change-subject = Bekræft din nye mailadresse på { $instance }
mail-change-body = Bekræft venligst med dette link inden for { $hours } timer, at dette er den nye mailadresse til din konto på { $instance }:
mail-confirm-ignore = Hvis det ikke var dig, kan du se bort fra denne mail.
mail-approved-subject = Velkommen til { $instance }
mail-approved-body = Din ansøgning om at blive medlem af { $instance } er godkendt. Du kan logge ind nu:
mail-rejected-subject = Din ansøgning til { $instance }
mail-rejected-body = Din ansøgning om at blive medlem af { $instance } blev ikke godkendt.
mail-decision-message = Besked fra koordinatorerne: { $message }
mail-report-subject = Din anmeldelse på { $instance } er behandlet
mail-report-body = Moderatorerne på { $instance } har behandlet din anmeldelse af { $target }. Tak for hjælpen.
mail-report-note = Note fra moderatorerne: { $note }
mail-digest-subject-daily = Din daglige opsummering fra { $instance }
mail-digest-subject-weekly = Din ugentlige opsummering fra { $instance }
mail-digest-intro = Dette er sket siden din sidste opsummering:
mail-digest-replies = { $count ->
    [one] 1 nyt svar i tråde, du følger:
   *[other] { $count } nye svar i tråde, du følger:
}
mail-digest-mentions = { $count ->
    [one] 1 svar til dig eller omtale af dig:
   *[other] { $count } svar til dig eller omtaler af dig:
}
mail-digest-threads = { $count ->
    [one] 1 ny tråd i grupper, du følger:
   *[other] { $count } nye tråde i grupper, du følger:
}
mail-digest-settings = Ændr eller stop opsummeringen i dine indstillinger: { $link }
login-forgot-link = Glemt adgangskoden?
login-unconfirmed = Bekræft først din mailadresse: følg linket i den mail, vi har sendt dig.
forgot-title = Glemt adgangskoden?
forgot-intro = Skriv mailadressen til din konto. Vi sender dig et link, hvor du kan vælge en ny adgangskode.
forgot-email = Mailadresse
forgot-submit = Send linket
forgot-sent = { $count ->
    [one] Hvis en konto har denne adresse, er en mail med et link på vej. Linket gælder i 1 time.
   *[other] Hvis en konto har denne adresse, er en mail med et link på vej. Linket gælder i { $count } timer.
}
forgot-no-mail = Dette forum sender ikke mails, så en adgangskode kan ikke nulstilles via mail her. Spørg en administrator: de kan give dig en ny adgangskode.
forgot-back-to-login = Tilbage til login
reset-title = Vælg en ny adgangskode
reset-invalid = Dette link kan ikke bruges: det er allerede brugt eller udløbet.
reset-ask-again = Bed om et nyt link
reset-submit = Gem den nye adgangskode
reset-done-title = Adgangskoden er ændret
reset-done = Din adgangskode er ændret, og du er logget ud overalt. Log ind med den nye adgangskode.
reset-sign-in = Log ind
confirm-done-title = Mailadressen er bekræftet
confirm-done-text = Din mailadresse er bekræftet. Du kan logge ind nu.
confirm-changed-text = Din mailadresse er nu { $email }.
confirm-to-settings = Tilbage til dine indstillinger
confirm-invalid-title = Ugyldigt link
confirm-invalid-text = Dette link kan ikke bruges: det er allerede brugt eller udløbet.
unsubscribe-title = Afmeld
unsubscribe-text = Ikke længere få meddelelser eller opsummeringer på mail fra { $instance }? Mails, du selv beder om, for eksempel nulstilling af adgangskoden, når stadig frem.
unsubscribe-submit = Afmeld
unsubscribe-done = Du er afmeldt: ikke flere meddelelser eller opsummeringer på mail. Du kan vælge en opsummering igen i dine indstillinger.
unsubscribe-invalid = Dette afmeldingslink er ugyldigt.
register-confirm-title = Tjek din mail
register-confirm-text = Vi har sendt en mail til { $email }. Følg linket i den for at bekræfte din adresse; derefter kan du logge ind.
security-email-confirmation-sent = Vi har sendt et link til den nye adresse. Din adresse ændres, når du følger det.
settings-mail-saved = Dine mailindstillinger er gemt.
settings-mail-title = Mail
settings-digest-label = Opsummering af svar, omtaler og nye tråde i grupper, du følger
settings-digest-off = Ingen opsummering
settings-digest-daily = Dagligt
settings-digest-weekly = Ugentligt
settings-digest-save = Gem mailindstillinger

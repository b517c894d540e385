# Oprettelse af konto, login, profilindstillinger og beskeder ved formularfelter.

field-username = Brugernavn
field-password = Adgangskode
login-title = Log ind
login-submit = Log ind
login-new-here-html = Ny her? <a href="/register">Opret en konto</a>.
login-wrong = Forkert brugernavn eller adgangskode.
login-locked = For mange mislykkede loginforsøg. Kontoen er spærret et stykke tid; prøv igen senere.
register-title = Opret konto
register-username-hint = Små bogstaver, cifre, _ og -. Andre ser dig som @navn.
register-email = E-mail
register-password-again = Gentag adgangskoden
register-submit = Opret konto
register-already-html = Har du allerede en konto? <a href="/login">Log ind</a>.
settings-title = Profilindstillinger
settings-heading = Profil
settings-saved = Din profil er gemt.
settings-display-name = Visningsnavn
settings-bio = Om dig
settings-language = Foretrukket sprog
field-error-empty = Udfyld venligst dette felt.
field-error-required = Dette felt skal udfyldes.
field-error-too-short =
    { $count ->
        [one] Brug mindst { $count } tegn.
       *[other] Brug mindst { $count } tegn.
    }
field-error-too-long =
    { $count ->
        [one] Brug højst { $count } tegn.
       *[other] Brug højst { $count } tegn.
    }
field-error-control-characters = Fjern venligst kontroltegnene.
field-error-single-line = Skriv venligst på én linje.
field-error-email-invalid = Det er ikke en gyldig e-mailadresse.
field-error-email-registered = Denne e-mailadresse er allerede registreret.
field-error-name-taken = Dette navn er allerede taget.
field-error-name-length = Brug { $min } til { $max } tegn.
field-error-name-characters = Brug kun små bogstaver a–z, cifre, _ og -.
field-error-name-start = Start med et bogstav eller et ciffer.
field-error-name-reserved = Dette navn er reserveret; vælg venligst et andet.
field-error-group-kind = Vælg en projektgruppe eller en diskussionsgruppe.
field-error-language-code = Brug en sprogkode på to bogstaver.
field-error-language-unknown = Vælg et af de tilbudte sprog.
field-error-password-mismatch = Adgangskoderne er ikke ens.
field-error-policy = Vælg blokér, tillad eller standard.
field-error-host = Det er ikke et værtsnavn.

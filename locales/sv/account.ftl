# Registrering, inloggning, profilinställningar och meddelanden vid formulärfält.

field-username = Användarnamn
field-password = Lösenord
login-title = Logga in
login-submit = Logga in
login-new-here-html = Ny här? <a href="/register">Skapa ett konto</a>.
login-wrong = Fel användarnamn eller lösenord.
login-locked = För många misslyckade inloggningar. Kontot är spärrat en stund; försök igen senare.
register-title = Skapa konto
register-username-hint = Små bokstäver, siffror, _ och -. Andra ser dig som @namn.
register-email = E-post
register-password-again = Upprepa lösenordet
register-submit = Skapa konto
register-already-html = Har du redan ett konto? <a href="/login">Logga in</a>.
settings-title = Profilinställningar
settings-heading = Profil
settings-saved = Din profil har sparats.
settings-display-name = Visningsnamn
settings-bio = Om dig
settings-language = Föredraget språk
field-error-empty = Fyll i det här fältet.
field-error-required = Det här fältet är obligatoriskt.
field-error-too-short =
    { $count ->
        [one] Använd minst { $count } tecken.
       *[other] Använd minst { $count } tecken.
    }
field-error-too-long =
    { $count ->
        [one] Använd högst { $count } tecken.
       *[other] Använd högst { $count } tecken.
    }
field-error-control-characters = Ta bort kontrolltecknen.
field-error-single-line = Skriv på en enda rad.
field-error-email-invalid = Det här är ingen giltig e-postadress.
field-error-email-registered = Den här e-postadressen är redan registrerad.
field-error-name-taken = Namnet är redan upptaget.
field-error-name-length = Använd { $min } till { $max } tecken.
field-error-name-characters = Använd bara små bokstäver a–z, siffror, _ och -.
field-error-name-start = Börja med en bokstav eller en siffra.
field-error-name-reserved = Namnet är reserverat; välj ett annat.
field-error-group-kind = Välj projektgrupp eller diskussionsgrupp.
field-error-language-code = Använd en språkkod med två bokstäver.
field-error-language-unknown = Välj ett av de erbjudna språken.
field-error-password-mismatch = Lösenorden stämmer inte överens.
field-error-policy = Välj blockera, tillåt eller standard.
field-error-host = Det här är inget värdnamn.

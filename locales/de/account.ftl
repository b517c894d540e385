# Registrierung, Anmeldung, Profileinstellungen und Hinweise an Formularfeldern.

field-username = Benutzername
field-password = Passwort
login-title = Anmelden
login-submit = Anmelden
login-new-here-html = Neu hier? <a href="/register">Registrieren</a>.
login-wrong = Benutzername oder Passwort ist falsch.
login-locked = Zu viele fehlgeschlagene Anmeldungen. Dieses Konto ist vorübergehend gesperrt; versuchen Sie es später erneut.
register-title = Registrieren
register-username-hint = Kleinbuchstaben, Ziffern, _ und -. Andere sehen Sie als @name.
register-email = E-Mail
register-password-again = Passwort wiederholen
register-submit = Registrieren
register-already-html = Schon registriert? <a href="/login">Anmelden</a>.
settings-title = Profileinstellungen
settings-heading = Profil
settings-saved = Ihr Profil wurde gespeichert.
settings-display-name = Anzeigename
settings-bio = Über Sie
settings-language = Bevorzugte Sprache
field-error-empty = Bitte füllen Sie dieses Feld aus.
field-error-required = Dieses Feld ist erforderlich.
field-error-too-short =
    { $count ->
        [one] Bitte verwenden Sie mindestens { $count } Zeichen.
       *[other] Bitte verwenden Sie mindestens { $count } Zeichen.
    }
field-error-too-long =
    { $count ->
        [one] Bitte verwenden Sie höchstens { $count } Zeichen.
       *[other] Bitte verwenden Sie höchstens { $count } Zeichen.
    }
field-error-control-characters = Bitte entfernen Sie die Steuerzeichen.
field-error-single-line = Bitte verwenden Sie nur eine Zeile.
field-error-email-invalid = Das ist keine gültige E-Mail-Adresse.
field-error-email-registered = Diese E-Mail-Adresse ist bereits registriert.
field-error-name-taken = Dieser Name ist bereits vergeben.
field-error-name-length = Verwenden Sie { $min } bis { $max } Zeichen.
field-error-name-characters = Erlaubt sind nur Kleinbuchstaben a–z, Ziffern, _ und -.
field-error-name-start = Beginnen Sie mit einem Buchstaben oder einer Ziffer.
field-error-name-reserved = Dieser Name ist reserviert; bitte wählen Sie einen anderen.
field-error-group-kind = Wählen Sie eine Projektgruppe oder eine Diskussionsgruppe.
field-error-language-code = Verwenden Sie einen Sprachcode aus zwei Buchstaben.
field-error-language-unknown = Wählen Sie eine der angebotenen Sprachen.
field-error-password-mismatch = Die Passwörter stimmen nicht überein.
field-error-policy = Wählen Sie Sperren, Erlauben oder Standard.
field-error-host = Das ist kein Hostname.

# Mails (Klartext) und die Seiten der Mail-Funktionen.
mail-greeting = Hallo { $name },
mail-unsubscribe = Wenn Sie keine Hinweise und Zusammenfassungen per Mail mehr erhalten möchten, folgen Sie diesem Link (ohne Anmeldung): { $link }
mail-test-subject = Testmail von { $instance }
mail-test-body = Dies ist eine Testmail von { $instance }. Wenn Sie sie lesen können, funktioniert der Mailversand.
mail-reset-subject = Passwort zurücksetzen bei { $instance }
mail-reset-body = Jemand, hoffentlich Sie, möchte das Passwort Ihres Kontos bei { $instance } zurücksetzen. Wählen Sie mit diesem Link innerhalb von { $hours } Stunden ein neues Passwort; er funktioniert einmal:
mail-reset-ignore = Wenn Sie das nicht angefordert haben, ignorieren Sie diese Mail: Ihr Passwort bleibt unverändert.
mail-confirm-subject = Bestätigen Sie Ihre Mailadresse bei { $instance }
mail-confirm-body = Bitte bestätigen Sie Ihre Mailadresse für { $instance } innerhalb von { $hours } Stunden mit diesem Link; danach können Sie sich anmelden:
mail-change-subject = Bestätigen Sie Ihre neue Mailadresse bei { $instance }
mail-change-body = Bitte bestätigen Sie mit diesem Link innerhalb von { $hours } Stunden, dass dies die neue Mailadresse Ihres Kontos bei { $instance } ist:
mail-confirm-ignore = Wenn Sie das nicht waren, ignorieren Sie diese Mail.
mail-approved-subject = Willkommen bei { $instance }
mail-approved-body = Ihr Antrag auf Teilnahme bei { $instance } wurde angenommen. Sie können sich jetzt anmelden:
mail-rejected-subject = Ihr Antrag bei { $instance }
mail-rejected-body = Ihr Antrag auf Teilnahme bei { $instance } wurde nicht angenommen.
mail-decision-message = Nachricht der Koordination: { $message }
mail-report-subject = Ihre Meldung bei { $instance } wurde bearbeitet
mail-report-body = Die Moderation von { $instance } hat Ihre Meldung zu { $target } bearbeitet. Danke für Ihre Hilfe.
mail-report-note = Anmerkung der Moderation: { $note }
mail-digest-subject-daily = Ihre tägliche Zusammenfassung von { $instance }
mail-digest-subject-weekly = Ihre wöchentliche Zusammenfassung von { $instance }
mail-digest-intro = Das ist seit Ihrer letzten Zusammenfassung passiert:
mail-digest-replies = { $count ->
    [one] 1 neue Antwort in Themen, die Sie beobachten:
   *[other] { $count } neue Antworten in Themen, die Sie beobachten:
}
mail-digest-mentions = { $count ->
    [one] 1 Antwort an Sie oder Erwähnung:
   *[other] { $count } Antworten an Sie oder Erwähnungen:
}
mail-digest-threads = { $count ->
    [one] 1 neues Thema in Gruppen, die Sie beobachten:
   *[other] { $count } neue Themen in Gruppen, die Sie beobachten:
}
mail-digest-settings = Diese Zusammenfassung ändern oder abbestellen können Sie in Ihren Einstellungen: { $link }
login-forgot-link = Passwort vergessen?
login-unconfirmed = Bitte bestätigen Sie zuerst Ihre Mailadresse: Folgen Sie dem Link in der Mail, die wir Ihnen geschickt haben.
forgot-title = Passwort vergessen?
forgot-intro = Geben Sie die Mailadresse Ihres Kontos ein. Wir schicken Ihnen einen Link, mit dem Sie ein neues Passwort wählen.
forgot-email = Mailadresse
forgot-submit = Link schicken
forgot-sent = { $count ->
    [one] Wenn ein Konto diese Adresse hat, ist eine Mail mit einem Link unterwegs. Der Link gilt 1 Stunde.
   *[other] Wenn ein Konto diese Adresse hat, ist eine Mail mit einem Link unterwegs. Der Link gilt { $count } Stunden.
}
forgot-no-mail = Dieses Forum verschickt keine Mails, daher kann ein Passwort hier nicht per Mail zurückgesetzt werden. Bitte wenden Sie sich an eine Administratorin oder einen Administrator: Sie können Ihnen ein neues Passwort geben.
forgot-back-to-login = Zurück zur Anmeldung
reset-title = Neues Passwort wählen
reset-invalid = Dieser Link kann nicht verwendet werden: Er wurde schon benutzt oder ist abgelaufen.
reset-ask-again = Einen neuen Link anfordern
reset-submit = Neues Passwort speichern
reset-done-title = Passwort geändert
reset-done = Ihr Passwort wurde geändert, und Sie wurden überall abgemeldet. Melden Sie sich mit dem neuen Passwort an.
reset-sign-in = Anmelden
confirm-done-title = Mailadresse bestätigt
confirm-done-text = Ihre Mailadresse ist bestätigt. Sie können sich jetzt anmelden.
confirm-changed-text = Ihre Mailadresse ist jetzt { $email }.
confirm-to-settings = Zurück zu Ihren Einstellungen
confirm-invalid-title = Link ungültig
confirm-invalid-text = Dieser Link kann nicht verwendet werden: Er wurde schon benutzt oder ist abgelaufen.
unsubscribe-title = Abbestellen
unsubscribe-text = Keine Hinweise und Zusammenfassungen von { $instance } mehr per Mail erhalten? Mails, die Sie selbst anfordern, etwa zum Zurücksetzen des Passworts, erreichen Sie weiterhin.
unsubscribe-submit = Abbestellen
unsubscribe-done = Sie haben abbestellt: keine Hinweise und Zusammenfassungen mehr per Mail. In Ihren Einstellungen können Sie wieder eine Zusammenfassung wählen.
unsubscribe-invalid = Dieser Abbestell-Link ist ungültig.
register-confirm-title = Sehen Sie in Ihre Mails
register-confirm-text = Wir haben eine Mail an { $email } geschickt. Folgen Sie dem Link darin, um Ihre Adresse zu bestätigen; danach können Sie sich anmelden.
security-email-confirmation-sent = Wir haben einen Link an die neue Adresse geschickt. Ihre Adresse ändert sich, wenn Sie ihm folgen.
settings-mail-saved = Ihre Mail-Einstellungen wurden gespeichert.
settings-mail-title = Mail
settings-digest-label = Zusammenfassung von Antworten, Erwähnungen und neuen Themen in beobachteten Gruppen
settings-digest-off = Keine Zusammenfassung
settings-digest-daily = Täglich
settings-digest-weekly = Wöchentlich
settings-digest-save = Mail-Einstellungen speichern

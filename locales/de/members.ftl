# Mitglieder als Organisationen und Personen; Beitritt zum Netzwerk (Freigabe, Einladungen).

org-type-municipality = Kommune
org-type-company = Unternehmen
org-type-municipal-utility = Stadtwerke
org-type-association = Verein / NGO
org-type-school = Schule
org-type-research = Forschungseinrichtung
org-type-public-authority = Behörde
org-type-citizen = Bürgerin / Bürger
settings-org-heading = Organisation
settings-org-hint = Wenn dieses Profil für eine Organisation spricht, wählen Sie ihre Art und nennen Sie ihren Namen. Andere sehen das in Ihrem Profil, auch auf anderen Servern.
settings-org-none = Eine Person, keine Organisation
settings-org-type = Art
settings-org-name = Name der Organisation
settings-org-location = Ort
settings-org-website = Website
profile-org-location = Ort
profile-org-website = Website
login-pending = Ihr Antrag auf Beitritt ist noch nicht freigegeben. Sie können sich anmelden, sobald eine Koordinatorin oder ein Koordinator ihn freigibt.
login-rejected = Ihr Antrag auf Beitritt wurde nicht angenommen.
login-rejected-with-message = Ihr Antrag auf Beitritt wurde nicht angenommen. Nachricht der Koordination: { $message }
register-approval-note = Neue Mitglieder werden von der Koordination des Netzwerks freigegeben. Sagen Sie, wer Sie sind; nach der Freigabe können Sie sich anmelden.
register-reason-hint = Nur die Koordination sieht Ihre Antwort.
register-apply = Beitritt beantragen
register-invite-needed = Für den Beitritt zu diesem Netzwerk brauchen Sie einen Einladungslink der Koordination. Öffnen Sie den Link, den Sie erhalten haben, oder fragen Sie die Koordination danach.
register-applied-title = Antrag eingegangen
register-applied-text = Vielen Dank. Die Koordination sieht sich Ihren Antrag an; Sie können sich anmelden, sobald er freigegeben ist.
nav-registrations = Registrierungen
applications-title = Anträge auf Beitritt
applications-mode = Registrierungsmodus: { $mode }.
applications-question = Frage an Antragstellende:
applications-applied = beantragt am { $date }
applications-message = Nachricht an die antragstellende Person (optional)
applications-approve = Freigeben
applications-reject = Ablehnen
applications-none = Es warten keine Anträge.
invites-title = Einladungslinks
invites-not-invite-mode = Die Registrierung ist nicht im Einladungsmodus, daher fragt die Registrierungsseite nicht nach einer Einladung. Hier erstellte Links funktionieren trotzdem, solange sie gültig sind.
invites-created = Der neue Einladungslink. Kopieren Sie ihn jetzt: Er wird nur einmal angezeigt.
invites-link = Einladungslink
invites-max-uses = Wie viele Personen ihn nutzen dürfen (leer: unbegrenzt)
invites-valid-days = Wie viele Tage er gilt (leer: unbegrenzt)
invites-create = Einladungslink erstellen
invites-created-at = Erstellt
invites-by = Von
invites-used = Genutzt
invites-expires = Läuft ab
invites-state = Zustand
invites-live = gültig
invites-spent = aufgebraucht oder abgelaufen
invites-delete = Löschen
invites-none = Noch keine Einladungslinks.
invites-never = nie
invites-uses =
    { $count ->
        [one] einmal genutzt
       *[other] { $count }-mal genutzt
    }
invites-uses-of = { $count } von { $max } genutzt
field-error-org-type = Bitte wählen Sie eine der angebotenen Arten.
field-error-website = Bitte geben Sie eine Webadresse ein, die mit https:// oder http:// beginnt.
field-error-invite = Dieser Einladungslink ist ungültig oder abgelaufen.
field-error-decision = Bitte geben Sie frei oder lehnen Sie ab.
field-error-whole-number = Bitte geben Sie eine ganze Zahl von { $min } bis { $max } ein.

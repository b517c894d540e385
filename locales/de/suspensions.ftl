# Admins suspend accounts and block instances.

login-suspended = Dieses Konto ist gesperrt. Begründung der Administration: { $reason }
login-suspended-short = Dieses Konto ist gesperrt.
admin-public-reason = Öffentliche Begründung (auf der Seite „Über“)

nav-accounts = Konten
admin-accounts-title = Konten
admin-accounts-explained = Personen dieser und anderer Instanzen, die neuesten zuerst: neue Registrierungen stehen oben.
admin-accounts-search = Name
admin-accounts-origin = Herkunft
admin-accounts-origin-all = überall
admin-accounts-origin-local = diese Instanz
admin-accounts-origin-remote = andere Instanzen
admin-accounts-search-button = Suchen
admin-accounts-person = Person
admin-accounts-email = E-Mail
admin-accounts-joined = Beigetreten
admin-accounts-state = Status
admin-accounts-none = Keine Konten gefunden.
admin-accounts-older = Ältere Konten
admin-account-active = aktiv
admin-account-pending = wartet auf Freigabe
admin-account-rejected = abgelehnt
admin-account-suspended = gesperrt
admin-account-silenced = stummgeschaltet (nicht in öffentlichen Zeitleisten)
admin-account-profile = Profil
admin-account-reason = Begründung
admin-account-action = Maßnahme
admin-account-suspend = Sperren: keine Anmeldung, Profil und Beiträge verborgen, Aktivitäten verworfen
admin-account-unsuspend = Sperre aufheben
admin-account-silence = Stummschalten: nicht in öffentlichen Zeitleisten
admin-account-unsilence = Stummschaltung aufheben
admin-account-apply = Anwenden

footer-about = Über diese Instanz
about-title = Über { $instance }
about-contact = Kontakt:
about-blocked-title = Blockierte Instanzen
about-blocked-explained = Diese Instanz sendet nichts an diese Instanzen, nimmt nichts von ihnen an und verbirgt, was sie von ihnen hatte.
about-blocked-host = Instanz
about-blocked-reason = Begründung
about-blocked-none = Keine Instanz ist blockiert.

# The spam protection of the register form.
register-honeypot = Dieses Feld leer lassen
register-challenge = Gegen Spam: Wie viel ist { $sum }? (in Ziffern)

# Deleting an account for good.
admin-account-deleted = gelöscht
admin-account-delete-title = Endgültig löschen
admin-account-delete-explained = Die Beiträge des Kontos werden gelöscht, seine Folgebeziehungen enden, und die Instanzen, die ihm folgen oder denen es folgt, erfahren, dass es nicht mehr besteht. Der Name bleibt vergeben. Das lässt sich nicht rückgängig machen.
admin-account-delete-confirm = Dieses Konto endgültig löschen
admin-account-delete = Konto löschen

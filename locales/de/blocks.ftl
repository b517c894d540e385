# Personen und Domains blockieren und stummschalten: Profilknöpfe, Platzhalter in Themen, Einstellungsseite.

blocks-hidden-blocked = ausgeblendet: Du hast diese Person blockiert
blocks-hidden-muted = ausgeblendet: Du hast diese Person stummgeschaltet
blocks-block = Blockieren
blocks-unblock = Nicht mehr blockieren
blocks-mute = Stummschalten
blocks-unmute = Stummschaltung aufheben
blocks-profile-blocked = Du hast diese Person blockiert.
blocks-profile-muted = Du hast diese Person stummgeschaltet.
blocks-settings-link = Blockierte und stummgeschaltete Personen, blockierte Domains
blocks-title = Blockieren und Stummschalten
blocks-people-blocked = Blockierte Personen
blocks-people-muted = Stummgeschaltete Personen
blocks-domains = Blockierte Domains
blocks-none = Niemand.
blocks-domains-none = Keine Domains.
blocks-domain-field = Domain
blocks-domain-hint = Beiträge und Benachrichtigungen von dieser Domain und ihren Subdomains werden dir nicht mehr angezeigt, und Personen von dort folgen dir nicht mehr.
blocks-domain-submit = Domain blockieren
blocks-mute-duration = Stummschalten für
blocks-mute-indefinitely = bis ich es aufhebe
blocks-mute-hour = 1 Stunde
blocks-mute-day = 1 Tag
blocks-mute-week = 7 Tage
blocks-mute-notifications = auch ihre Benachrichtigungen ausblenden

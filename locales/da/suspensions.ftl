# Admins suspend accounts and block instances.

login-suspended = Denne konto er suspenderet. Administratorernes begrundelse: { $reason }
login-suspended-short = Denne konto er suspenderet.
admin-public-reason = Offentlig begrundelse (vises på siden Om)

nav-accounts = Konti
admin-accounts-title = Konti
admin-accounts-explained = Personer fra denne og andre instanser, nyeste først: nye tilmeldinger står øverst.
admin-accounts-search = Navn
admin-accounts-origin = Fra
admin-accounts-origin-all = overalt
admin-accounts-origin-local = denne instans
admin-accounts-origin-remote = andre instanser
admin-accounts-search-button = Søg
admin-accounts-person = Person
admin-accounts-email = E-mail
admin-accounts-joined = Tilmeldt
admin-accounts-state = Status
admin-accounts-none = Ingen konti fundet.
admin-accounts-older = Ældre konti
admin-account-active = aktiv
admin-account-pending = venter på godkendelse
admin-account-rejected = afvist
admin-account-suspended = suspenderet
admin-account-silenced = begrænset (holdes ude af offentlige tidslinjer)
admin-account-profile = Profil
admin-account-reason = Begrundelse
admin-account-action = Handling
admin-account-suspend = Suspender: intet login, profil og indlæg skjult, aktiviteter afvist
admin-account-unsuspend = Ophæv suspenderingen
admin-account-silence = Begræns: hold ude af offentlige tidslinjer
admin-account-unsilence = Ophæv begrænsningen
admin-account-apply = Udfør

footer-about = Om denne instans
about-title = Om { $instance }
about-contact = Kontakt:
about-blocked-title = Blokerede instanser
about-blocked-explained = Denne instans sender intet til og modtager intet fra disse instanser og skjuler det, den havde fra dem.
about-blocked-host = Instans
about-blocked-reason = Begrundelse
about-blocked-none = Ingen instans er blokeret.

# The spam protection of the register form.
register-honeypot = Lad dette felt stå tomt
register-challenge = Mod spam: hvor meget er { $sum }? (med tal)

# Deleting an account for good.
admin-account-deleted = slettet
admin-account-delete-title = Slet for altid
admin-account-delete-explained = Kontoens indlæg slettes, dens følgerelationer ophører, og de instanser, der følger den eller som den følger, får besked om, at den er væk. Navnet forbliver optaget. Det kan ikke fortrydes.
admin-account-delete-confirm = Slet denne konto for altid
admin-account-delete = Slet kontoen

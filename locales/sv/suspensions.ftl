# Admins suspend accounts and block instances.

login-suspended = Det här kontot är avstängt. Administratörernas motivering: { $reason }
login-suspended-short = Det här kontot är avstängt.
admin-public-reason = Offentlig motivering (visas på sidan Om)

nav-accounts = Konton
admin-accounts-title = Konton
admin-accounts-explained = Personer från den här och andra instanser, nyaste först: nya registreringar står överst.
admin-accounts-search = Namn
admin-accounts-origin = Från
admin-accounts-origin-all = överallt
admin-accounts-origin-local = den här instansen
admin-accounts-origin-remote = andra instanser
admin-accounts-search-button = Sök
admin-accounts-person = Person
admin-accounts-email = E-post
admin-accounts-joined = Gick med
admin-accounts-state = Status
admin-accounts-none = Inga konton hittades.
admin-accounts-older = Äldre konton
admin-account-active = aktivt
admin-account-pending = väntar på godkännande
admin-account-rejected = avslaget
admin-account-suspended = avstängt
admin-account-silenced = begränsat (hålls utanför offentliga tidslinjer)
admin-account-profile = Profil
admin-account-reason = Motivering
admin-account-action = Åtgärd
admin-account-suspend = Stäng av: ingen inloggning, profil och inlägg dolda, aktiviteter avvisas
admin-account-unsuspend = Häv avstängningen
admin-account-silence = Begränsa: håll utanför offentliga tidslinjer
admin-account-unsilence = Häv begränsningen
admin-account-apply = Verkställ

footer-about = Om den här instansen
about-title = Om { $instance }
about-contact = Kontakt:
about-blocked-title = Blockerade instanser
about-blocked-explained = Den här instansen skickar inget till och tar inte emot något från dessa instanser, och döljer det den hade från dem.
about-blocked-host = Instans
about-blocked-reason = Motivering
about-blocked-none = Ingen instans är blockerad.

# The spam protection of the register form.
register-honeypot = Lämna det här fältet tomt
register-challenge = Mot skräppost: hur mycket är { $sum }? (med siffror)

# Deleting an account for good.
admin-account-deleted = raderat
admin-account-delete-title = Radera för gott
admin-account-delete-explained = Kontots inlägg raderas, dess följningar upphör och de instanser som följer det eller som det följer får veta att det är borta. Namnet förblir upptaget. Det går inte att ångra.
admin-account-delete-confirm = Radera det här kontot för gott
admin-account-delete = Radera kontot

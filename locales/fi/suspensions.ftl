# Admins suspend accounts and block instances.

login-suspended = Tämä tili on jäädytetty. Ylläpidon antama syy: { $reason }
login-suspended-short = Tämä tili on jäädytetty.
admin-public-reason = Julkinen syy (näkyy Tietoja-sivulla)

nav-accounts = Tilit
admin-accounts-title = Tilit
admin-accounts-explained = Tämän ja muiden instanssien ihmiset, uusimmat ensin: uudet rekisteröitymiset ovat ylimpänä.
admin-accounts-search = Nimi
admin-accounts-origin = Mistä
admin-accounts-origin-all = kaikkialta
admin-accounts-origin-local = tämä instanssi
admin-accounts-origin-remote = muut instanssit
admin-accounts-search-button = Hae
admin-accounts-person = Henkilö
admin-accounts-email = Sähköposti
admin-accounts-joined = Liittynyt
admin-accounts-state = Tila
admin-accounts-none = Tilejä ei löytynyt.
admin-accounts-older = Vanhemmat tilit
admin-account-active = aktiivinen
admin-account-pending = odottaa hyväksyntää
admin-account-rejected = hylätty
admin-account-suspended = jäädytetty
admin-account-silenced = rajoitettu (ei julkisilla aikajanoilla)
admin-account-profile = Profiili
admin-account-reason = Syy
admin-account-action = Toimenpide
admin-account-suspend = Jäädytä: ei kirjautumista, profiili ja viestit piilotettu, toiminnot hylätään
admin-account-unsuspend = Poista jäädytys
admin-account-silence = Rajoita: ei julkisilla aikajanoilla
admin-account-unsilence = Poista rajoitus
admin-account-apply = Toteuta

footer-about = Tietoja tästä instanssista
about-title = Tietoja: { $instance }
about-contact = Yhteystiedot:
about-blocked-title = Estetyt instanssit
about-blocked-explained = Tämä instanssi ei lähetä näille instansseille mitään eikä ota niiltä mitään vastaan, ja se piilottaa niiltä saamansa sisällön.
about-blocked-host = Instanssi
about-blocked-reason = Syy
about-blocked-none = Yhtään instanssia ei ole estetty.

# The spam protection of the register form.
register-honeypot = Jätä tämä kenttä tyhjäksi
register-challenge = Roskapostia vastaan: paljonko on { $sum }? (numeroina)

# Deleting an account for good.
admin-account-deleted = poistettu
admin-account-delete-title = Poista pysyvästi
admin-account-delete-explained = Tilin viestit poistetaan, sen seuraamiset päättyvät, ja instanssit, jotka seuraavat sitä tai joita se seuraa, saavat tiedon sen poistosta. Nimi pysyy varattuna. Tätä ei voi perua.
admin-account-delete-confirm = Poista tämä tili pysyvästi
admin-account-delete = Poista tili

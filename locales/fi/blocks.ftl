# Henkilöiden ja verkkotunnusten estäminen ja mykistäminen: profiilin painikkeet, ketjujen paikkamerkit, asetussivu.

blocks-hidden-blocked = piilotettu: olet estänyt tämän henkilön
blocks-hidden-muted = piilotettu: olet mykistänyt tämän henkilön
blocks-block = Estä
blocks-unblock = Poista esto
blocks-mute = Mykistä
blocks-unmute = Poista mykistys
blocks-profile-blocked = Olet estänyt tämän henkilön.
blocks-profile-muted = Olet mykistänyt tämän henkilön.
blocks-settings-link = Estetyt ja mykistetyt henkilöt, estetyt verkkotunnukset
blocks-title = Estot ja mykistykset
blocks-people-blocked = Estetyt henkilöt
blocks-people-muted = Mykistetyt henkilöt
blocks-domains = Estetyt verkkotunnukset
blocks-none = Ei ketään.
blocks-domains-none = Ei verkkotunnuksia.
blocks-domain-field = Verkkotunnus
blocks-domain-hint = Tämän verkkotunnuksen ja sen aliverkkotunnusten viestit ja ilmoitukset piilotetaan sinulta, ja sieltä olevat henkilöt lakkaavat seuraamasta sinua.
blocks-domain-submit = Estä verkkotunnus
blocks-mute-duration = Mykistä ajaksi
blocks-mute-indefinitely = kunnes poistan mykistyksen
blocks-mute-hour = 1 tunti
blocks-mute-day = 1 päivä
blocks-mute-week = 7 päivää
blocks-mute-notifications = piilota myös hänen ilmoituksensa

# Jäsenet organisaatioina ja henkilöinä; verkostoon liittyminen (hyväksyntä, kutsut).

org-type-municipality = Kunta
org-type-company = Yritys
org-type-municipal-utility = Kunnallinen energiayhtiö
org-type-association = Yhdistys / järjestö
org-type-school = Koulu
org-type-research = Tutkimuslaitos
org-type-public-authority = Viranomainen
org-type-citizen = Kuntalainen
settings-org-heading = Organisaatio
settings-org-hint = Jos tämä profiili edustaa organisaatiota, valitse sen tyyppi ja kerro sen nimi. Muut näkevät sen profiilissasi, myös muilla palvelimilla.
settings-org-none = Henkilö, ei organisaatio
settings-org-type = Tyyppi
settings-org-name = Organisaation nimi
settings-org-location = Paikkakunta
settings-org-website = Verkkosivusto
profile-org-location = Paikkakunta
profile-org-website = Verkkosivusto
login-pending = Liittymishakemustasi ei ole vielä hyväksytty. Voit kirjautua heti, kun koordinaattori hyväksyy sen.
login-rejected = Liittymishakemustasi ei hyväksytty.
login-rejected-with-message = Liittymishakemustasi ei hyväksytty. Koordinaattoreiden viesti: { $message }
register-approval-note = Verkoston koordinaattorit hyväksyvät uudet jäsenet. Kerro, kuka olet; voit kirjautua, kun hakemuksesi on hyväksytty.
register-reason-hint = Vain koordinaattorit näkevät vastauksesi.
register-apply = Hae jäseneksi
register-invite-needed = Verkostoon liittyminen vaatii koordinaattorin kutsulinkin. Avaa saamasi linkki tai pyydä sellaista koordinaattoreilta.
register-applied-title = Hakemus vastaanotettu
register-applied-text = Kiitos. Koordinaattorit käsittelevät hakemuksesi; voit kirjautua heti, kun se on hyväksytty.
nav-registrations = Rekisteröinnit
applications-title = Liittymishakemukset
applications-mode = Rekisteröintitapa: { $mode }.
applications-question = Kysymys hakijoille:
applications-applied = haettu { $date }
applications-message = Viesti hakijalle (valinnainen)
applications-approve = Hyväksy
applications-reject = Hylkää
applications-none = Odottavia hakemuksia ei ole.
invites-title = Kutsulinkit
invites-not-invite-mode = Rekisteröinti ei ole kutsutilassa, joten rekisteröintisivu ei kysy kutsua. Täällä tehdyt linkit toimivat silti niin kauan kuin ne ovat voimassa.
invites-created = Uusi kutsulinkki. Kopioi se nyt: se näytetään vain kerran.
invites-link = Kutsulinkki
invites-max-uses = Kuinka moni saa käyttää sitä (tyhjä: ei rajaa)
invites-valid-days = Voimassa päivää (tyhjä: ei rajaa)
invites-create = Luo kutsulinkki
invites-created-at = Luotu
invites-by = Luoja
invites-used = Käytetty
invites-expires = Vanhenee
invites-state = Tila
invites-live = voimassa
invites-spent = käytetty loppuun tai vanhentunut
invites-delete = Poista
invites-none = Kutsulinkkejä ei vielä ole.
invites-never = ei koskaan
invites-uses =
    { $count ->
        [one] käytetty kerran
       *[other] käytetty { $count } kertaa
    }
invites-uses-of = { $count }/{ $max } käytetty
field-error-org-type = Valitse jokin tarjotuista tyypeistä.
field-error-website = Anna verkko-osoite, joka alkaa https:// tai http://.
field-error-invite = Kutsulinkki ei kelpaa tai on vanhentunut.
field-error-decision = Hyväksy tai hylkää.
field-error-whole-number = Anna kokonaisluku väliltä { $min }–{ $max }.

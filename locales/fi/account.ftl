# Rekisteröityminen, kirjautuminen, profiiliasetukset ja lomakekenttien viestit.

field-username = Käyttäjänimi
field-password = Salasana
login-title = Kirjaudu sisään
login-submit = Kirjaudu sisään
login-new-here-html = Uusi täällä? <a href="/register">Rekisteröidy</a>.
login-wrong = Väärä käyttäjänimi tai salasana.
login-locked = Liian monta epäonnistunutta kirjautumista. Tili on lukittu hetkeksi; yritä myöhemmin uudelleen.
register-title = Rekisteröidy
register-username-hint = Pieniä kirjaimia, numeroita, _ ja -. Muut näkevät sinut muodossa @nimi.
register-email = Sähköposti
register-password-again = Salasana uudelleen
register-submit = Rekisteröidy
register-already-html = Onko sinulla jo tili? <a href="/login">Kirjaudu sisään</a>.
settings-title = Profiilin asetukset
settings-heading = Profiili
settings-saved = Profiilisi on tallennettu.
settings-display-name = Näyttönimi
settings-bio = Tietoa sinusta
settings-language = Ensisijainen kieli
field-error-empty = Täytä tämä kenttä.
field-error-required = Tämä kenttä on pakollinen.
field-error-too-short =
    { $count ->
        [one] Vähimmäispituus on { $count } merkki.
       *[other] Vähimmäispituus on { $count } merkkiä.
    }
field-error-too-long =
    { $count ->
        [one] Enimmäispituus on { $count } merkki.
       *[other] Enimmäispituus on { $count } merkkiä.
    }
field-error-control-characters = Poista ohjausmerkit.
field-error-single-line = Kirjoita yhdelle riville.
field-error-email-invalid = Tämä ei ole kelvollinen sähköpostiosoite.
field-error-email-registered = Tämä sähköpostiosoite on jo rekisteröity.
field-error-name-taken = Tämä nimi on jo käytössä.
field-error-name-length = Käytä { $min }–{ $max } merkkiä.
field-error-name-characters = Käytä vain pieniä kirjaimia a–z, numeroita, _ ja -.
field-error-name-start = Aloita kirjaimella tai numerolla.
field-error-name-reserved = Tämä nimi on varattu; valitse toinen.
field-error-group-kind = Valitse projektiryhmä tai keskusteluryhmä.
field-error-language-code = Käytä kaksikirjaimista kielikoodia.
field-error-language-unknown = Valitse jokin tarjolla olevista kielistä.
field-error-password-mismatch = Salasanat eivät täsmää.
field-error-policy = Valitse estä, salli tai oletus.
field-error-host = Tämä ei ole palvelimen nimi.

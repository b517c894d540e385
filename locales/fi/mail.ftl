# Sähköpostit (pelkkä teksti) ja sähköpostitoimintojen sivut.
mail-greeting = Hei { $name },
mail-unsubscribe = Jos et halua enää ilmoituksia tai koosteita sähköpostilla, seuraa tätä linkkiä (kirjautumista ei tarvita): { $link }
mail-test-subject = Testiviesti palvelusta { $instance }
mail-test-body = Tämä on testiviesti palvelusta { $instance }. Jos voit lukea sen, lähtevä sähköposti toimii.
mail-reset-subject = Salasanan vaihto palvelussa { $instance }
mail-reset-body = Joku, toivottavasti sinä, pyysi vaihtamaan tilisi salasanan palvelussa { $instance }. Valitse uusi salasana tällä linkillä { $hours } tunnin kuluessa; se toimii kerran:
mail-reset-ignore = Jos et pyytänyt tätä, voit jättää viestin huomiotta: salasanasi pysyy ennallaan.
mail-confirm-subject = Vahvista sähköpostiosoitteesi palvelussa { $instance }
mail-confirm-body = Vahvista sähköpostiosoitteesi palveluun { $instance } tällä linkillä { $hours } tunnin kuluessa; sen jälkeen voit kirjautua:
mail-change-subject = Vahvista uusi sähköpostiosoitteesi palvelussa { $instance }
mail-change-body = Vahvista tällä linkillä { $hours } tunnin kuluessa, että tämä on tilisi uusi sähköpostiosoite palvelussa { $instance }:
mail-confirm-ignore = Jos tämä et ollut sinä, voit jättää viestin huomiotta.
mail-approved-subject = Tervetuloa palveluun { $instance }
mail-approved-body = Hakemuksesi palveluun { $instance } hyväksyttiin. Voit kirjautua nyt:
mail-rejected-subject = Hakemuksesi palveluun { $instance }
mail-rejected-body = Hakemustasi palveluun { $instance } ei hyväksytty.
mail-decision-message = Koordinaattorien viesti: { $message }
mail-report-subject = Ilmoituksesi palvelussa { $instance } on käsitelty
mail-report-body = Palvelun { $instance } moderaattorit käsittelivät ilmoituksesi kohteesta { $target }. Kiitos avustasi.
mail-report-note = Moderaattorien huomautus: { $note }
mail-digest-subject-daily = Päivittäinen koosteesi palvelusta { $instance }
mail-digest-subject-weekly = Viikoittainen koosteesi palvelusta { $instance }
mail-digest-intro = Tätä on tapahtunut edellisen koosteen jälkeen:
mail-digest-replies = { $count ->
    [one] 1 uusi vastaus seuraamissasi ketjuissa:
   *[other] { $count } uutta vastausta seuraamissasi ketjuissa:
}
mail-digest-mentions = { $count ->
    [one] 1 vastaus sinulle tai maininta:
   *[other] { $count } vastausta sinulle tai mainintaa:
}
mail-digest-threads = { $count ->
    [one] 1 uusi ketju seuraamissasi ryhmissä:
   *[other] { $count } uutta ketjua seuraamissasi ryhmissä:
}
mail-digest-settings = Muuta tai lopeta kooste asetuksissasi: { $link }
login-forgot-link = Unohtuiko salasana?
login-unconfirmed = Vahvista ensin sähköpostiosoitteesi: seuraa linkkiä, jonka lähetimme sinulle.
forgot-title = Unohtuiko salasana?
forgot-intro = Anna tilisi sähköpostiosoite. Lähetämme sinulle linkin, jolla voit valita uuden salasanan.
forgot-email = Sähköpostiosoite
forgot-submit = Lähetä linkki
forgot-sent = { $count ->
    [one] Jos jollakin tilillä on tämä osoite, viesti linkkeineen on matkalla. Linkki on voimassa 1 tunnin.
   *[other] Jos jollakin tilillä on tämä osoite, viesti linkkeineen on matkalla. Linkki on voimassa { $count } tuntia.
}
forgot-no-mail = Tämä foorumi ei lähetä sähköpostia, joten salasanaa ei voi vaihtaa sähköpostitse. Pyydä apua ylläpitäjältä: hän voi antaa sinulle uuden salasanan.
forgot-back-to-login = Takaisin kirjautumiseen
reset-title = Valitse uusi salasana
reset-invalid = Tätä linkkiä ei voi käyttää: se on jo käytetty tai vanhentunut.
reset-ask-again = Pyydä uusi linkki
reset-submit = Tallenna uusi salasana
reset-done-title = Salasana vaihdettu
reset-done = Salasanasi on vaihdettu ja sinut on kirjattu ulos kaikkialta. Kirjaudu uudella salasanalla.
reset-sign-in = Kirjaudu
confirm-done-title = Sähköpostiosoite vahvistettu
confirm-done-text = Sähköpostiosoitteesi on vahvistettu. Voit kirjautua nyt.
confirm-changed-text = Sähköpostiosoitteesi on nyt { $email }.
confirm-to-settings = Takaisin asetuksiin
confirm-invalid-title = Virheellinen linkki
confirm-invalid-text = Tätä linkkiä ei voi käyttää: se on jo käytetty tai vanhentunut.
unsubscribe-title = Peru tilaus
unsubscribe-text = Lopetetaanko ilmoitukset ja koosteet sähköpostilla palvelusta { $instance }? Itse pyytämäsi viestit, kuten salasanan vaihto, tulevat edelleen.
unsubscribe-submit = Peru tilaus
unsubscribe-done = Tilaus on peruttu: ei enää ilmoituksia tai koosteita sähköpostilla. Voit valita koosteen uudelleen asetuksissasi.
unsubscribe-invalid = Tämä tilauksen perumislinkki ei kelpaa.
register-confirm-title = Katso sähköpostisi
register-confirm-text = Lähetimme viestin osoitteeseen { $email }. Vahvista osoitteesi viestin linkillä; sen jälkeen voit kirjautua.
security-email-confirmation-sent = Lähetimme linkin uuteen osoitteeseen. Osoitteesi vaihtuu, kun seuraat sitä.
settings-mail-saved = Sähköpostiasetuksesi tallennettiin.
settings-mail-title = Sähköposti
settings-digest-label = Kooste vastauksista, maininnoista ja uusista ketjuista seuraamissasi ryhmissä
settings-digest-off = Ei koostetta
settings-digest-daily = Päivittäin
settings-digest-weekly = Viikoittain
settings-digest-save = Tallenna sähköpostiasetukset

# Projektiryhmien hankkeet, hankehakemisto.

projects-nav = Hankkeet
project-heading = Hanke
project-edit = Muokkaa hanketta
project-status = Vaihe
project-status-idea = Idea
project-status-planned = Suunniteltu
project-status-running = Käynnissä
project-status-completed = Päättynyt
project-status-paused = Tauolla
project-from = alkaen { $date }
project-until = { $date } asti
project-focus-areas = Painopistealueet
project-focus-mobility = Liikkuminen
project-focus-buildings = Rakennukset
project-focus-energy = Energia
project-focus-co-creation = Yhteiskehittäminen
project-focus-leadership = Johtajuus
project-focus-adaptation = Ilmastonmuutokseen sopeutuminen
project-focus-nature = Luonto
project-tags = Tunnisteet
project-region = Alue tai paikka
project-partners = Kumppanit
project-funders = Rahoittajat
project-website = Verkkosivusto
project-contact = Yhteystiedot
project-measures = Toimenpiteet
project-measure-planned = suunniteltu
project-measure-running = käynnissä
project-measure-done = valmis
project-measure-due = määräpäivä { $date }
project-edit-title = Ryhmän { $group } hanke
project-field-summary = Lyhyt kuvaus
project-field-start = Alkamispäivä
project-field-end = Päättymispäivä
project-field-date-hint = Päivämäärät muodossa VVVV-KK-PP, esim. 2027-03-31.
project-field-tags-hint = Pilkuilla erotettuina, esim. aurinko, koulut.
project-field-partners-hint = Yksi riviä kohden: nimi, osoite kuten @energia@forum.example tai verkko-osoite, tai molemmat muodossa "nimi | osoite".
project-field-funders-hint = Yksi riviä kohden: nimi, halutessasi verkko-osoitteen kanssa muodossa "nimi | https://…".
project-field-measures-hint = Yksi riviä kohden: "otsikko | planned, running tai done | määräpäivä" (vaiheen ja päivämäärän voi jättää pois).
project-save = Tallenna hanke
project-error-status = Valitse jokin tarjotuista vaiheista.
project-error-measure-status = Kirjoita toimenpiteen vaihe muodossa planned, running tai done.
project-error-date = Kirjoita päivämäärä muodossa VVVV-KK-PP, esim. 2027-03-31.
project-error-end-before-start = Päättymispäivä ei voi olla ennen alkamispäivää.
project-error-focus-area = Valitse tarjotuista painopistealueista.
project-error-url = Anna verkko-osoite, joka alkaa http:// tai https://.
project-error-partner = Anna merkin "|" jälkeen osoite kuten @nimi@palvelin tai verkko-osoite.
project-error-too-many = Luettelossa on liikaa kohtia.
project-error-line-name = Jokaisella rivillä pitää olla nimi.
projects-title = Hankkeet
projects-intro = Verkoston hankkeet sekä muiden alueiden hankkeet, joita jäsenet seuraavat tai koordinaattorit suosittelevat.
projects-count =
    { $count ->
        [one] { $count } hanke
       *[other] { $count } hanketta
    }
projects-filter-any = Kaikki
projects-filter-partner = Kumppani
projects-filter-submit = Suodata
projects-local = tällä instanssilla
projects-on-instance = palvelimella { $host }
projects-featured = Suositeltu
projects-followed = seurataan täältä
projects-empty = Yksikään hanke ei vastaa hakua.
projects-unfeature = Lopeta suosittelu
projects-feature-heading = Suosittele hanketta toiselta instanssilta
projects-feature-handle = Projektiryhmän osoite, esim. @solar@forum.example
projects-feature-submit = Suosittele
projects-feature-not-found = Osoitteesta { $handle } ei löytynyt projektiryhmää.

network-link = Verkosto
network-title = Ryhmän { $group } verkosto
network-intro = Ketjut ryhmistä, joita tämä ryhmä seuraa, merkittyinä niiden alkuperällä. Vastaukset menevät ryhmälle, johon ketju kuuluu.
network-from = lähde: @{ $group }
network-following =
    { $count ->
        [one] Seuraa { $count } ryhmää
       *[other] Seuraa { $count } ryhmää
    }
network-pending = odottaa hyväksyntää
network-unfollow = Lopeta seuraaminen
network-none = Tämä ryhmä ei vielä seuraa muita ryhmiä.
network-follow-handle = Seurattava ryhmä osoitteena, esim. @energia@forum.example
network-follow-submit = Seuraa tämän ryhmän nimissä
network-not-found = Osoitteesta { $handle } ei löytynyt ryhmää toiselta instanssilta.

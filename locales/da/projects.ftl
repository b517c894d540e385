# Projektgruppernes projekter, projektoversigten.

projects-nav = Projekter
project-heading = Projekt
project-edit = Rediger projektet
project-status = Status
project-status-idea = Idé
project-status-planned = Planlagt
project-status-running = I gang
project-status-completed = Afsluttet
project-status-paused = Sat på pause
project-from = fra { $date }
project-until = indtil { $date }
project-focus-areas = Indsatsområder
project-focus-mobility = Mobilitet
project-focus-buildings = Bygninger
project-focus-energy = Energi
project-focus-co-creation = Samskabelse
project-focus-leadership = Lederskab
project-focus-adaptation = Klimatilpasning
project-focus-nature = Natur
project-tags = Emneord
project-region = Region eller sted
project-partners = Partnere
project-funders = Bevillingsgivere
project-website = Websted
project-contact = Kontakt
project-measures = Tiltag
project-measure-planned = planlagt
project-measure-running = i gang
project-measure-done = udført
project-measure-due = frist { $date }
project-edit-title = Projekt i { $group }
project-field-summary = Kort beskrivelse
project-field-start = Startdato
project-field-end = Slutdato
project-field-date-hint = Datoer skrives ÅÅÅÅ-MM-DD, f.eks. 2027-03-31.
project-field-tags-hint = Adskilt med kommaer, f.eks. sol, skoler.
project-field-partners-hint = Én pr. linje: et navn, en adresse som @energi@forum.example eller en webadresse, eller begge som "navn | adresse".
project-field-funders-hint = Én pr. linje: et navn, eventuelt med webadresse som "navn | https://…".
project-field-measures-hint = Ét pr. linje: "titel | planned, running eller done | frist" (status og dato kan udelades).
project-save = Gem projektet
project-error-status = Vælg en af de tilbudte statusser.
project-error-measure-status = Skriv et tiltags status som planned, running eller done.
project-error-date = Skriv datoen som ÅÅÅÅ-MM-DD, f.eks. 2027-03-31.
project-error-end-before-start = Slutningen må ikke ligge før starten.
project-error-focus-area = Vælg blandt de tilbudte indsatsområder.
project-error-url = Angiv en webadresse, der begynder med http:// eller https://.
project-error-partner = Angiv efter "|" en adresse som @navn@vært eller en webadresse.
project-error-too-many = Listen har for mange punkter.
project-error-line-name = Hver linje skal have et navn.
projects-title = Projekter
projects-intro = Netværkets projekter og projekter i andre regioner, som medlemmer følger eller koordinatorer anbefaler.
projects-count =
    { $count ->
        [one] { $count } projekt
       *[other] { $count } projekter
    }
projects-filter-any = Alle
projects-filter-partner = Partner
projects-filter-submit = Filtrer
projects-local = på denne instans
projects-on-instance = på { $host }
projects-featured = Anbefalet
projects-followed = fulgt herfra
projects-empty = Ingen projekter passer.
projects-unfeature = Anbefal ikke længere
projects-feature-heading = Anbefal et projekt fra en anden instans
projects-feature-handle = Projektgruppens adresse, f.eks. @solar@forum.example
projects-feature-submit = Anbefal
projects-feature-not-found = Der blev ikke fundet nogen projektgruppe på { $handle }.

network-link = Netværk
network-title = Netværket for { $group }
network-intro = Tråde fra de grupper, denne gruppe følger, markeret med hvor de kommer fra. Svar går til den gruppe, tråden hører til.
network-from = fra @{ $group }
network-following =
    { $count ->
        [one] Følger { $count } gruppe
       *[other] Følger { $count } grupper
    }
network-pending = venter på godkendelse
network-unfollow = Følg ikke længere
network-none = Denne gruppe følger endnu ingen andre grupper.
network-follow-handle = Gruppe, der skal følges, angivet med adresse, f.eks. @energi@forum.example
network-follow-submit = Følg som denne gruppe
network-not-found = Der blev ikke fundet nogen gruppe på en anden instans på { $handle }.

# Projektgruppernas projekt, projektkatalogen.

projects-nav = Projekt
project-heading = Projekt
project-edit = Redigera projektet
project-status = Status
project-status-idea = Idé
project-status-planned = Planerat
project-status-running = Pågående
project-status-completed = Avslutat
project-status-paused = Pausat
project-from = från { $date }
project-until = till { $date }
project-focus-areas = Fokusområden
project-focus-mobility = Mobilitet
project-focus-buildings = Byggnader
project-focus-energy = Energi
project-focus-co-creation = Samskapande
project-focus-leadership = Ledarskap
project-focus-adaptation = Klimatanpassning
project-focus-nature = Natur
project-tags = Taggar
project-region = Region eller plats
project-partners = Partner
project-funders = Finansiärer
project-website = Webbplats
project-contact = Kontakt
project-measures = Åtgärder
project-measure-planned = planerad
project-measure-running = pågår
project-measure-done = klar
project-measure-due = senast { $date }
project-edit-title = Projektet i { $group }
project-field-summary = Kort beskrivning
project-field-start = Startdatum
project-field-end = Slutdatum
project-field-date-hint = Datum skrivs ÅÅÅÅ-MM-DD, t.ex. 2027-03-31.
project-field-tags-hint = Åtskilda med kommatecken, t.ex. sol, skolor.
project-field-partners-hint = En per rad: ett namn, en adress som @energi@forum.example eller en webbadress, eller båda som "namn | adress".
project-field-funders-hint = En per rad: ett namn, eventuellt med webbadress som "namn | https://…".
project-field-measures-hint = En per rad: "titel | planned, running eller done | slutdatum" (status och datum kan utelämnas).
project-save = Spara projektet
project-error-status = Välj en av de erbjudna statusarna.
project-error-measure-status = Skriv en åtgärds status som planned, running eller done.
project-error-date = Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2027-03-31.
project-error-end-before-start = Slutet får inte ligga före starten.
project-error-focus-area = Välj bland de erbjudna fokusområdena.
project-error-url = Ange en webbadress som börjar med http:// eller https://.
project-error-partner = Ange efter "|" en adress som @namn@värd eller en webbadress.
project-error-too-many = Listan har för många poster.
project-error-line-name = Varje rad behöver ett namn.
projects-title = Projekt
projects-intro = Nätverkets projekt och projekt i andra regioner som medlemmar följer eller samordnare rekommenderar.
projects-count =
    { $count ->
        [one] { $count } projekt
       *[other] { $count } projekt
    }
projects-filter-any = Alla
projects-filter-partner = Partner
projects-filter-submit = Filtrera
projects-local = på den här instansen
projects-on-instance = på { $host }
projects-featured = Rekommenderat
projects-followed = följs härifrån
projects-empty = Inga projekt matchar.
projects-unfeature = Sluta rekommendera
projects-feature-heading = Rekommendera ett projekt från en annan instans
projects-feature-handle = Projektgruppens adress, t.ex. @solar@forum.example
projects-feature-submit = Rekommendera
projects-feature-not-found = Ingen projektgrupp hittades på { $handle }.

network-link = Nätverk
network-title = Nätverket för { $group }
network-intro = Trådar från grupperna som den här gruppen följer, märkta med var de kommer ifrån. Svar går till gruppen som tråden hör till.
network-from = från @{ $group }
network-following =
    { $count ->
        [one] Följer { $count } grupp
       *[other] Följer { $count } grupper
    }
network-pending = väntar på godkännande
network-unfollow = Sluta följa
network-none = Den här gruppen följer inga andra grupper ännu.
network-follow-handle = Grupp att följa, angiven med adress, t.ex. @energi@forum.example
network-follow-submit = Följ som den här gruppen
network-not-found = Ingen grupp på en annan instans hittades på { $handle }.

# Projekte der Projektgruppen, das Projektverzeichnis.

projects-nav = Projekte
project-heading = Projekt
project-edit = Projekt bearbeiten
project-status = Stand
project-status-idea = Idee
project-status-planned = Geplant
project-status-running = Laufend
project-status-completed = Abgeschlossen
project-status-paused = Pausiert
project-from = ab { $date }
project-until = bis { $date }
project-focus-areas = Handlungsfelder
project-focus-mobility = Mobilität
project-focus-buildings = Gebäude
project-focus-energy = Energie
project-focus-co-creation = Gemeinsam gestalten
project-focus-leadership = Vorbild und Führung
project-focus-adaptation = Klimaanpassung
project-focus-nature = Natur
project-tags = Schlagwörter
project-region = Region oder Ort
project-partners = Partner
project-funders = Förderer
project-website = Website
project-contact = Kontakt
project-measures = Maßnahmen
project-measure-planned = geplant
project-measure-running = in Arbeit
project-measure-done = erledigt
project-measure-due = fällig am { $date }
project-edit-title = Projekt von { $group }
project-field-summary = Kurzbeschreibung
project-field-start = Beginn
project-field-end = Ende
project-field-date-hint = Daten im Format JJJJ-MM-TT, z. B. 2027-03-31.
project-field-tags-hint = Durch Kommas getrennt, z. B. Solar, Schulen.
project-field-partners-hint = Einer pro Zeile: ein Name, eine Adresse wie @energie@forum.example oder eine Webadresse, oder beides als „Name | Adresse“.
project-field-funders-hint = Einer pro Zeile: ein Name, wahlweise mit Webadresse als „Name | https://…“.
project-field-measures-hint = Eine pro Zeile: „Titel | planned, running oder done | Fälligkeitsdatum“ (Stand und Datum können fehlen).
project-save = Projekt speichern
project-error-status = Bitte wählen Sie einen der angebotenen Stände.
project-error-measure-status = Geben Sie den Stand einer Maßnahme als planned, running oder done an.
project-error-date = Bitte schreiben Sie das Datum als JJJJ-MM-TT, z. B. 2027-03-31.
project-error-end-before-start = Das Ende darf nicht vor dem Beginn liegen.
project-error-focus-area = Bitte wählen Sie unter den angebotenen Handlungsfeldern.
project-error-url = Bitte geben Sie eine Webadresse an, die mit http:// oder https:// beginnt.
project-error-partner = Bitte geben Sie nach dem „|“ eine Adresse wie @name@host oder eine Webadresse an.
project-error-too-many = Diese Liste hat zu viele Einträge.
project-error-line-name = Jede Zeile braucht einen Namen.
projects-title = Projekte
projects-intro = Die Projekte dieses Netzwerks und Projekte aus anderen Regionen, denen Mitglieder folgen oder die die Koordination empfiehlt.
projects-count =
    { $count ->
        [one] { $count } Projekt
       *[other] { $count } Projekte
    }
projects-filter-any = Alle
projects-filter-partner = Partner
projects-filter-submit = Filtern
projects-local = auf dieser Instanz
projects-on-instance = auf { $host }
projects-featured = Empfohlen
projects-followed = hier gefolgt
projects-empty = Keine Projekte gefunden.
projects-unfeature = Nicht mehr empfehlen
projects-feature-heading = Projekt einer anderen Instanz empfehlen
projects-feature-handle = Adresse der Projektgruppe, z. B. @solar@forum.example
projects-feature-submit = Empfehlen
projects-feature-not-found = Unter { $handle } wurde keine Projektgruppe gefunden.

network-link = Netzwerk
network-title = Netzwerk von { $group }
network-intro = Themen der Gruppen, denen diese Gruppe folgt, jeweils mit ihrer Herkunft. Antworten gehen an die Gruppe des jeweiligen Themas.
network-from = aus @{ $group }
network-following =
    { $count ->
        [one] Folgt { $count } Gruppe
       *[other] Folgt { $count } Gruppen
    }
network-pending = wartet auf Bestätigung
network-unfollow = Nicht mehr folgen
network-none = Diese Gruppe folgt noch keinen anderen Gruppen.
network-follow-handle = Gruppe, der gefolgt werden soll, per Adresse, z. B. @energie@forum.example
network-follow-submit = Als diese Gruppe folgen
network-not-found = Unter { $handle } wurde keine Gruppe auf einer anderen Instanz gefunden.

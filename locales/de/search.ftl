# Volltextsuche in Beiträgen und Themen (die Suchseite und das Suchfeld in der Kopfzeile).
search-posts-heading = Suche
search-posts-intro-html = Wörter finden öffentliche Beiträge und Themen. Ein Handle wie <code>@energy@forum.example</code> oder die Adresse einer Gruppe oder Person findet diese hier oder auf jeder anderen Instanz (nur für angemeldete Mitglieder).
search-posts-label = Wörter, Handle oder Adresse
search-results-label = Ergebnisse
search-results-none = Keine öffentlichen Beiträge passen zu { $query }.
search-result-reply = Antwort in:
search-results-pages = Weitere Ergebnisse
search-results-previous = Vorherige Ergebnisse
search-results-next = Nächste Ergebnisse
search-header-label = Beiträge durchsuchen
search-header-placeholder = Suchen…

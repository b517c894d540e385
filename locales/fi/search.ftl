# Viestien ja ketjujen tekstihaku (hakusivu ja ylätunnisteen hakukenttä).
search-posts-heading = Haku
search-posts-intro-html = Sanoilla löytyvät julkiset viestit ja ketjut. Tunnus kuten <code>@energy@forum.example</code> tai ryhmän tai henkilön osoite löytää heidät täältä tai mistä tahansa muusta instanssista (vain kirjautuneille jäsenille).
search-posts-label = Sanat, tunnus tai osoite
search-results-label = Tulokset
search-results-none = Mikään julkinen viesti ei vastaa hakua { $query }.
search-result-reply = Vastaus ketjussa:
search-results-pages = Lisää tuloksia
search-results-previous = Edelliset tulokset
search-results-next = Seuraavat tulokset
search-header-label = Hae viesteistä
search-header-placeholder = Hae…

# Wyszukiwanie pełnotekstowe w postach i wątkach (strona wyszukiwania i pole w nagłówku).
search-posts-heading = Szukaj
search-posts-intro-html = Słowa znajdują publiczne posty i wątki. Identyfikator taki jak <code>@energy@forum.example</code> lub adres grupy albo osoby znajduje je tutaj lub na dowolnej innej instancji (tylko dla zalogowanych członków).
search-posts-label = Słowa, identyfikator lub adres
search-results-label = Wyniki
search-results-none = Żaden publiczny post nie pasuje do { $query }.
search-result-reply = Odpowiedź w:
search-results-pages = Więcej wyników
search-results-previous = Poprzednie wyniki
search-results-next = Następne wyniki
search-header-label = Szukaj w postach
search-header-placeholder = Szukaj…

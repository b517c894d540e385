# Fritextsökning i inlägg och trådar (söksidan och sökrutan i sidhuvudet).
search-posts-heading = Sök
search-posts-intro-html = Ord hittar offentliga inlägg och trådar. Ett handtag som <code>@energy@forum.example</code> eller adressen till en grupp eller person hittar dem här eller på vilken annan instans som helst (endast för inloggade medlemmar).
search-posts-label = Ord, handtag eller adress
search-results-label = Resultat
search-results-none = Inga offentliga inlägg matchar { $query }.
search-result-reply = Svar i:
search-results-pages = Fler resultat
search-results-previous = Föregående resultat
search-results-next = Nästa resultat
search-header-label = Sök bland inlägg
search-header-placeholder = Sök…

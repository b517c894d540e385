# Fritekstsøgning i indlæg og tråde (søgesiden og søgefeltet i sidehovedet).
search-posts-heading = Søg
search-posts-intro-html = Ord finder offentlige indlæg og tråde. Et handle som <code>@energy@forum.example</code> eller adressen på en gruppe eller person finder dem her eller på enhver anden instans (kun for indloggede medlemmer).
search-posts-label = Ord, handle eller adresse
search-results-label = Resultater
search-results-none = Ingen offentlige indlæg matcher { $query }.
search-result-reply = Svar i:
search-results-pages = Flere resultater
search-results-previous = Forrige resultater
search-results-next = Næste resultater
search-header-label = Søg i indlæg
search-header-placeholder = Søg…

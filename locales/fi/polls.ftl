poll-label = Kysely
poll-choose-one = Valitse yksi vastaus
poll-choose-many = Valitse yksi tai useampi vastaus
poll-vote = Äänestä
poll-votes =
    { $count ->
        [one] { $count } ääni
       *[other] { $count } ääntä
    }
poll-voters =
    { $count ->
        [one] { $count } henkilö äänesti
       *[other] { $count } henkilöä äänesti
    }
poll-your-choice = valintasi
poll-counts-hidden = Tulokset näytetään, kun olet äänestänyt tai kun kysely on päättynyt.
poll-ends = Päättyy
poll-closed = Päättynyt

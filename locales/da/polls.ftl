poll-label = Afstemning
poll-choose-one = Vælg ét svar
poll-choose-many = Vælg ét eller flere svar
poll-vote = Stem
poll-votes =
    { $count ->
        [one] { $count } stemme
       *[other] { $count } stemmer
    }
poll-voters =
    { $count ->
        [one] { $count } person har stemt
       *[other] { $count } personer har stemt
    }
poll-your-choice = dit valg
poll-counts-hidden = Resultaterne vises, når du har stemt, eller når afstemningen er slut.
poll-ends = Slutter
poll-closed = Afsluttet

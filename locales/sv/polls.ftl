poll-label = Omröstning
poll-choose-one = Välj ett svar
poll-choose-many = Välj ett eller flera svar
poll-vote = Rösta
poll-votes =
    { $count ->
        [one] { $count } röst
       *[other] { $count } röster
    }
poll-voters =
    { $count ->
        [one] { $count } person har röstat
       *[other] { $count } personer har röstat
    }
poll-your-choice = ditt val
poll-counts-hidden = Resultaten visas när du har röstat eller när omröstningen är avslutad.
poll-ends = Slutar
poll-closed = Avslutad

poll-label = Umfrage
poll-choose-one = Wähle eine Antwort
poll-choose-many = Wähle eine oder mehrere Antworten
poll-vote = Abstimmen
poll-votes =
    { $count ->
        [one] { $count } Stimme
       *[other] { $count } Stimmen
    }
poll-voters =
    { $count ->
        [one] { $count } Person hat abgestimmt
       *[other] { $count } Personen haben abgestimmt
    }
poll-your-choice = deine Wahl
poll-counts-hidden = Die Ergebnisse erscheinen, sobald du abgestimmt hast oder die Umfrage beendet ist.
poll-ends = Endet
poll-closed = Beendet

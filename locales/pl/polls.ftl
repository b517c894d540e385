poll-label = Ankieta
poll-choose-one = Wybierz jedną odpowiedź
poll-choose-many = Wybierz jedną lub więcej odpowiedzi
poll-vote = Głosuj
poll-votes =
    { $count ->
        [one] { $count } głos
        [few] { $count } głosy
        [many] { $count } głosów
       *[other] { $count } głosu
    }
poll-voters =
    { $count ->
        [one] { $count } osoba zagłosowała
        [few] { $count } osoby zagłosowały
        [many] { $count } osób zagłosowało
       *[other] { $count } osoby zagłosowało
    }
poll-your-choice = twój wybór
poll-counts-hidden = Wyniki pojawią się, gdy zagłosujesz albo gdy ankieta się zakończy.
poll-ends = Koniec
poll-closed = Zakończona

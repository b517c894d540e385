poll-label = Poll
poll-choose-one = Choose one answer
poll-choose-many = Choose one or more answers
poll-vote = Vote
poll-votes =
    { $count ->
        [one] { $count } vote
       *[other] { $count } votes
    }
poll-voters =
    { $count ->
        [one] { $count } person voted
       *[other] { $count } people voted
    }
poll-your-choice = your choice
poll-counts-hidden = The results are shown once you voted, or when the poll has ended.
poll-ends = Ends
poll-closed = Closed

# En lukket gruppes følgeanmodninger, for dens moderatorer.

follow-requests-link = Følgeanmodninger
follow-requests-title = Følgeanmodninger til { $group }
follow-requests-closed-label = Nye følgere skal godkendes
follow-requests-save = Gem
follow-requests-closed = Nye følgere af denne gruppe skal godkendes.
follow-requests-open = Alle kan følge denne gruppe; kun ejeren kan ændre det.
follow-requests-approve = Godkend
follow-requests-reject = Afvis
follow-requests-none = Ingen ventende anmodninger.

# En lukket gruppes følgeanmodninger, for dens moderatorer.

follow-requests-link = Følgeanmodninger
follow-requests-title = Følgeanmodninger til { $group }
follow-requests-closed-label = Privat gruppe: nye følgere skal godkendes, og kun medlemmer ser dens tråde
follow-requests-save = Gem
follow-requests-closed = Denne gruppe er privat: nye følgere skal godkendes, og kun dens medlemmer ser dens tråde.
follow-requests-open = Alle kan følge denne gruppe; kun ejeren kan ændre det.
follow-requests-approve = Godkend
follow-requests-reject = Afvis
follow-requests-none = Ingen ventende anmodninger.

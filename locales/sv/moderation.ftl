# En stängd grupps följförfrågningar, för dess moderatorer.

follow-requests-link = Följförfrågningar
follow-requests-title = Följförfrågningar till { $group }
follow-requests-closed-label = Nya följare måste godkännas
follow-requests-save = Spara
follow-requests-closed = Nya följare av den här gruppen måste godkännas.
follow-requests-open = Alla kan följa den här gruppen; bara ägaren kan ändra det.
follow-requests-approve = Godkänn
follow-requests-reject = Avvisa
follow-requests-none = Inga väntande förfrågningar.

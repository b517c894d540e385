# En stängd grupps följförfrågningar, för dess moderatorer.

follow-requests-link = Följförfrågningar
follow-requests-title = Följförfrågningar till { $group }
follow-requests-closed-label = Privat grupp: nya följare måste godkännas och bara medlemmar ser dess trådar
follow-requests-save = Spara
follow-requests-closed = Den här gruppen är privat: nya följare måste godkännas, och bara dess medlemmar ser dess trådar.
follow-requests-open = Alla kan följa den här gruppen; bara ägaren kan ändra det.
follow-requests-approve = Godkänn
follow-requests-reject = Avvisa
follow-requests-none = Inga väntande förfrågningar.

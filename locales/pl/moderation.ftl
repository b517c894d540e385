# Prośby o obserwowanie zamkniętej grupy, dla jej moderatorów.

follow-requests-link = Prośby o obserwowanie
follow-requests-title = Prośby o obserwowanie: { $group }
follow-requests-closed-label = Grupa prywatna: nowi obserwujący wymagają zatwierdzenia, a jej wątki widzą tylko członkowie
follow-requests-save = Zapisz
follow-requests-closed = Ta grupa jest prywatna: nowi obserwujący wymagają zatwierdzenia, a jej wątki widzą tylko członkowie.
follow-requests-open = Każdy może obserwować tę grupę; zmienić to może tylko jej właściciel.
follow-requests-approve = Zatwierdź
follow-requests-reject = Odrzuć
follow-requests-none = Brak oczekujących próśb.

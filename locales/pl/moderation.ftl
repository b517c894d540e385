# Prośby o obserwowanie zamkniętej grupy, dla jej moderatorów.

follow-requests-link = Prośby o obserwowanie
follow-requests-title = Prośby o obserwowanie: { $group }
follow-requests-closed-label = Nowi obserwujący wymagają zatwierdzenia
follow-requests-save = Zapisz
follow-requests-closed = Nowi obserwujący tej grupy wymagają zatwierdzenia.
follow-requests-open = Każdy może obserwować tę grupę; zmienić to może tylko jej właściciel.
follow-requests-approve = Zatwierdź
follow-requests-reject = Odrzuć
follow-requests-none = Brak oczekujących próśb.

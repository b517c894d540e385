# A group's moderator team: the owner appoints and dismisses moderators.

team-link = Zespół moderatorów
team-title = Zespół moderatorów grupy { $group }
team-explained = Moderatorzy usuwają wpisy, blokują wątki i wykluczają osoby z tej grupy, tutaj i na każdej instancji, która ją obserwuje. Moderatorami mogą być też osoby z innych instancji.
team-appoint = Powołaj moderatora
team-handle-label = Nazwa lub adres (ana albo ana@forum.example)
team-appoint-button = Powołaj
team-dismiss = Odwołaj
team-not-found = Nie znaleziono osoby dla { $handle }.

# A group's moderator team: the owner appoints and dismisses moderators.

team-link = Moderaattoritiimi
team-title = Ryhmän { $group } moderaattoritiimi
team-explained = Moderaattorit poistavat viestejä, lukitsevat keskusteluja ja sulkevat ihmisiä pois ryhmästä, täällä ja jokaisella instanssilla, joka seuraa sitä. Myös muiden instanssien ihmiset voivat olla moderaattoreita.
team-appoint = Nimitä moderaattori
team-handle-label = Nimi tai osoite (ana tai ana@forum.example)
team-appoint-button = Nimitä
team-dismiss = Erota
team-not-found = Nimellä { $handle } ei löytynyt ketään.

# A group's moderator team: the owner appoints and dismisses moderators.

team-link = Moderatorteam
team-title = Moderatorteam for { $group }
team-explained = Moderatorer fjerner indlæg, låser tråde og udelukker personer fra gruppen, her og på alle instanser, der følger den. Personer fra andre instanser kan også være moderatorer.
team-appoint = Udnævn en moderator
team-handle-label = Navn eller adresse (ana eller ana@forum.example)
team-appoint-button = Udnævn
team-dismiss = Afsæt
team-not-found = Der blev ikke fundet nogen person for { $handle }.

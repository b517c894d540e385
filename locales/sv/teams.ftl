# A group's moderator team: the owner appoints and dismisses moderators.

team-link = Moderatorsteam
team-title = Moderatorsteam för { $group }
team-explained = Moderatorer tar bort inlägg, låser trådar och stänger av personer från gruppen, här och på varje instans som följer den. Även personer från andra instanser kan vara moderatorer.
team-appoint = Utse en moderator
team-handle-label = Namn eller adress (ana eller ana@forum.example)
team-appoint-button = Utse
team-dismiss = Entlediga
team-not-found = Ingen person hittades för { $handle }.

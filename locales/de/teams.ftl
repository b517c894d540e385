# A group's moderator team: the owner appoints and dismisses moderators.

team-link = Moderationsteam
team-title = Moderationsteam von { $group }
team-explained = Moderator*innen entfernen Beiträge, sperren Themen und schließen Personen aus dieser Gruppe aus, hier und auf jeder Instanz, die ihr folgt. Auch Personen anderer Instanzen können moderieren.
team-appoint = Moderator*in ernennen
team-handle-label = Name oder Adresse (ana oder ana@forum.example)
team-appoint-button = Ernennen
team-dismiss = Abberufen
team-not-found = Zu { $handle } wurde keine Person gefunden.

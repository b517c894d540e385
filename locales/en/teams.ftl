# A group's moderator team: the owner appoints and dismisses moderators.

team-link = Moderator team
team-title = Moderator team of { $group }
team-explained = Moderators remove posts, lock threads and ban people in this group, here and on every instance that follows it. People from other instances can be moderators too.
team-appoint = Appoint a moderator
team-handle-label = Name or address (ana, or ana@forum.example)
team-appoint-button = Appoint
team-dismiss = Dismiss
team-not-found = No person was found for { $handle }.

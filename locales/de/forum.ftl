# Gruppen, Themen und Beiträge.

home-title = Startseite
home-show = Anzeigen:
home-no-groups = Noch keine Gruppen.
home-create-first = Gründen Sie die erste.
home-all-groups = Alle Gruppen →
home-latest = Neueste Themen
groups-heading = Gruppen
groups-filter-label = Gruppen filtern
groups-filter-all = Alle
groups-project-plural = Projektgruppen
groups-discussion-plural = Diskussionsgruppen
groups-create = Gruppe gründen
groups-empty = Hier gibt es noch keine Gruppen.
group-kind-project = Projektgruppe
group-kind-discussion = Diskussionsgruppe
group-followers =
    { $count ->
        [one] { $count } Follower
       *[other] { $count } Follower
    }
group-threads =
    { $count ->
        [one] { $count } Thema
       *[other] { $count } Themen
    }
group-since = seit { $date }
group-remote = Eine Gruppe auf einer anderen Instanz:
group-start-thread = Thema starten
group-follow = Folgen
group-unfollow = Nicht mehr folgen
group-sign-in-html = <a href="/login">Melden Sie sich an</a>, um dieser Gruppe zu folgen und Themen zu starten.
group-threads-heading = Themen
group-about = Über die Gruppe
group-moderators = Moderation
group-role-owner = Inhaber
group-role-moderator = Moderator
new-group-title = Neue Gruppe
new-group-kind = Art der Gruppe
new-group-kind-project = Projektgruppe: ein Klimaprojekt mit Partnern, Zeitrahmen und Zielen
new-group-kind-discussion = Diskussionsgruppe: ein Themenfeld wie Energie oder Mobilität
new-group-handle = Kennung
new-group-handle-hint = Kleinbuchstaben, Ziffern, _ und -, z. B. energieeffizienz. Teil der Adresse der Gruppe.
new-group-description = Beschreibung
new-group-submit = Gruppe gründen
threads-empty = Noch keine Themen.
field-title = Titel
field-text = Text
new-thread-title = Neues Thema
new-thread-submit = Thema veröffentlichen
thread-sign-in-html = <a href="/login">Melden Sie sich an</a>, um zu antworten.
post-deleted = [gelöscht]
post-edited = bearbeitet
post-in-reply = als Antwort
post-in-group = in
post-replies =
    { $count ->
        [one] { $count } Antwort
       *[other] { $count } Antworten
    }
post-likes =
    { $count ->
        [one] { $count } Like
       *[other] { $count } Likes
    }
post-like = Gefällt mir
post-unlike = Gefällt mir nicht mehr
post-reply = Antworten
post-reply-noun = Antwort
post-edit = Bearbeiten
post-delete = Löschen
post-thread = Thema
reply-yours = Ihre Antwort
edit-post-title = Beitrag bearbeiten
feed-title = Ihre Neuigkeiten
feed-intro = Themen aus den Gruppen, denen Sie folgen – hier und auf anderen Instanzen.
feed-empty-html = Noch nichts da. Folgen Sie Gruppen aus dem <a href="/groups">Verzeichnis</a> oder <a href="/search">finden Sie Gruppen auf anderen Instanzen</a>.
search-title = Suche
search-submit = Suchen
search-not-found = Zu { $query } wurde nichts gefunden.
profile-joined = dabei seit { $date }
profile-posts = Beiträge
profile-empty = Noch keine Beiträge.

# Atom feeds.
feed-atom-link = Atom-Feed
feed-group-title = Themen in { $group }
feed-latest-title = Neueste Themen auf { $instance }
field-post-language = Sprache des Beitrags
group-follow-pending = Deine Anfrage wartet auf Zustimmung.
group-follow-cancel = Anfrage zurückziehen

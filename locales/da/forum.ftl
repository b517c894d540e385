# Grupper, tråde og indlæg.

home-title = Forside
home-show = Vis:
home-no-groups = Ingen grupper endnu.
home-create-first = Opret den første.
home-all-groups = Alle grupper →
home-latest = Nyeste tråde
groups-heading = Grupper
groups-filter-label = Filtrér grupper
groups-filter-all = Alle
groups-project-plural = Projektgrupper
groups-discussion-plural = Diskussionsgrupper
groups-create = Opret en gruppe
groups-empty = Her er ingen grupper endnu.
group-kind-project = Projektgruppe
group-kind-discussion = Diskussionsgruppe
group-followers =
    { $count ->
        [one] { $count } følger
       *[other] { $count } følgere
    }
group-threads =
    { $count ->
        [one] { $count } tråd
       *[other] { $count } tråde
    }
group-since = siden { $date }
group-remote = En gruppe på en anden instans:
group-start-thread = Start en tråd
group-follow = Følg
group-unfollow = Stop med at følge
group-sign-in-html = <a href="/login">Log ind</a> for at følge gruppen og starte tråde.
group-threads-heading = Tråde
group-about = Om gruppen
group-moderators = Moderatorer
group-role-owner = ejer
group-role-moderator = moderator
new-group-title = Ny gruppe
new-group-kind = Gruppetype
new-group-kind-project = Projektgruppe: et klimaprojekt med partnere, tidsramme og mål
new-group-kind-discussion = Diskussionsgruppe: et emne som energi eller mobilitet
new-group-handle = Kortnavn
new-group-handle-hint = Små bogstaver, cifre, _ og -, f.eks. energieffektivitet. Indgår i gruppens adresse.
new-group-description = Beskrivelse
new-group-submit = Opret gruppe
threads-empty = Ingen tråde endnu.
field-title = Titel
field-text = Tekst
new-thread-title = Ny tråd
new-thread-submit = Opret tråd
thread-sign-in-html = <a href="/login">Log ind</a> for at svare.
post-deleted = [slettet]
post-edited = redigeret
post-in-reply = som svar
post-in-group = i
post-replies =
    { $count ->
        [one] { $count } svar
       *[other] { $count } svar
    }
post-likes =
    { $count ->
        [one] { $count } synes godt om
       *[other] { $count } synes godt om
    }
post-like = Synes godt om
post-unlike = Fortryd synes godt om
post-reply = Svar
post-reply-noun = Svar
post-edit = Redigér
post-delete = Slet
post-thread = Tråd
reply-yours = Dit svar
edit-post-title = Redigér indlæg
feed-title = Dine nyheder
feed-intro = Tråde fra de grupper, du følger, her og på andre instanser.
feed-empty-html = Intet endnu. Følg grupper fra <a href="/groups">oversigten</a>, eller <a href="/search">find grupper på andre instanser</a>.
search-title = Søg
search-submit = Søg
search-not-found = Intet fundet for { $query }.
profile-joined = med siden { $date }
profile-posts = Indlæg
profile-empty = Ingen indlæg endnu.

# Atom feeds.
feed-atom-link = Atom-feed
feed-group-title = Tråde i { $group }
feed-latest-title = Nyeste tråde på { $instance }
field-post-language = Indlæggets sprog
group-follow-pending = Din anmodning venter på godkendelse.
group-follow-cancel = Træk anmodning tilbage

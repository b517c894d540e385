# Grupper, trådar och inlägg.

home-title = Start
home-show = Visa:
home-no-groups = Inga grupper än.
home-create-first = Skapa den första.
home-all-groups = Alla grupper →
home-latest = Senaste trådarna
groups-heading = Grupper
groups-filter-label = Filtrera grupper
groups-filter-all = Alla
groups-project-plural = Projektgrupper
groups-discussion-plural = Diskussionsgrupper
groups-create = Skapa en grupp
groups-empty = Inga grupper här än.
group-kind-project = Projektgrupp
group-kind-discussion = Diskussionsgrupp
group-followers =
    { $count ->
        [one] { $count } följare
       *[other] { $count } följare
    }
group-threads =
    { $count ->
        [one] { $count } tråd
       *[other] { $count } trådar
    }
group-since = sedan { $date }
group-remote = En grupp på en annan instans:
group-start-thread = Starta en tråd
group-follow = Följ
group-unfollow = Sluta följa
group-sign-in-html = <a href="/login">Logga in</a> för att följa gruppen och starta trådar.
group-threads-heading = Trådar
group-about = Om gruppen
group-moderators = Moderatorer
group-role-owner = ägare
group-role-moderator = moderator
new-group-title = Ny grupp
new-group-kind = Typ av grupp
new-group-kind-project = Projektgrupp: ett klimatprojekt med partner, tidsram och mål
new-group-kind-discussion = Diskussionsgrupp: ett tema som energi eller mobilitet
new-group-handle = Kortnamn
new-group-handle-hint = Små bokstäver, siffror, _ och -, t.ex. energieffektivitet. Blir en del av gruppens adress.
new-group-description = Beskrivning
new-group-submit = Skapa grupp
threads-empty = Inga trådar än.
field-title = Rubrik
field-text = Text
new-thread-title = Ny tråd
new-thread-submit = Publicera tråden
thread-sign-in-html = <a href="/login">Logga in</a> för att svara.
post-deleted = [raderat]
post-edited = redigerat
post-in-reply = som svar
post-in-group = i
post-replies =
    { $count ->
        [one] { $count } svar
       *[other] { $count } svar
    }
post-likes =
    { $count ->
        [one] { $count } gillning
       *[other] { $count } gillningar
    }
post-like = Gilla
post-unlike = Sluta gilla
post-reply = Svara
post-reply-noun = Svar
post-edit = Redigera
post-delete = Radera
post-thread = Tråd
reply-yours = Ditt svar
edit-post-title = Redigera inlägg
feed-title = Ditt flöde
feed-intro = Trådar från grupperna du följer, här och på andra instanser.
feed-empty-html = Inget än. Följ grupper från <a href="/groups">katalogen</a> eller <a href="/search">hitta grupper på andra instanser</a>.
search-title = Sök
search-submit = Sök
search-not-found = Inget hittades för { $query }.
profile-joined = medlem sedan { $date }
profile-posts = Inlägg
profile-empty = Inga inlägg än.

# Atom feeds.
feed-atom-link = Atom-flöde
feed-group-title = Trådar i { $group }
feed-latest-title = Senaste trådarna på { $instance }
field-post-language = Inläggets språk
group-follow-pending = Din förfrågan väntar på godkännande.
group-follow-cancel = Dra tillbaka förfrågan

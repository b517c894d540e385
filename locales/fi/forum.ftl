# Ryhmät, ketjut ja viestit. Lukusanan jälkeen partitiivi: 1 ketju, 2 ketjua.

home-title = Etusivu
home-show = Näytä:
home-no-groups = Ryhmiä ei ole vielä.
home-create-first = Perusta ensimmäinen.
home-all-groups = Kaikki ryhmät →
home-latest = Uusimmat ketjut
groups-heading = Ryhmät
groups-filter-label = Suodata ryhmiä
groups-filter-all = Kaikki
groups-project-plural = Projektiryhmät
groups-discussion-plural = Keskusteluryhmät
groups-create = Perusta ryhmä
groups-empty = Täällä ei ole vielä ryhmiä.
group-kind-project = Projektiryhmä
group-kind-discussion = Keskusteluryhmä
group-followers =
    { $count ->
        [one] { $count } seuraaja
       *[other] { $count } seuraajaa
    }
group-threads =
    { $count ->
        [one] { $count } ketju
       *[other] { $count } ketjua
    }
group-since = perustettu { $date }
group-remote = Ryhmä toisella instanssilla:
group-start-thread = Aloita ketju
group-follow = Seuraa
group-unfollow = Lopeta seuraaminen
group-sign-in-html = <a href="/login">Kirjaudu sisään</a>, niin voit seurata ryhmää ja aloittaa ketjuja.
group-threads-heading = Ketjut
group-about = Tietoa ryhmästä
group-moderators = Moderaattorit
group-role-owner = omistaja
group-role-moderator = moderaattori
new-group-title = Uusi ryhmä
new-group-kind = Ryhmän tyyppi
new-group-kind-project = Projektiryhmä: ilmastoprojekti kumppaneineen, aikatauluineen ja tavoitteineen
new-group-kind-discussion = Keskusteluryhmä: teema, kuten energia tai liikkuminen
new-group-handle = Tunnus
new-group-handle-hint = Pieniä kirjaimia, numeroita, _ ja -, esim. energiatehokkuus. Tulee osaksi ryhmän osoitetta.
new-group-description = Kuvaus
new-group-submit = Perusta ryhmä
threads-empty = Ketjuja ei ole vielä.
field-title = Otsikko
field-text = Teksti
new-thread-title = Uusi ketju
new-thread-submit = Julkaise ketju
thread-sign-in-html = <a href="/login">Kirjaudu sisään</a>, niin voit vastata.
post-deleted = [poistettu]
post-edited = muokattu
post-in-reply = vastauksena
post-in-group = ryhmässä
post-replies =
    { $count ->
        [one] { $count } vastaus
       *[other] { $count } vastausta
    }
post-likes =
    { $count ->
        [one] { $count } tykkäys
       *[other] { $count } tykkäystä
    }
post-like = Tykkää
post-unlike = Peru tykkäys
post-reply = Vastaa
post-reply-noun = Vastaus
post-edit = Muokkaa
post-delete = Poista
post-thread = Ketju
reply-yours = Vastauksesi
edit-post-title = Muokkaa viestiä
feed-title = Oma syöte
feed-intro = Ketjut seuraamistasi ryhmistä, täältä ja muilta instansseilta.
feed-empty-html = Täällä ei ole vielä mitään. Seuraa ryhmiä <a href="/groups">hakemistosta</a> tai <a href="/search">etsi ryhmiä muilta instansseilta</a>.
search-title = Haku
search-submit = Hae
search-not-found = Haulla { $query } ei löytynyt mitään.
profile-joined = liittynyt { $date }
profile-posts = Viestit
profile-empty = Viestejä ei ole vielä.

# Atom feeds.
feed-atom-link = Atom-syöte
feed-group-title = Ketjut ryhmässä { $group }
feed-latest-title = Uusimmat ketjut: { $instance }
field-post-language = Viestin kieli
group-follow-pending = Seuraamispyyntösi odottaa hyväksyntää.
group-follow-cancel = Peru pyyntö

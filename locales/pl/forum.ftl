# Grupy, wątki i wpisy. Liczebniki: one (1), few (2–4, 22–24…), many (0, 5–21, 25…), other (ułamki).

home-title = Strona główna
home-show = Pokaż:
home-no-groups = Nie ma jeszcze żadnych grup.
home-create-first = Utwórz pierwszą.
home-all-groups = Wszystkie grupy →
home-latest = Najnowsze wątki
groups-heading = Grupy
groups-filter-label = Filtruj grupy
groups-filter-all = Wszystkie
groups-project-plural = Grupy projektowe
groups-discussion-plural = Grupy dyskusyjne
groups-create = Utwórz grupę
groups-empty = Nie ma tu jeszcze żadnych grup.
group-kind-project = Grupa projektowa
group-kind-discussion = Grupa dyskusyjna
group-followers =
    { $count ->
        [one] { $count } obserwujący
        [few] { $count } obserwujących
        [many] { $count } obserwujących
       *[other] { $count } obserwującego
    }
group-threads =
    { $count ->
        [one] { $count } wątek
        [few] { $count } wątki
        [many] { $count } wątków
       *[other] { $count } wątku
    }
group-since = od { $date }
group-remote = Grupa na innej instancji:
group-start-thread = Rozpocznij wątek
group-follow = Obserwuj
group-unfollow = Przestań obserwować
group-sign-in-html = <a href="/login">Zaloguj się</a>, aby obserwować tę grupę i rozpoczynać wątki.
group-threads-heading = Wątki
group-about = O grupie
group-moderators = Moderatorzy
group-role-owner = właściciel
group-role-moderator = moderator
new-group-title = Nowa grupa
new-group-kind = Rodzaj grupy
new-group-kind-project = Grupa projektowa: projekt klimatyczny z partnerami, harmonogramem i celami
new-group-kind-discussion = Grupa dyskusyjna: temat, np. energia albo mobilność
new-group-handle = Identyfikator
new-group-handle-hint = Małe litery, cyfry, _ i -, np. efektywnosc-energetyczna. Część adresu grupy.
new-group-description = Opis
new-group-submit = Utwórz grupę
threads-empty = Nie ma jeszcze wątków.
field-title = Tytuł
field-text = Treść
new-thread-title = Nowy wątek
new-thread-submit = Opublikuj wątek
thread-sign-in-html = <a href="/login">Zaloguj się</a>, aby odpowiedzieć.
post-deleted = [usunięto]
post-edited = edytowano
post-in-reply = w odpowiedzi
post-in-group = w grupie
post-replies =
    { $count ->
        [one] { $count } odpowiedź
        [few] { $count } odpowiedzi
        [many] { $count } odpowiedzi
       *[other] { $count } odpowiedzi
    }
post-likes =
    { $count ->
        [one] { $count } polubienie
        [few] { $count } polubienia
        [many] { $count } polubień
       *[other] { $count } polubienia
    }
post-like = Polub
post-unlike = Cofnij polubienie
post-reply = Odpowiedz
post-reply-noun = Odpowiedź
post-edit = Edytuj
post-delete = Usuń
post-thread = Wątek
reply-yours = Twoja odpowiedź
edit-post-title = Edytuj wpis
feed-title = Twoje aktualności
feed-intro = Wątki z grup, które obserwujesz, tutaj i na innych instancjach.
feed-empty-html = Na razie nic tu nie ma. Obserwuj grupy z <a href="/groups">katalogu</a> albo <a href="/search">znajdź grupy na innych instancjach</a>.
search-title = Szukaj
search-submit = Szukaj
search-not-found = Nic nie znaleziono dla { $query }.
profile-joined = na forum od { $date }
profile-posts = Wpisy
profile-empty = Nie ma jeszcze wpisów.

# Atom feeds.
feed-atom-link = Kanał Atom
feed-group-title = Wątki w grupie { $group }
feed-latest-title = Najnowsze wątki na { $instance }
field-post-language = Język wpisu
group-follow-pending = Twoja prośba czeka na akceptację.
group-follow-cancel = Wycofaj prośbę

# Rama każdej strony: nawigacja, stopka, menu języka, stronicowanie.

skip-to-content = Przejdź do treści
nav-main = Menu główne
nav-groups = Grupy
nav-feed = Aktualności
nav-new-group = Nowa grupa
nav-find = Znajdź
nav-settings = Ustawienia
nav-federation = Federacja
nav-sign-out = Wyloguj się
nav-sign-in = Zaloguj się
nav-register = Zarejestruj się
footer-powered-html = Działa na Allmende, wolnym oprogramowaniu na licencji <a href="https://www.gnu.org/licenses/agpl-3.0.html">AGPL-3.0-or-later</a>.
language-menu = Język
language-change = Zmień język
form-correct-errors = Popraw zaznaczone pola.
form-save = Zapisz
form-markdown-hint = (Markdown)
pager-older-threads = Starsze wątki →
pager-more-groups = Więcej grup →
pager-older-posts = Starsze wpisy →
pager-first-replies = ← Pierwsze odpowiedzi
pager-later-replies = Późniejsze odpowiedzi →
pager-previous-page = ← Poprzednia strona
pager-next-page = Następna strona →
back-to-thread = ← Wróć do wątku

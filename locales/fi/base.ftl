# Jokaisen sivun kehys: navigointi, alatunniste, kielivalikko, sivutus.

skip-to-content = Siirry sisältöön
nav-main = Päävalikko
nav-groups = Ryhmät
nav-feed = Syöte
nav-new-group = Uusi ryhmä
nav-find = Etsi
nav-settings = Asetukset
nav-federation = Federointi
nav-sign-out = Kirjaudu ulos
nav-sign-in = Kirjaudu sisään
nav-register = Rekisteröidy
footer-powered-html = Alustana Allmende – vapaa ohjelmisto, lisenssi <a href="https://www.gnu.org/licenses/agpl-3.0.html">AGPL-3.0-or-later</a>.
language-menu = Kieli
language-change = Vaihda kieli
form-correct-errors = Korjaa merkityt kentät.
form-save = Tallenna
form-markdown-hint = (Markdown)
pager-older-threads = Vanhemmat ketjut →
pager-more-groups = Lisää ryhmiä →
pager-older-posts = Vanhemmat viestit →
pager-first-replies = ← Ensimmäiset vastaukset
pager-later-replies = Myöhemmät vastaukset →
pager-previous-page = ← Edellinen sivu
pager-next-page = Seuraava sivu →
back-to-thread = ← Takaisin ketjuun

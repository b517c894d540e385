# Ramen runt varje sida: navigering, sidfot, språkmeny, bläddring.

skip-to-content = Hoppa till innehållet
nav-main = Huvudmeny
nav-groups = Grupper
nav-feed = Flöde
nav-new-group = Ny grupp
nav-find = Hitta
nav-settings = Inställningar
nav-federation = Federering
nav-sign-out = Logga ut
nav-sign-in = Logga in
nav-register = Skapa konto
footer-powered-html = Drivs med Allmende, fri programvara under <a href="https://www.gnu.org/licenses/agpl-3.0.html">AGPL-3.0-or-later</a>.
language-menu = Språk
language-change = Byt språk
form-correct-errors = Rätta de markerade fälten.
form-save = Spara
form-markdown-hint = (Markdown)
pager-older-threads = Äldre trådar →
pager-more-groups = Fler grupper →
pager-older-posts = Äldre inlägg →
pager-first-replies = ← Första svaren
pager-later-replies = Senare svar →
pager-previous-page = ← Föregående sida
pager-next-page = Nästa sida →
back-to-thread = ← Tillbaka till tråden

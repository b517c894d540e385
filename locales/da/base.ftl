# Rammen om hver side: navigation, sidefod, sprogmenu, bladring.

skip-to-content = Gå til indhold
nav-main = Hovedmenu
nav-groups = Grupper
nav-feed = Nyheder
nav-new-group = Ny gruppe
nav-find = Find
nav-settings = Indstillinger
nav-federation = Føderation
nav-sign-out = Log ud
nav-sign-in = Log ind
nav-register = Opret konto
footer-powered-html = Drevet af Allmende, fri software under <a href="https://www.gnu.org/licenses/agpl-3.0.html">AGPL-3.0-or-later</a>.
language-menu = Sprog
language-change = Skift sprog
form-correct-errors = Ret venligst de markerede felter.
form-save = Gem
form-markdown-hint = (Markdown)
pager-older-threads = Ældre tråde →
pager-more-groups = Flere grupper →
pager-older-posts = Ældre indlæg →
pager-first-replies = ← Første svar
pager-later-replies = Senere svar →
pager-previous-page = ← Forrige side
pager-next-page = Næste side →
back-to-thread = ← Tilbage til tråden

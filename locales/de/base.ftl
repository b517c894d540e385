# Rahmen jeder Seite: Navigation, Fußzeile, Sprachmenü, Blätter-Links.

skip-to-content = Zum Inhalt springen
nav-main = Hauptnavigation
nav-groups = Gruppen
nav-feed = Neuigkeiten
nav-new-group = Neue Gruppe
nav-find = Suchen
nav-settings = Einstellungen
nav-federation = Föderation
nav-sign-out = Abmelden
nav-sign-in = Anmelden
nav-register = Registrieren
footer-powered-html = Betrieben mit Allmende, freier Software unter der <a href="https://www.gnu.org/licenses/agpl-3.0.html">AGPL-3.0-or-later</a>.
language-menu = Sprache
language-change = Sprache ändern
form-correct-errors = Bitte korrigieren Sie die markierten Felder.
form-save = Speichern
form-markdown-hint = (Markdown)
pager-older-threads = Ältere Themen →
pager-more-groups = Weitere Gruppen →
pager-older-posts = Ältere Beiträge →
pager-first-replies = ← Erste Antworten
pager-later-replies = Spätere Antworten →
pager-previous-page = ← Vorige Seite
pager-next-page = Nächste Seite →
back-to-thread = ← Zurück zum Thema

# Gehen und umziehen: Datenexport, Import von Folgen und Blockierungen, Konto löschen.

account-data-settings-link = Konto exportieren, importieren oder löschen
account-data-title = Deine Daten und dein Konto
account-data-export-heading = Daten exportieren
account-data-export-hint = Eine Zip-Datei mit deinem Profil, deinen Beiträgen (als ActivityPub-Outbox), den Personen und Gruppen, denen du folgst, die du blockierst und stummschaltest (als CSV-Dateien im Mastodon-Format), und den Bildern, die du hochgeladen hast.
account-data-export-download = Meine Daten herunterladen
account-data-import-heading = Folgen oder Blockierungen importieren
account-data-import-hint = Eine von Mastodon oder Allmende exportierte CSV-Datei (following_accounts.csv oder blocked_accounts.csv) oder eine Adresse wie name@example.org pro Zeile.
account-data-import-kind = Importieren als
account-data-import-follows = Folgen
account-data-import-blocks = Blockierungen
account-data-import-file = CSV-Datei
account-data-import-submit = Importieren
account-data-import-choose-kind = Wähle, ob Folgen oder Blockierungen importiert werden sollen.
account-data-import-empty = Die Datei ist leer oder enthält keine Konten.
account-data-import-not-text = Die Datei ist keine Text-(CSV-)Datei. Wähle die CSV-Datei, die Mastodon oder Allmende exportiert hat.
account-data-import-malformed = Zeile { $line } der Datei ist kein gültiges CSV.
account-data-import-too-many = Die Datei enthält { $found } Konten; höchstens { $limit } werden auf einmal importiert. Teile sie in kleinere Dateien.
account-data-import-imported = { $count ->
    [one] Ein Konto wurde importiert.
   *[other] { $count } Konten wurden importiert.
}
account-data-import-failed = { $count ->
    [one] Eine Zeile wurde nicht importiert:
   *[other] { $count } Zeilen wurden nicht importiert:
}
account-data-import-failed-caption = Nicht importierte Zeilen
account-data-import-line = Zeile
account-data-import-address = Adresse
account-data-import-reason = Grund
import-failed-not-address = keine Adresse wie name@example.org
import-failed-not-found = unter dieser Adresse wurde niemand gefunden
import-failed-refused = abgelehnt
import-failed-not-tried = nicht versucht: der Import dauerte zu lange; importiere die Datei noch einmal
account-data-delete-heading = Konto löschen
account-data-delete-hint = { $count ->
    [0] Deine Beiträge werden „gelöscht“, deine Bilder, Folgen, Blockierungen und Anmeldungen entfernt, und andere Instanzen werden benachrichtigt. Dein Name bleibt reserviert. Das geschieht sofort.
    [one] Deine Beiträge werden „gelöscht“, deine Bilder, Folgen, Blockierungen und Anmeldungen entfernt, und andere Instanzen werden benachrichtigt. Dein Name bleibt reserviert. Das geschieht nach einem Tag; bis dahin kannst du dich anmelden und abbrechen.
   *[other] Deine Beiträge werden „gelöscht“, deine Bilder, Folgen, Blockierungen und Anmeldungen entfernt, und andere Instanzen werden benachrichtigt. Dein Name bleibt reserviert. Das geschieht nach { $count } Tagen; bis dahin kannst du dich anmelden und abbrechen.
}
account-data-delete-submit = Mein Konto löschen
account-data-delete-pending = Dein Konto wird am { $date } gelöscht.
account-data-delete-cancel = Konto behalten
account-data-deletion-requested = Dein Konto wird gelöscht. Bis dahin kannst du das abbrechen.
account-data-deletion-cancelled = Dein Konto wird nicht gelöscht.

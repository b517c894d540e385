# Folgeanfragen einer geschlossenen Gruppe, für ihre Moderation.

follow-requests-link = Folgeanfragen
follow-requests-title = Folgeanfragen für { $group }
follow-requests-closed-label = Neue Folgende müssen bestätigt werden
follow-requests-save = Speichern
follow-requests-closed = Neue Folgende dieser Gruppe müssen bestätigt werden.
follow-requests-open = Jede Person kann dieser Gruppe folgen; nur die Eigentümerin oder der Eigentümer kann das ändern.
follow-requests-approve = Annehmen
follow-requests-reject = Ablehnen
follow-requests-none = Keine offenen Anfragen.

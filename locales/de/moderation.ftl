# Folgeanfragen einer geschlossenen Gruppe, für ihre Moderation.

follow-requests-link = Folgeanfragen
follow-requests-title = Folgeanfragen für { $group }
follow-requests-closed-label = Private Gruppe: Neue Folgende müssen bestätigt werden, nur Mitglieder sehen ihre Themen
follow-requests-save = Speichern
follow-requests-closed = Diese Gruppe ist privat: Neue Folgende müssen bestätigt werden, und nur ihre Mitglieder sehen ihre Themen.
follow-requests-open = Jede Person kann dieser Gruppe folgen; nur die Eigentümerin oder der Eigentümer kann das ändern.
follow-requests-approve = Annehmen
follow-requests-reject = Ablehnen
follow-requests-none = Keine offenen Anfragen.

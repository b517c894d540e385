# Blokering og skjuling af personer og domæner: profilknapper, pladsholdere i tråde, indstillingsside.

blocks-hidden-blocked = skjult: du har blokeret denne person
blocks-hidden-muted = skjult: du har skjult denne person
blocks-block = Bloker
blocks-unblock = Fjern blokering
blocks-mute = Skjul
blocks-unmute = Vis igen
blocks-profile-blocked = Du har blokeret denne person.
blocks-profile-muted = Du har skjult denne person.
blocks-settings-link = Blokerede og skjulte personer, blokerede domæner
blocks-title = Blokeringer og skjulte
blocks-people-blocked = Blokerede personer
blocks-people-muted = Skjulte personer
blocks-domains = Blokerede domæner
blocks-none = Ingen.
blocks-domains-none = Ingen domæner.
blocks-domain-field = Domæne
blocks-domain-hint = Indlæg og notifikationer fra dette domæne og dets underdomæner skjules for dig, og folk derfra holder op med at følge dig.
blocks-domain-submit = Bloker domæne
blocks-mute-duration = Skjul i
blocks-mute-indefinitely = indtil jeg viser igen
blocks-mute-hour = 1 time
blocks-mute-day = 1 dag
blocks-mute-week = 7 dage
blocks-mute-notifications = skjul også deres notifikationer

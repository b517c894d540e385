# Blockera och tysta personer och domäner: profilknappar, platshållare i trådar, inställningssida.

blocks-hidden-blocked = dold: du har blockerat den här personen
blocks-hidden-muted = dold: du har tystat den här personen
blocks-block = Blockera
blocks-unblock = Sluta blockera
blocks-mute = Tysta
blocks-unmute = Sluta tysta
blocks-profile-blocked = Du har blockerat den här personen.
blocks-profile-muted = Du har tystat den här personen.
blocks-settings-link = Blockerade och tystade personer, blockerade domäner
blocks-title = Blockeringar och tystningar
blocks-people-blocked = Blockerade personer
blocks-people-muted = Tystade personer
blocks-domains = Blockerade domäner
blocks-none = Ingen.
blocks-domains-none = Inga domäner.
blocks-domain-field = Domän
blocks-domain-hint = Inlägg och aviseringar från den här domänen och dess underdomäner döljs för dig, och personer där slutar följa dig.
blocks-domain-submit = Blockera domän
blocks-mute-duration = Tysta i
blocks-mute-indefinitely = tills jag slutar tysta
blocks-mute-hour = 1 timme
blocks-mute-day = 1 dag
blocks-mute-week = 7 dagar
blocks-mute-notifications = dölj även deras aviseringar

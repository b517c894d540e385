# Blocking and muting people and domains: profile buttons, thread placeholders, settings page.

blocks-hidden-blocked = hidden: you blocked this person
blocks-hidden-muted = hidden: you muted this person
blocks-block = Block
blocks-unblock = Unblock
blocks-mute = Mute
blocks-unmute = Unmute
blocks-profile-blocked = You blocked this person.
blocks-profile-muted = You muted this person.
blocks-settings-link = Blocked and muted people, blocked domains
blocks-title = Blocks and mutes
blocks-people-blocked = Blocked people
blocks-people-muted = Muted people
blocks-domains = Blocked domains
blocks-none = Nobody.
blocks-domains-none = No domains.
blocks-domain-field = Domain
blocks-domain-hint = Posts and notifications from this domain and its subdomains are hidden from you, and its people stop following you.
blocks-domain-submit = Block domain
blocks-mute-duration = Mute for
blocks-mute-indefinitely = until I unmute
blocks-mute-hour = 1 hour
blocks-mute-day = 1 day
blocks-mute-week = 7 days
blocks-mute-notifications = also hide their notifications

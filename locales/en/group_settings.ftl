# Editing a group (title, description, declared languages), and organisers' answers to
# members' participation in remote events.

group-settings-link = Edit the group
group-settings-title = Edit the group { $group }
group-settings-languages = Languages of the group
group-settings-languages-hint = The languages people write in here. Everyone may still read and write in any language.
group-settings-save = Save the group
group-languages = Languages:

event-join-restricted = The organiser approves each participant.
event-rsvp-waiting = You asked to take part. Waiting for the organiser to confirm your place.
event-rsvp-confirmed = Your place is confirmed.
event-rsvp-declined = The organiser declined your request to take part.
event-join-invite = Only people the organisers invite can take part, so you cannot join this event from here.
event-join-external = Registration for this event happens on another website, so you cannot join it from here.
event-join-original = Open the event on its own site
field-error-event-not-joinable = This event cannot be joined from here.

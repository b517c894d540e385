# Redigering af en gruppe (titel, beskrivelse, sprog) og arrangørers svar på deltagelse i
# arrangementer på andre instanser.

group-settings-link = Rediger gruppen
group-settings-title = Rediger gruppen { $group }
group-settings-languages = Gruppens sprog
group-settings-languages-hint = De sprog, der skrives på her. Alle kan stadig læse og skrive på ethvert sprog.
group-settings-save = Gem gruppen
group-languages = Sprog:

event-join-restricted = Arrangøren godkender hver deltager.
event-rsvp-waiting = Du har bedt om at deltage. Venter på, at arrangøren bekræfter din plads.
event-rsvp-confirmed = Din plads er bekræftet.
event-rsvp-declined = Arrangøren har afvist din tilmelding.
event-join-invite = Kun personer, som arrangørerne inviterer, kan deltage, så du kan ikke tilmelde dig herfra.
event-join-external = Tilmelding til dette arrangement foregår på en anden hjemmeside, så du kan ikke tilmelde dig herfra.
event-join-original = Åbn arrangementet på dets egen side
field-error-event-not-joinable = Man kan ikke tilmelde sig dette arrangement herfra.

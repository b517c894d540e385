# Redigera en grupp (titel, beskrivning, språk) och arrangörers svar på deltagande i
# evenemang på andra instanser.

group-settings-link = Redigera gruppen
group-settings-title = Redigera gruppen { $group }
group-settings-languages = Gruppens språk
group-settings-languages-hint = Språken som det skrivs på här. Alla kan fortfarande läsa och skriva på vilket språk som helst.
group-settings-save = Spara gruppen
group-languages = Språk:

event-join-restricted = Arrangören godkänner varje deltagare.
event-rsvp-waiting = Du har bett om att få delta. Väntar på att arrangören bekräftar din plats.
event-rsvp-confirmed = Din plats är bekräftad.
event-rsvp-declined = Arrangören har avböjt din anmälan.
event-join-invite = Bara personer som arrangörerna bjuder in kan delta, så du kan inte anmäla dig härifrån.
event-join-external = Anmälan till det här evenemanget sker på en annan webbplats, så du kan inte anmäla dig härifrån.
event-join-original = Öppna evenemanget på dess egen sida
field-error-event-not-joinable = Det går inte att anmäla sig till det här evenemanget härifrån.

# Flytta en grupp till en annan instans (issue 15)
group-moving-link = Flytta den här gruppen till en annan instans
group-moving-title = Flytt av gruppen { $group }
group-moving-moved-saved = Gruppen har flyttat. Dess följare har fått veta det.
group-moved-notice = Den här gruppen har flyttat till
group-moving-aliases-heading = Den här gruppen på andra ställen
group-moving-aliases-intro = För att flytta en grupp från en annan instans hit, ange den här först: en per rad, som @namn@värd eller dess adress.
group-moving-aliases-label = Gruppens andra adresser
group-moving-move-heading = Flytta till en grupp på en annan instans
group-moving-move-intro = Den nya gruppen måste först ange { $group } som alias. Gruppens följare kommer att följa den nya gruppen, och den här finns kvar, markerad som flyttad.
group-moving-move-label = Den nya gruppen
group-moving-move-button = Flytta den här gruppen
modlog-kind-group-moved = Grupp flyttad
field-error-group-moved = Den här gruppen har flyttat till { $place } och tar inte emot nya inlägg här.

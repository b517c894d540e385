# Flytning af en gruppe til en anden instans (issue 15)
group-moving-link = Flyt denne gruppe til en anden instans
group-moving-title = Flytning af gruppen { $group }
group-moving-moved-saved = Gruppen er flyttet. Dens følgere har fået besked.
group-moved-notice = Denne gruppe er flyttet til
group-moving-aliases-heading = Denne gruppe andre steder
group-moving-aliases-intro = For at flytte en gruppe fra en anden instans hertil skal du først nævne den her: én pr. linje, som @navn@vært eller dens adresse.
group-moving-aliases-label = Gruppens andre adresser
group-moving-move-heading = Flyt til en gruppe på en anden instans
group-moving-move-intro = Den nye gruppe skal først angive { $group } som alias. Gruppens følgere vil følge den nye gruppe, og denne forbliver, markeret som flyttet.
group-moving-move-label = Den nye gruppe
group-moving-move-button = Flyt denne gruppe
modlog-kind-group-moved = Gruppe flyttet
field-error-group-moved = Denne gruppe er flyttet til { $place } og tager ikke imod nye indlæg her.

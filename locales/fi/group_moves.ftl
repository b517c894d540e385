# Ryhmän siirtäminen toiseen instanssiin (issue 15)
group-moving-link = Siirrä tämä ryhmä toiseen instanssiin
group-moving-title = Ryhmän { $group } siirto
group-moving-moved-saved = Ryhmä on siirretty. Sen seuraajille on kerrottu.
group-moved-notice = Tämä ryhmä on siirtynyt osoitteeseen
group-moving-aliases-heading = Tämä ryhmä muualla
group-moving-aliases-intro = Jos haluat siirtää ryhmän toisesta instanssista tänne, nimeä se ensin tässä: yksi riviä kohden, muodossa @nimi@palvelin tai sen osoitteena.
group-moving-aliases-label = Ryhmän muut osoitteet
group-moving-move-heading = Siirrä toisen instanssin ryhmään
group-moving-move-intro = Uuden ryhmän on ensin lueteltava { $group } aliaksenaan. Ryhmän seuraajat seuraavat sitten uutta ryhmää, ja tämä ryhmä jää paikalleen siirretyksi merkittynä.
group-moving-move-label = Uusi ryhmä
group-moving-move-button = Siirrä tämä ryhmä
modlog-kind-group-moved = Ryhmä siirretty
field-error-group-moved = Tämä ryhmä on siirtynyt osoitteeseen { $place } eikä ota täällä vastaan uusia viestejä.

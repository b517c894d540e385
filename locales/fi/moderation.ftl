# Suljetun ryhmän seuraamispyynnöt sen moderaattoreille.

follow-requests-link = Seuraamispyynnöt
follow-requests-title = Seuraamispyynnöt: { $group }
follow-requests-closed-label = Yksityinen ryhmä: uudet seuraajat on hyväksyttävä, ja vain jäsenet näkevät sen ketjut
follow-requests-save = Tallenna
follow-requests-closed = Tämä ryhmä on yksityinen: uudet seuraajat on hyväksyttävä, ja vain sen jäsenet näkevät sen ketjut.
follow-requests-open = Kuka tahansa voi seurata tätä ryhmää; vain omistaja voi muuttaa sen.
follow-requests-approve = Hyväksy
follow-requests-reject = Hylkää
follow-requests-none = Ei odottavia pyyntöjä.

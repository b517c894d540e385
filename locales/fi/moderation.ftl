# Suljetun ryhmän seuraamispyynnöt sen moderaattoreille.

follow-requests-link = Seuraamispyynnöt
follow-requests-title = Seuraamispyynnöt: { $group }
follow-requests-closed-label = Uudet seuraajat on hyväksyttävä
follow-requests-save = Tallenna
follow-requests-closed = Tämän ryhmän uudet seuraajat on hyväksyttävä.
follow-requests-open = Kuka tahansa voi seurata tätä ryhmää; vain omistaja voi muuttaa sen.
follow-requests-approve = Hyväksy
follow-requests-reject = Hylkää
follow-requests-none = Ei odottavia pyyntöjä.

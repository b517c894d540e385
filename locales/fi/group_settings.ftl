# Ryhmän muokkaus (otsikko, kuvaus, kielet) ja järjestäjien vastaukset osallistumiseen muiden
# instanssien tapahtumiin.

group-settings-link = Muokkaa ryhmää
group-settings-title = Muokkaa ryhmää { $group }
group-settings-languages = Ryhmän kielet
group-settings-languages-hint = Kielet, joilla täällä kirjoitetaan. Kaikki voivat silti lukea ja kirjoittaa millä tahansa kielellä.
group-settings-save = Tallenna ryhmä
group-languages = Kielet:

event-join-restricted = Järjestäjä hyväksyy jokaisen osallistujan.
event-rsvp-waiting = Pyysit päästä mukaan. Odotetaan, että järjestäjä vahvistaa paikkasi.
event-rsvp-confirmed = Paikkasi on vahvistettu.
event-rsvp-declined = Järjestäjä hylkäsi osallistumispyyntösi.
event-join-invite = Vain järjestäjien kutsumat voivat osallistua, joten et voi ilmoittautua täältä.
event-join-external = Tapahtumaan ilmoittaudutaan toisella verkkosivustolla, joten et voi ilmoittautua täältä.
event-join-original = Avaa tapahtuma sen omalla sivulla
field-error-event-not-joinable = Tähän tapahtumaan ei voi ilmoittautua täältä.

# Medlemmer som organisationer og personer; optagelse i netværket (godkendelse, invitationer).

org-type-municipality = Kommune
org-type-company = Virksomhed
org-type-municipal-utility = Forsyningsselskab
org-type-association = Forening / NGO
org-type-school = Skole
org-type-research = Forskningsinstitution
org-type-public-authority = Offentlig myndighed
org-type-citizen = Borger
settings-org-heading = Organisation
settings-org-hint = Hvis profilen taler for en organisation, så vælg dens type og angiv dens navn. Andre ser det på din profil, også på andre servere.
settings-org-none = En person, ikke en organisation
settings-org-type = Type
settings-org-name = Organisationens navn
settings-org-location = Sted
settings-org-website = Websted
profile-org-location = Sted
profile-org-website = Websted
login-pending = Din ansøgning om optagelse er ikke godkendt endnu. Du kan logge ind, så snart en koordinator godkender den.
login-rejected = Din ansøgning om optagelse blev ikke godkendt.
login-rejected-with-message = Din ansøgning om optagelse blev ikke godkendt. Besked fra koordinatorerne: { $message }
register-approval-note = Nye medlemmer godkendes af netværkets koordinatorer. Fortæl, hvem du er; du kan logge ind, når din ansøgning er godkendt.
register-reason-hint = Kun koordinatorerne ser dit svar.
register-apply = Søg om optagelse
register-invite-needed = For at blive medlem af netværket skal du have et invitationslink fra en koordinator. Åbn det link, du har fået, eller bed koordinatorerne om et.
register-applied-title = Ansøgning modtaget
register-applied-text = Tak. Koordinatorerne ser på din ansøgning; du kan logge ind, så snart den er godkendt.
nav-registrations = Tilmeldinger
applications-title = Ansøgninger om optagelse
applications-mode = Tilmeldingsform: { $mode }.
applications-question = Spørgsmål til ansøgere:
applications-applied = ansøgt { $date }
applications-message = Besked til ansøgeren (valgfri)
applications-approve = Godkend
applications-reject = Afvis
applications-none = Ingen ansøgninger venter.
invites-title = Invitationslinks
invites-not-invite-mode = Tilmelding er ikke i invitationstilstand, så tilmeldingssiden spørger ikke efter en invitation. Links lavet her virker stadig, så længe de er gyldige.
invites-created = Det nye invitationslink. Kopiér det nu: det vises kun én gang.
invites-link = Invitationslink
invites-max-uses = Hvor mange må bruge det (tomt: ingen grænse)
invites-valid-days = Gyldigt i hvor mange dage (tomt: ingen grænse)
invites-create = Lav invitationslink
invites-created-at = Oprettet
invites-by = Af
invites-used = Brugt
invites-expires = Udløber
invites-state = Tilstand
invites-live = gyldigt
invites-spent = brugt op eller udløbet
invites-delete = Slet
invites-none = Ingen invitationslinks endnu.
invites-never = aldrig
invites-uses =
    { $count ->
        [one] brugt én gang
       *[other] brugt { $count } gange
    }
invites-uses-of = { $count } af { $max } brugt
field-error-org-type = Vælg en af de tilbudte typer.
field-error-website = Angiv en webadresse, der begynder med https:// eller http://.
field-error-invite = Invitationslinket er ugyldigt eller udløbet.
field-error-decision = Godkend eller afvis.
field-error-whole-number = Angiv et helt tal fra { $min } til { $max }.

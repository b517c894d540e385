# Medlemmar som organisationer och personer; att gå med i nätverket (godkännande, inbjudningar).

org-type-municipality = Kommun
org-type-company = Företag
org-type-municipal-utility = Kommunalt energibolag
org-type-association = Förening / NGO
org-type-school = Skola
org-type-research = Forskningsinstitution
org-type-public-authority = Myndighet
org-type-citizen = Medborgare
settings-org-heading = Organisation
settings-org-hint = Om profilen talar för en organisation, välj dess typ och ange dess namn. Andra ser det på din profil, även på andra servrar.
settings-org-none = En person, inte en organisation
settings-org-type = Typ
settings-org-name = Organisationens namn
settings-org-location = Ort
settings-org-website = Webbplats
profile-org-location = Ort
profile-org-website = Webbplats
login-pending = Din ansökan om medlemskap är inte godkänd än. Du kan logga in så snart en samordnare godkänner den.
login-rejected = Din ansökan om medlemskap godkändes inte.
login-rejected-with-message = Din ansökan om medlemskap godkändes inte. Meddelande från samordnarna: { $message }
register-approval-note = Nya medlemmar godkänns av nätverkets samordnare. Berätta vem du är; du kan logga in när din ansökan är godkänd.
register-reason-hint = Bara samordnarna ser ditt svar.
register-apply = Ansök om medlemskap
register-invite-needed = För att gå med i nätverket behöver du en inbjudningslänk från en samordnare. Öppna länken du fick, eller be samordnarna om en.
register-applied-title = Ansökan mottagen
register-applied-text = Tack. Samordnarna tittar på din ansökan; du kan logga in så snart den är godkänd.
nav-registrations = Registreringar
applications-title = Ansökningar om medlemskap
applications-mode = Registreringsläge: { $mode }.
applications-question = Fråga till sökande:
applications-applied = ansökte { $date }
applications-message = Meddelande till den sökande (valfritt)
applications-approve = Godkänn
applications-reject = Avslå
applications-none = Inga ansökningar väntar.
invites-title = Inbjudningslänkar
invites-not-invite-mode = Registreringen är inte i inbjudningsläge, så registreringssidan frågar inte efter en inbjudan. Länkar som skapas här fungerar ändå så länge de är giltiga.
invites-created = Den nya inbjudningslänken. Kopiera den nu: den visas bara en gång.
invites-link = Inbjudningslänk
invites-max-uses = Hur många som får använda den (tomt: ingen gräns)
invites-valid-days = Giltig i hur många dagar (tomt: ingen gräns)
invites-create = Skapa inbjudningslänk
invites-created-at = Skapad
invites-by = Av
invites-used = Använd
invites-expires = Går ut
invites-state = Status
invites-live = giltig
invites-spent = förbrukad eller utgången
invites-delete = Ta bort
invites-none = Inga inbjudningslänkar än.
invites-never = aldrig
invites-uses =
    { $count ->
        [one] använd en gång
       *[other] använd { $count } gånger
    }
invites-uses-of = { $count } av { $max } använda
field-error-org-type = Välj en av de erbjudna typerna.
field-error-website = Ange en webbadress som börjar med https:// eller http://.
field-error-invite = Inbjudningslänken är ogiltig eller har gått ut.
field-error-decision = Godkänn eller avslå.
field-error-whole-number = Ange ett heltal från { $min } till { $max }.

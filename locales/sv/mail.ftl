# E-post (ren text) och sidorna för e-postfunktioner.
mail-greeting = Hej { $name },
mail-unsubscribe = Om du inte vill få fler aviseringar eller sammanfattningar via e-post, följ den här länken (ingen inloggning behövs): { $link }
mail-test-subject = Testmejl från { $instance }
mail-test-body = Det här är ett testmejl från { $instance }. Om du kan läsa det fungerar utgående e-post.
mail-reset-subject = Återställ ditt lösenord på { $instance }
mail-reset-body = Någon, förhoppningsvis du, har bett om att återställa lösenordet för ditt konto på { $instance }. Välj ett nytt lösenord med den här länken inom { $hours } timmar; den fungerar en gång:
mail-reset-ignore = Om du inte bad om detta kan du strunta i det här mejlet: ditt lösenord förblir oförändrat.
mail-confirm-subject = Bekräfta din e-postadress på { $instance }
mail-confirm-body = Bekräfta din e-postadress för { $instance } med den här länken inom { $hours } timmar; sedan kan du logga in:
mail-change-subject = Bekräfta din nya e-postadress på { $instance }
mail-change-body = Bekräfta med den här länken inom { $hours } timmar att detta är den nya e-postadressen för ditt konto på { $instance }:
mail-confirm-ignore = Om det inte var du kan du strunta i det här mejlet.
mail-approved-subject = Välkommen till { $instance }
mail-approved-body = Din ansökan om att gå med i { $instance } har godkänts. Du kan logga in nu:
mail-rejected-subject = Din ansökan till { $instance }
mail-rejected-body = Din ansökan om att gå med i { $instance } godkändes inte.
mail-decision-message = Meddelande från samordnarna: { $message }
mail-report-subject = Din anmälan på { $instance } har hanterats
mail-report-body = Moderatorerna på { $instance } har hanterat din anmälan om { $target }. Tack för din hjälp.
mail-report-note = Anteckning från moderatorerna: { $note }
mail-digest-subject-daily = Din dagliga sammanfattning från { $instance }
mail-digest-subject-weekly = Din veckosammanfattning från { $instance }
mail-digest-intro = Det här har hänt sedan din senaste sammanfattning:
mail-digest-replies = { $count ->
    [one] 1 nytt svar i trådar du bevakar:
   *[other] { $count } nya svar i trådar du bevakar:
}
mail-digest-mentions = { $count ->
    [one] 1 svar till dig eller omnämnande:
   *[other] { $count } svar till dig eller omnämnanden:
}
mail-digest-threads = { $count ->
    [one] 1 ny tråd i grupper du bevakar:
   *[other] { $count } nya trådar i grupper du bevakar:
}
mail-digest-settings = Ändra eller stoppa sammanfattningen i dina inställningar: { $link }
login-forgot-link = Glömt lösenordet?
login-unconfirmed = Bekräfta först din e-postadress: följ länken i mejlet vi skickade dig.
forgot-title = Glömt lösenordet?
forgot-intro = Ange e-postadressen för ditt konto. Vi skickar en länk där du kan välja ett nytt lösenord.
forgot-email = E-postadress
forgot-submit = Skicka länken
forgot-sent = { $count ->
    [one] Om ett konto har den här adressen är ett mejl med en länk på väg. Länken gäller i 1 timme.
   *[other] Om ett konto har den här adressen är ett mejl med en länk på väg. Länken gäller i { $count } timmar.
}
forgot-no-mail = Det här forumet skickar ingen e-post, så lösenord kan inte återställas via e-post här. Be en administratör om hjälp: de kan ge dig ett nytt lösenord.
forgot-back-to-login = Tillbaka till inloggningen
reset-title = Välj ett nytt lösenord
reset-invalid = Den här länken kan inte användas: den har redan använts eller har gått ut.
reset-ask-again = Be om en ny länk
reset-submit = Spara det nya lösenordet
reset-done-title = Lösenordet har ändrats
reset-done = Ditt lösenord har ändrats och du har loggats ut överallt. Logga in med det nya lösenordet.
reset-sign-in = Logga in
confirm-done-title = E-postadressen är bekräftad
confirm-done-text = Din e-postadress är bekräftad. Du kan logga in nu.
confirm-changed-text = Din e-postadress är nu { $email }.
confirm-to-settings = Tillbaka till dina inställningar
confirm-invalid-title = Ogiltig länk
confirm-invalid-text = Den här länken kan inte användas: den har redan använts eller har gått ut.
unsubscribe-title = Avsluta prenumeration
unsubscribe-text = Inte längre få aviseringar eller sammanfattningar via e-post från { $instance }? E-post du själv ber om, som återställning av lösenord, når dig fortfarande.
unsubscribe-submit = Avsluta prenumeration
unsubscribe-done = Du har avslutat prenumerationen: inga fler aviseringar eller sammanfattningar via e-post. Du kan välja en sammanfattning igen i dina inställningar.
unsubscribe-invalid = Den här avregistreringslänken är ogiltig.
register-confirm-title = Titta i din e-post
register-confirm-text = Vi har skickat ett mejl till { $email }. Följ länken i det för att bekräfta din adress; sedan kan du logga in.
security-email-confirmation-sent = Vi har skickat en länk till den nya adressen. Din adress ändras när du följer den.
settings-mail-saved = Dina e-postinställningar har sparats.
settings-mail-title = E-post
settings-digest-label = Sammanfattning av svar, omnämnanden och nya trådar i bevakade grupper
settings-digest-off = Ingen sammanfattning
settings-digest-daily = Dagligen
settings-digest-weekly = Varje vecka
settings-digest-save = Spara e-postinställningar

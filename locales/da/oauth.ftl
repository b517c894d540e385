# The page where a person lets a Mastodon app use their account.

oauth-title = Godkend { $app }
oauth-wants = { $app } vil gerne bruge din konto på denne instans.
oauth-asks = Den beder om disse tilladelser:
oauth-signed-in-as = Logget ind som { $name }.
oauth-approve = Godkend
oauth-deny = Afvis
oauth-code-title = Godkendelseskode
oauth-code-paste = Kopiér denne kode, og indsæt den i { $app }:
oauth-enter-credentials = Indtast dit brugernavn og din adgangskode.

# The page where a person lets a Mastodon app use their account.

oauth-title = Godkänn { $app }
oauth-wants = { $app } vill använda ditt konto på den här instansen.
oauth-asks = Appen ber om följande behörigheter:
oauth-signed-in-as = Inloggad som { $name }.
oauth-approve = Godkänn
oauth-deny = Neka
oauth-code-title = Behörighetskod
oauth-code-paste = Kopiera koden och klistra in den i { $app }:
oauth-enter-credentials = Ange ditt användarnamn och lösenord.

# The page where a person lets a Mastodon app use their account.

oauth-title = { $app } autorisieren
oauth-wants = { $app } möchte Ihr Konto auf dieser Instanz nutzen.
oauth-asks = Die App bittet um diese Berechtigungen:
oauth-signed-in-as = Angemeldet als { $name }.
oauth-approve = Autorisieren
oauth-deny = Ablehnen
oauth-code-title = Autorisierungscode
oauth-code-paste = Kopieren Sie diesen Code und fügen Sie ihn in { $app } ein:
oauth-enter-credentials = Geben Sie Ihren Benutzernamen und Ihr Passwort ein.

# The page where a person lets a Mastodon app use their account.

oauth-title = Valtuuta { $app }
oauth-wants = { $app } haluaa käyttää tiliäsi tällä instanssilla.
oauth-asks = Se pyytää seuraavia oikeuksia:
oauth-signed-in-as = Kirjautuneena käyttäjänä { $name }.
oauth-approve = Valtuuta
oauth-deny = Hylkää
oauth-code-title = Valtuutuskoodi
oauth-code-paste = Kopioi tämä koodi ja liitä se sovellukseen { $app }:
oauth-enter-credentials = Anna käyttäjänimesi ja salasanasi.

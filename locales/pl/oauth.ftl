# The page where a person lets a Mastodon app use their account.

oauth-title = Autoryzuj aplikację { $app }
oauth-wants = Aplikacja { $app } chce korzystać z Twojego konta na tej instancji.
oauth-asks = Prosi o następujące uprawnienia:
oauth-signed-in-as = Zalogowano jako { $name }.
oauth-approve = Autoryzuj
oauth-deny = Odmów
oauth-code-title = Kod autoryzacji
oauth-code-paste = Skopiuj ten kod i wklej go w aplikacji { $app }:
oauth-enter-credentials = Podaj nazwę użytkownika i hasło.

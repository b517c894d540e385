# Rejestracja, logowanie, ustawienia profilu i komunikaty przy polach formularzy.

field-username = Nazwa użytkownika
field-password = Hasło
login-title = Logowanie
login-submit = Zaloguj się
login-new-here-html = Nie masz konta? <a href="/register">Zarejestruj się</a>.
login-wrong = Nieprawidłowa nazwa użytkownika lub hasło.
login-locked = Zbyt wiele nieudanych prób logowania. To konto jest tymczasowo zablokowane; spróbuj ponownie później.
register-title = Rejestracja
register-username-hint = Małe litery, cyfry, _ i -. Inni będą cię widzieć jako @nazwa.
register-email = E-mail
register-password-again = Powtórz hasło
register-submit = Zarejestruj się
register-already-html = Masz już konto? <a href="/login">Zaloguj się</a>.
settings-title = Ustawienia profilu
settings-heading = Profil
settings-saved = Twój profil został zapisany.
settings-display-name = Wyświetlana nazwa
settings-bio = O sobie
settings-language = Preferowany język
field-error-empty = Wypełnij to pole.
field-error-required = To pole jest wymagane.
field-error-too-short =
    { $count ->
        [one] Wpisz co najmniej { $count } znak.
        [few] Wpisz co najmniej { $count } znaki.
        [many] Wpisz co najmniej { $count } znaków.
       *[other] Wpisz co najmniej { $count } znaku.
    }
field-error-too-long =
    { $count ->
        [one] Wpisz najwyżej { $count } znak.
        [few] Wpisz najwyżej { $count } znaki.
        [many] Wpisz najwyżej { $count } znaków.
       *[other] Wpisz najwyżej { $count } znaku.
    }
field-error-control-characters = Usuń znaki sterujące.
field-error-single-line = Tekst musi się zmieścić w jednym wierszu.
field-error-email-invalid = To nie jest prawidłowy adres e-mail.
field-error-email-registered = Ten adres e-mail jest już zarejestrowany.
field-error-name-taken = Ta nazwa jest już zajęta.
field-error-name-length = Użyj od { $min } do { $max } znaków.
field-error-name-characters = Używaj tylko małych liter a–z, cyfr, _ i -.
field-error-name-start = Zacznij od litery lub cyfry.
field-error-name-reserved = Ta nazwa jest zarezerwowana; wybierz inną.
field-error-group-kind = Wybierz grupę projektową lub dyskusyjną.
field-error-language-code = Użyj dwuliterowego kodu języka.
field-error-language-unknown = Wybierz jeden z dostępnych języków.
field-error-password-mismatch = Hasła nie są takie same.
field-error-policy = Wybierz: zablokuj, zezwól lub domyślnie.
field-error-host = To nie jest nazwa hosta.

# Wiadomości e-mail (zwykły tekst) i strony funkcji poczty.
mail-greeting = Dzień dobry { $name },
mail-unsubscribe = Aby nie otrzymywać więcej powiadomień ani podsumowań e-mailem, otwórz ten link (bez logowania): { $link }
mail-test-subject = Wiadomość testowa z { $instance }
mail-test-body = To jest wiadomość testowa z { $instance }. Jeśli ją czytasz, wysyłanie poczty działa.
mail-reset-subject = Zresetuj hasło w { $instance }
mail-reset-body = Ktoś, mamy nadzieję, że Ty, poprosił o zresetowanie hasła Twojego konta w { $instance }. Wybierz nowe hasło tym linkiem w ciągu { $hours } godz.; działa jeden raz:
mail-reset-ignore = Jeśli to nie Ty, zignoruj tę wiadomość: Twoje hasło pozostaje bez zmian.
mail-confirm-subject = Potwierdź adres e-mail w { $instance }
mail-confirm-body = Potwierdź swój adres e-mail w { $instance } tym linkiem w ciągu { $hours } godz.; potem możesz się zalogować:
mail-change-subject = Potwierdź nowy adres e-mail w { $instance }
mail-change-body = Potwierdź tym linkiem w ciągu { $hours } godz., że to nowy adres e-mail Twojego konta w { $instance }:
mail-confirm-ignore = Jeśli to nie Ty, zignoruj tę wiadomość.
mail-approved-subject = Witamy w { $instance }
mail-approved-body = Twój wniosek o dołączenie do { $instance } został zaakceptowany. Możesz się teraz zalogować:
mail-rejected-subject = Twój wniosek do { $instance }
mail-rejected-body = Twój wniosek o dołączenie do { $instance } nie został zaakceptowany.
mail-decision-message = Wiadomość od koordynatorów: { $message }
mail-report-subject = Twoje zgłoszenie w { $instance } zostało rozpatrzone
mail-report-body = Moderatorzy { $instance } rozpatrzyli Twoje zgłoszenie dotyczące { $target }. Dziękujemy za pomoc.
mail-report-note = Uwaga moderatorów: { $note }
mail-digest-subject-daily = Twoje dzienne podsumowanie z { $instance }
mail-digest-subject-weekly = Twoje tygodniowe podsumowanie z { $instance }
mail-digest-intro = Oto co wydarzyło się od ostatniego podsumowania:
mail-digest-replies = { $count ->
    [one] 1 nowa odpowiedź w obserwowanych wątkach:
    [few] { $count } nowe odpowiedzi w obserwowanych wątkach:
   *[many] { $count } nowych odpowiedzi w obserwowanych wątkach:
}
mail-digest-mentions = { $count ->
    [one] 1 odpowiedź do Ciebie lub wzmianka:
    [few] { $count } odpowiedzi do Ciebie lub wzmianki:
   *[many] { $count } odpowiedzi do Ciebie lub wzmianek:
}
mail-digest-threads = { $count ->
    [one] 1 nowy wątek w obserwowanych grupach:
    [few] { $count } nowe wątki w obserwowanych grupach:
   *[many] { $count } nowych wątków w obserwowanych grupach:
}
mail-digest-settings = Zmień lub wyłącz podsumowanie w ustawieniach: { $link }
login-forgot-link = Nie pamiętasz hasła?
login-unconfirmed = Najpierw potwierdź adres e-mail: otwórz link z wiadomości, którą wysłaliśmy.
forgot-title = Nie pamiętasz hasła?
forgot-intro = Podaj adres e-mail swojego konta. Wyślemy link, którym wybierzesz nowe hasło.
forgot-email = Adres e-mail
forgot-submit = Wyślij link
forgot-sent = { $count ->
    [one] Jeśli jakieś konto ma ten adres, wiadomość z linkiem jest w drodze. Link jest ważny 1 godzinę.
    [few] Jeśli jakieś konto ma ten adres, wiadomość z linkiem jest w drodze. Link jest ważny { $count } godziny.
   *[many] Jeśli jakieś konto ma ten adres, wiadomość z linkiem jest w drodze. Link jest ważny { $count } godzin.
}
forgot-no-mail = To forum nie wysyła poczty, więc hasła nie można tu zresetować e-mailem. Poproś administratora: może nadać Ci nowe hasło.
forgot-back-to-login = Powrót do logowania
reset-title = Wybierz nowe hasło
reset-invalid = Tego linku nie można użyć: został już użyty lub wygasł.
reset-ask-again = Poproś o nowy link
reset-submit = Zapisz nowe hasło
reset-done-title = Hasło zmienione
reset-done = Twoje hasło zostało zmienione i wylogowano Cię wszędzie. Zaloguj się nowym hasłem.
reset-sign-in = Zaloguj się
confirm-done-title = Adres e-mail potwierdzony
confirm-done-text = Twój adres e-mail jest potwierdzony. Możesz się teraz zalogować.
confirm-changed-text = Twój adres e-mail to teraz { $email }.
confirm-to-settings = Powrót do ustawień
confirm-invalid-title = Nieprawidłowy link
confirm-invalid-text = Tego linku nie można użyć: został już użyty lub wygasł.
unsubscribe-title = Wypisz się
unsubscribe-text = Nie otrzymywać więcej powiadomień ani podsumowań e-mailem z { $instance }? Wiadomości, o które sam poprosisz, np. reset hasła, nadal będą docierać.
unsubscribe-submit = Wypisz się
unsubscribe-done = Wypisano Cię: nie będzie więcej powiadomień ani podsumowań e-mailem. Podsumowanie możesz znów wybrać w ustawieniach.
unsubscribe-invalid = Ten link do wypisania się jest nieprawidłowy.
register-confirm-title = Sprawdź pocztę
register-confirm-text = Wysłaliśmy wiadomość na adres { $email }. Otwórz link w niej, aby potwierdzić adres; potem możesz się zalogować.
security-email-confirmation-sent = Wysłaliśmy link na nowy adres. Adres zmieni się, gdy go otworzysz.
settings-mail-saved = Ustawienia poczty zostały zapisane.
settings-mail-title = Poczta
settings-digest-label = Podsumowanie odpowiedzi, wzmianek i nowych wątków w obserwowanych grupach
settings-digest-off = Bez podsumowania
settings-digest-daily = Codziennie
settings-digest-weekly = Co tydzień
settings-digest-save = Zapisz ustawienia poczty

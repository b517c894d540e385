# Członkowie jako organizacje i osoby; dołączanie do sieci (akceptacja, zaproszenia).

org-type-municipality = Gmina
org-type-company = Firma
org-type-municipal-utility = Przedsiębiorstwo komunalne
org-type-association = Stowarzyszenie / NGO
org-type-school = Szkoła
org-type-research = Instytucja badawcza
org-type-public-authority = Urząd
org-type-citizen = Mieszkanka / mieszkaniec
settings-org-heading = Organizacja
settings-org-hint = Jeśli ten profil występuje w imieniu organizacji, wybierz jej rodzaj i podaj nazwę. Inni zobaczą to w Twoim profilu, także na innych serwerach.
settings-org-none = Osoba, nie organizacja
settings-org-type = Rodzaj
settings-org-name = Nazwa organizacji
settings-org-location = Miejscowość
settings-org-website = Strona internetowa
profile-org-location = Miejscowość
profile-org-website = Strona internetowa
login-pending = Twoje zgłoszenie nie zostało jeszcze zaakceptowane. Zalogujesz się, gdy tylko koordynator je zaakceptuje.
login-rejected = Twoje zgłoszenie nie zostało zaakceptowane.
login-rejected-with-message = Twoje zgłoszenie nie zostało zaakceptowane. Wiadomość od koordynatorów: { $message }
register-approval-note = Nowych członków akceptują koordynatorzy sieci. Napisz, kim jesteś; zalogujesz się po akceptacji zgłoszenia.
register-reason-hint = Twoją odpowiedź widzą tylko koordynatorzy.
register-apply = Zgłoś chęć dołączenia
register-invite-needed = Aby dołączyć do tej sieci, potrzebujesz linku z zaproszeniem od koordynatora. Otwórz otrzymany link albo poproś o niego koordynatorów.
register-applied-title = Zgłoszenie przyjęte
register-applied-text = Dziękujemy. Koordynatorzy rozpatrzą Twoje zgłoszenie; zalogujesz się, gdy tylko zostanie zaakceptowane.
nav-registrations = Rejestracje
applications-title = Zgłoszenia do sieci
applications-mode = Tryb rejestracji: { $mode }.
applications-question = Pytanie do zgłaszających się:
applications-applied = zgłoszono { $date }
applications-message = Wiadomość do zgłaszającej się osoby (opcjonalnie)
applications-approve = Zaakceptuj
applications-reject = Odrzuć
applications-none = Nie ma oczekujących zgłoszeń.
invites-title = Linki z zaproszeniem
invites-not-invite-mode = Rejestracja nie jest w trybie zaproszeń, więc strona rejestracji nie pyta o zaproszenie. Utworzone tu linki i tak działają, dopóki są ważne.
invites-created = Nowy link z zaproszeniem. Skopiuj go teraz: jest pokazywany tylko raz.
invites-link = Link z zaproszeniem
invites-max-uses = Ile osób może go użyć (puste: bez limitu)
invites-valid-days = Przez ile dni jest ważny (puste: bez limitu)
invites-create = Utwórz link z zaproszeniem
invites-created-at = Utworzono
invites-by = Przez
invites-used = Użycia
invites-expires = Wygasa
invites-state = Stan
invites-live = ważny
invites-spent = wykorzystany lub wygasły
invites-delete = Usuń
invites-none = Nie ma jeszcze linków z zaproszeniem.
invites-never = nigdy
invites-uses =
    { $count ->
        [one] użyty { $count } raz
        [few] użyty { $count } razy
        [many] użyty { $count } razy
       *[other] użyty { $count } razy
    }
invites-uses-of = użyto { $count } z { $max }
field-error-org-type = Wybierz jeden z proponowanych rodzajów.
field-error-website = Wpisz adres strony zaczynający się od https:// lub http://.
field-error-invite = Ten link z zaproszeniem jest nieważny lub wygasł.
field-error-decision = Zaakceptuj albo odrzuć.
field-error-whole-number = Wpisz liczbę całkowitą od { $min } do { $max }.

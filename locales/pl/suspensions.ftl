# Admins suspend accounts and block instances.

login-suspended = To konto jest zawieszone. Powód podany przez administrację: { $reason }
login-suspended-short = To konto jest zawieszone.
admin-public-reason = Powód publiczny (widoczny na stronie „O serwerze”)

nav-accounts = Konta
admin-accounts-title = Konta
admin-accounts-explained = Osoby z tej i innych instancji, od najnowszych: nowe rejestracje są na górze.
admin-accounts-search = Nazwa
admin-accounts-origin = Skąd
admin-accounts-origin-all = wszędzie
admin-accounts-origin-local = ta instancja
admin-accounts-origin-remote = inne instancje
admin-accounts-search-button = Szukaj
admin-accounts-person = Osoba
admin-accounts-email = E-mail
admin-accounts-joined = Dołączenie
admin-accounts-state = Stan
admin-accounts-none = Nie znaleziono kont.
admin-accounts-older = Starsze konta
admin-account-active = aktywne
admin-account-pending = czeka na zatwierdzenie
admin-account-rejected = odrzucone
admin-account-suspended = zawieszone
admin-account-silenced = wyciszone (poza publicznymi osiami czasu)
admin-account-profile = Profil
admin-account-reason = Powód
admin-account-action = Działanie
admin-account-suspend = Zawieś: bez logowania, profil i wpisy ukryte, aktywności odrzucane
admin-account-unsuspend = Cofnij zawieszenie
admin-account-silence = Wycisz: poza publicznymi osiami czasu
admin-account-unsilence = Cofnij wyciszenie
admin-account-apply = Zastosuj

footer-about = O tej instancji
about-title = O { $instance }
about-contact = Kontakt:
about-blocked-title = Zablokowane instancje
about-blocked-explained = Ta instancja niczego do nich nie wysyła, niczego od nich nie przyjmuje i ukrywa to, co od nich miała.
about-blocked-host = Instancja
about-blocked-reason = Powód
about-blocked-none = Żadna instancja nie jest zablokowana.

# The spam protection of the register form.
register-honeypot = Pozostaw to pole puste
register-challenge = Przeciw spamowi: ile to jest { $sum }? (cyframi)

# Deleting an account for good.
admin-account-deleted = usunięte
admin-account-delete-title = Usuń na zawsze
admin-account-delete-explained = Wpisy konta zostaną usunięte, jego obserwacje się zakończą, a instancje, które je obserwują lub które ono obserwuje, dowiedzą się, że go już nie ma. Nazwa pozostaje zajęta. Tego nie można cofnąć.
admin-account-delete-confirm = Usuń to konto na zawsze
admin-account-delete = Usuń konto

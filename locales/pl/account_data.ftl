# Odejście i przeprowadzka: eksport danych, import obserwowanych i blokad, usunięcie konta.

account-data-settings-link = Eksportuj, importuj lub usuń konto
account-data-title = Twoje dane i konto
account-data-export-heading = Eksportuj swoje dane
account-data-export-hint = Plik zip z Twoim profilem, wpisami (jako skrzynka nadawcza ActivityPub), osobami i grupami, które obserwujesz, blokujesz i wyciszasz (jako pliki CSV w formacie Mastodona), oraz przesłanymi obrazami.
account-data-export-download = Pobierz moje dane
account-data-import-heading = Importuj obserwowanych lub blokady
account-data-import-hint = Plik CSV wyeksportowany przez Mastodona lub Allmende (following_accounts.csv lub blocked_accounts.csv) albo jeden adres w rodzaju name@example.org w wierszu.
account-data-import-kind = Importuj jako
account-data-import-follows = Obserwowani
account-data-import-blocks = Blokady
account-data-import-file = Plik CSV
account-data-import-submit = Importuj
account-data-import-choose-kind = Wybierz, czy importować obserwowanych, czy blokady.
account-data-import-empty = Plik jest pusty lub nie zawiera żadnych kont.
account-data-import-not-text = To nie jest plik tekstowy (CSV). Wybierz plik CSV wyeksportowany przez Mastodona lub Allmende.
account-data-import-malformed = Wiersz { $line } pliku nie jest poprawnym CSV.
account-data-import-too-many = Plik zawiera { $found } kont; naraz importuje się najwyżej { $limit }. Podziel go na mniejsze pliki.
account-data-import-imported = { $count ->
    [one] Zaimportowano jedno konto.
    [few] Zaimportowano { $count } konta.
   *[other] Zaimportowano { $count } kont.
}
account-data-import-failed = { $count ->
    [one] Jeden wiersz nie został zaimportowany:
    [few] { $count } wiersze nie zostały zaimportowane:
   *[other] { $count } wierszy nie zostało zaimportowanych:
}
account-data-import-failed-caption = Niezaimportowane wiersze
account-data-import-line = Wiersz
account-data-import-address = Adres
account-data-import-reason = Powód
import-failed-not-address = to nie jest adres w rodzaju name@example.org
import-failed-not-found = pod tym adresem nikogo nie znaleziono
import-failed-refused = odrzucono
import-failed-not-tried = nie próbowano: import trwał zbyt długo; zaimportuj plik ponownie
account-data-delete-heading = Usuń konto
account-data-delete-hint = { $count ->
    [0] Twoje wpisy zostaną oznaczone jako usunięte, obrazy, obserwowani, blokady i sesje usunięte, a inne instancje powiadomione. Twoja nazwa pozostanie zarezerwowana. Stanie się to od razu.
    [one] Twoje wpisy zostaną oznaczone jako usunięte, obrazy, obserwowani, blokady i sesje usunięte, a inne instancje powiadomione. Twoja nazwa pozostanie zarezerwowana. Stanie się to po jednym dniu; do tego czasu możesz się zalogować i anulować.
   *[other] Twoje wpisy zostaną oznaczone jako usunięte, obrazy, obserwowani, blokady i sesje usunięte, a inne instancje powiadomione. Twoja nazwa pozostanie zarezerwowana. Stanie się to po { $count } dniach; do tego czasu możesz się zalogować i anulować.
}
account-data-delete-submit = Usuń moje konto
account-data-delete-pending = Twoje konto zostanie usunięte { $date }.
account-data-delete-cancel = Zachowaj moje konto
account-data-deletion-requested = Twoje konto zostanie usunięte. Do tego czasu możesz to anulować.
account-data-deletion-cancelled = Twoje konto nie zostanie usunięte.

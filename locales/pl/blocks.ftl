# Blokowanie i wyciszanie osób i domen: przyciski na profilu, zastępcze wpisy w wątkach, strona ustawień.

blocks-hidden-blocked = ukryte: zablokowano tę osobę
blocks-hidden-muted = ukryte: wyciszono tę osobę
blocks-block = Zablokuj
blocks-unblock = Odblokuj
blocks-mute = Wycisz
blocks-unmute = Wyłącz wyciszenie
blocks-profile-blocked = Ta osoba jest przez Ciebie zablokowana.
blocks-profile-muted = Ta osoba jest przez Ciebie wyciszona.
blocks-settings-link = Zablokowane i wyciszone osoby, zablokowane domeny
blocks-title = Blokady i wyciszenia
blocks-people-blocked = Zablokowane osoby
blocks-people-muted = Wyciszone osoby
blocks-domains = Zablokowane domeny
blocks-none = Nikt.
blocks-domains-none = Brak domen.
blocks-domain-field = Domena
blocks-domain-hint = Wpisy i powiadomienia z tej domeny i jej subdomen są przed Tobą ukryte, a osoby stamtąd przestają Cię obserwować.
blocks-domain-submit = Zablokuj domenę
blocks-mute-duration = Wycisz na
blocks-mute-indefinitely = dopóki nie wyłączę
blocks-mute-hour = 1 godzinę
blocks-mute-day = 1 dzień
blocks-mute-week = 7 dni
blocks-mute-notifications = ukryj też powiadomienia od tej osoby

# Zablokowane wątki (Lock z Lemmy): zablokowany wątek nie przyjmuje nowych odpowiedzi.
thread-locked-notice = Ten wątek jest zablokowany: nie można dodawać nowych odpowiedzi.
thread-lock = Zablokuj wątek
thread-unlock = Odblokuj wątek

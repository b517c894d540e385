# Pinned threads (moderators pin a thread to the top of its group).
thread-pin = Przypnij wątek
thread-unpin = Odepnij wątek
thread-pinned = Przypięty

# Pinned threads (moderators pin a thread to the top of its group).
thread-pin = Fastgør tråd
thread-unpin = Frigør tråd
thread-pinned = Fastgjort

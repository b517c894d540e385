# Pinned threads (moderators pin a thread to the top of its group).
thread-pin = Thema anheften
thread-unpin = Thema lösen
thread-pinned = Angeheftet

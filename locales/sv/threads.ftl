# Pinned threads (moderators pin a thread to the top of its group).
thread-pin = Fäst tråden
thread-unpin = Lossa tråden
thread-pinned = Fäst

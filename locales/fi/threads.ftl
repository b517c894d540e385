# Pinned threads (moderators pin a thread to the top of its group).
thread-pin = Kiinnitä ketju
thread-unpin = Irrota ketju
thread-pinned = Kiinnitetty

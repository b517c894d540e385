# Pinned threads (moderators pin a thread to the top of its group).
thread-pin = Pin thread
thread-unpin = Unpin thread
thread-pinned = Pinned

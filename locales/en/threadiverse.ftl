# Thread locks (Lemmy's Lock): a locked thread takes no new replies.
thread-locked-notice = This thread is locked: it takes no new replies.
thread-lock = Lock thread
thread-unlock = Unlock thread

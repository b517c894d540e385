# Gesperrte Themen (Lemmys Lock): ein gesperrtes Thema nimmt keine neuen Antworten an.
thread-locked-notice = Dieses Thema ist gesperrt: Neue Antworten sind nicht möglich.
thread-lock = Thema sperren
thread-unlock = Thema entsperren

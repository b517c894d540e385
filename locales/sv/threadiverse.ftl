# Låsta trådar (Lemmys Lock): en låst tråd tar inte emot nya svar.
thread-locked-notice = Den här tråden är låst: den tar inte emot nya svar.
thread-lock = Lås tråden
thread-unlock = Lås upp tråden

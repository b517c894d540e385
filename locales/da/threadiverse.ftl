# Låste tråde (Lemmys Lock): en låst tråd tager ikke imod nye svar.
thread-locked-notice = Denne tråd er låst: den tager ikke imod nye svar.
thread-lock = Lås tråd
thread-unlock = Lås tråd op

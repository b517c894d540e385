# Admins suspend accounts and block instances.

login-suspended = Det här kontot är avstängt. Administratörernas motivering: { $reason }
login-suspended-short = Det här kontot är avstängt.
admin-public-reason = Offentlig motivering (visas på sidan Om)

# Admins suspend accounts and block instances.

login-suspended = Dieses Konto ist gesperrt. Begründung der Administration: { $reason }
login-suspended-short = Dieses Konto ist gesperrt.
admin-public-reason = Öffentliche Begründung (auf der Seite „Über“)

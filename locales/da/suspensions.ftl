# Admins suspend accounts and block instances.

login-suspended = Denne konto er suspenderet. Administratorernes begrundelse: { $reason }
login-suspended-short = Denne konto er suspenderet.
admin-public-reason = Offentlig begrundelse (vises på siden Om)

# Admins suspend accounts and block instances.

login-suspended = To konto jest zawieszone. Powód podany przez administrację: { $reason }
login-suspended-short = To konto jest zawieszone.
admin-public-reason = Powód publiczny (widoczny na stronie „O serwerze”)

# Admins suspend accounts and block instances.

login-suspended = This account is suspended. Reason given by the admins: { $reason }
login-suspended-short = This account is suspended.
admin-public-reason = Public reason (shown on the About page)

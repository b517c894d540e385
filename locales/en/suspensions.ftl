# Admins suspend accounts and block instances.

login-suspended = This account is suspended. Reason given by the admins: { $reason }
login-suspended-short = This account is suspended.
admin-public-reason = Public reason (shown on the About page)

nav-accounts = Accounts
admin-accounts-title = Accounts
admin-accounts-explained = People of this instance and of others, newest first: new sign-ups are at the top.
admin-accounts-search = Name
admin-accounts-origin = From
admin-accounts-origin-all = everywhere
admin-accounts-origin-local = this instance
admin-accounts-origin-remote = other instances
admin-accounts-search-button = Search
admin-accounts-person = Person
admin-accounts-email = Email
admin-accounts-joined = Joined
admin-accounts-state = State
admin-accounts-none = No accounts found.
admin-accounts-older = Older accounts
admin-account-active = active
admin-account-pending = waiting for approval
admin-account-rejected = rejected
admin-account-suspended = suspended
admin-account-silenced = silenced (kept out of public timelines)
admin-account-profile = Profile
admin-account-reason = Reason
admin-account-action = Action
admin-account-suspend = Suspend: no sign-in, profile and posts hidden, activities dropped
admin-account-unsuspend = Lift the suspension
admin-account-silence = Silence: keep out of public timelines
admin-account-unsilence = Lift the silence
admin-account-apply = Apply

footer-about = About this instance
about-title = About { $instance }
about-contact = Contact:
about-blocked-title = Blocked instances
about-blocked-explained = This instance neither sends to nor accepts anything from these instances, and hides what it had from them.
about-blocked-host = Instance
about-blocked-reason = Reason
about-blocked-none = No instance is blocked.

# The spam protection of the register form.
register-honeypot = Leave this field empty
register-challenge = Against spam: how much is { $sum }? (in digits)

# Deleting an account for good.
admin-account-deleted = deleted
admin-account-delete-title = Delete for good
admin-account-delete-explained = The account's posts are deleted, its follows end, and the instances that follow it or that it follows are told it is gone. Its name stays taken. This cannot be undone.
admin-account-delete-confirm = Delete this account for good
admin-account-delete = Delete the account

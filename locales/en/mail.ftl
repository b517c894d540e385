# Mails (plain text) and the pages of mail features.
mail-greeting = Hello { $name },
mail-unsubscribe = To get no more notices or summaries by mail, follow this link (no sign-in needed): { $link }
mail-test-subject = Test mail from { $instance }
mail-test-body = This is a test mail from { $instance }. If you can read it, outgoing mail works.
mail-reset-subject = Reset your password on { $instance }
mail-reset-body = Someone, hopefully you, asked to reset the password of your account on { $instance }. Choose a new password with this link within { $hours } hours; it works once:
mail-reset-ignore = If you did not ask for this, ignore this mail: your password stays as it is.
mail-confirm-subject = Confirm your email address on { $instance }
mail-confirm-body = Please confirm your email address for { $instance } with this link within { $hours } hours; then you can sign in:
mail-change-subject = Confirm your new email address on { $instance }
mail-change-body = Please confirm with this link within { $hours } hours that this is the new email address of your account on { $instance }:
mail-confirm-ignore = If this was not you, ignore this mail.
mail-approved-subject = Welcome to { $instance }
mail-approved-body = Your application to join { $instance } was approved. You can sign in now:
mail-rejected-subject = Your application to { $instance }
mail-rejected-body = Your application to join { $instance } was not approved.
mail-decision-message = Message from the coordinators: { $message }
mail-report-subject = Your report on { $instance } was handled
mail-report-body = The moderators of { $instance } handled your report about { $target }. Thank you for helping.
mail-report-note = Note from the moderators: { $note }
mail-digest-subject-daily = Your daily summary from { $instance }
mail-digest-subject-weekly = Your weekly summary from { $instance }
mail-digest-intro = This is what happened since your last summary:
mail-digest-replies = { $count ->
    [one] 1 new reply in threads you watch:
   *[other] { $count } new replies in threads you watch:
}
mail-digest-mentions = { $count ->
    [one] 1 reply to you or mention of you:
   *[other] { $count } replies to you or mentions of you:
}
mail-digest-threads = { $count ->
    [one] 1 new thread in groups you watch:
   *[other] { $count } new threads in groups you watch:
}
mail-digest-settings = Change or stop this summary in your settings: { $link }
login-forgot-link = Forgot your password?
login-unconfirmed = Please confirm your email address first: follow the link in the mail we sent you.
forgot-title = Forgot your password?
forgot-intro = Enter the email address of your account. We will send you a link to choose a new password.
forgot-email = Email address
forgot-submit = Send the link
forgot-sent = { $count ->
    [one] If an account has this address, a mail with a link is on its way. The link works for 1 hour.
   *[other] If an account has this address, a mail with a link is on its way. The link works for { $count } hours.
}
forgot-no-mail = This forum sends no mail, so a password cannot be reset by mail here. Please ask an admin: they can give you a new password.
forgot-back-to-login = Back to sign-in
reset-title = Choose a new password
reset-invalid = This link cannot be used: it was used already or has expired.
reset-ask-again = Ask for a new link
reset-submit = Save the new password
reset-done-title = Password changed
reset-done = Your password was changed and you were signed out everywhere. Sign in with the new password.
reset-sign-in = Sign in
confirm-done-title = Email address confirmed
confirm-done-text = Your email address is confirmed. You can sign in now.
confirm-changed-text = Your email address is now { $email }.
confirm-to-settings = Back to your settings
confirm-invalid-title = Link not valid
confirm-invalid-text = This link cannot be used: it was used already or has expired.
unsubscribe-title = Unsubscribe
unsubscribe-text = Get no more notices or summaries by mail from { $instance }? Mails you ask for yourself, such as a password reset, still reach you.
unsubscribe-submit = Unsubscribe
unsubscribe-done = You are unsubscribed: no more notices or summaries by mail. You can choose a summary again in your settings.
unsubscribe-invalid = This unsubscribe link is not valid.
register-confirm-title = Check your mail
register-confirm-text = We sent a mail to { $email }. Follow the link in it to confirm your address; then you can sign in.
security-email-confirmation-sent = We sent a link to the new address. Your address changes when you follow it.
settings-mail-saved = Your mail settings were saved.
settings-mail-title = Mail
settings-digest-label = Summary of replies, mentions and new threads in watched groups
settings-digest-off = No summary
settings-digest-daily = Daily
settings-digest-weekly = Weekly
settings-digest-save = Save mail settings

# The page where a person lets a Mastodon app use their account.

oauth-title = Authorize { $app }
oauth-wants = { $app } wants to use your account on this instance.
oauth-asks = It asks for these permissions:
oauth-signed-in-as = Signed in as { $name }.
oauth-approve = Authorize
oauth-deny = Deny
oauth-code-title = Authorization code
oauth-code-paste = Copy this code and paste it into { $app }:
oauth-enter-credentials = Enter your username and password.

# Registration, sign-in, profile settings, and the messages next to form fields.

field-username = Username
field-password = Password
login-title = Sign in
login-submit = Sign in
login-new-here-html = New here? <a href="/register">Register</a>.
login-wrong = Wrong username or password.
login-locked = Too many failed sign-ins. This account is locked for a while; try again later.
register-title = Register
register-username-hint = Lowercase letters, digits, _ and -. Others will see you as @name.
register-email = Email
register-password-again = Password again
register-submit = Register
register-already-html = Already registered? <a href="/login">Sign in</a>.
settings-title = Profile settings
settings-heading = Profile
settings-saved = Your profile was saved.
settings-display-name = Display name
settings-bio = About you
settings-language = Preferred language
field-error-empty = Please fill in this field.
field-error-required = This field is required.
field-error-too-short =
    { $count ->
        [one] Please use at least { $count } character.
       *[other] Please use at least { $count } characters.
    }
field-error-too-long =
    { $count ->
        [one] Please use at most { $count } character.
       *[other] Please use at most { $count } characters.
    }
field-error-control-characters = Please remove the control characters.
field-error-single-line = Please keep this to a single line.
field-error-email-invalid = This is not a valid email address.
field-error-email-registered = This email address is already registered.
field-error-name-taken = This name is already taken.
field-error-name-length = Use { $min } to { $max } characters.
field-error-name-characters = Use only lowercase letters a–z, digits, _ and -.
field-error-name-start = Start with a letter or a digit.
field-error-name-reserved = This name is reserved; please choose another.
field-error-group-kind = Choose a project group or a discussion group.
field-error-language-code = Use a two-letter language code.
field-error-language-unknown = Choose one of the offered languages.
field-error-password-mismatch = The passwords do not match.
field-error-policy = Choose block, allow or default.
field-error-host = This is not a host name.

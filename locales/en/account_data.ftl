# Leaving and moving: data export, import of follows and blocks, account deletion.

account-data-settings-link = Export, import or delete your account
account-data-title = Your data and account
account-data-export-heading = Export your data
account-data-export-hint = A zip file with your profile, your posts (as an ActivityPub outbox), the people and groups you follow, block and mute (as Mastodon's CSV files), and the images you uploaded.
account-data-export-download = Download my data
account-data-import-heading = Import follows or blocks
account-data-import-hint = A CSV file exported by Mastodon or Allmende (following_accounts.csv or blocked_accounts.csv), or one address like name@example.org a line.
account-data-import-kind = Import as
account-data-import-follows = Follows
account-data-import-blocks = Blocks
account-data-import-file = CSV file
account-data-import-submit = Import
account-data-import-choose-kind = Choose whether to import follows or blocks.
account-data-import-empty = The file is empty or lists no accounts.
account-data-import-not-text = The file is not a text (CSV) file. Choose the CSV file that Mastodon or Allmende exported.
account-data-import-malformed = Line { $line } of the file is not valid CSV.
account-data-import-too-many = The file lists { $found } accounts; at most { $limit } are imported at once. Split it into smaller files.
account-data-import-imported = { $count ->
    [one] One account was imported.
   *[other] { $count } accounts were imported.
}
account-data-import-failed = { $count ->
    [one] One line was not imported:
   *[other] { $count } lines were not imported:
}
account-data-import-failed-caption = Lines not imported
account-data-import-line = Line
account-data-import-address = Address
account-data-import-reason = Reason
import-failed-not-address = not an address like name@example.org
import-failed-not-found = nobody found at this address
import-failed-refused = refused
import-failed-not-tried = not tried: the import took too long; import the file again
account-data-delete-heading = Delete your account
account-data-delete-hint = { $count ->
    [0] Your posts become "deleted", your images, follows, blocks and sign-ins are removed, and other instances are told. Your name stays reserved. This happens at once.
    [one] Your posts become "deleted", your images, follows, blocks and sign-ins are removed, and other instances are told. Your name stays reserved. This happens after one day; until then you can sign in and cancel.
   *[other] Your posts become "deleted", your images, follows, blocks and sign-ins are removed, and other instances are told. Your name stays reserved. This happens after { $count } days; until then you can sign in and cancel.
}
account-data-delete-submit = Delete my account
account-data-delete-pending = Your account will be deleted on { $date }.
account-data-delete-cancel = Keep my account
account-data-deletion-requested = Your account is scheduled for deletion. You can cancel until then.
account-data-deletion-cancelled = Your account will not be deleted.

# The frame of every page: navigation, footer, language menu, and the pager links of lists.
# Messages whose id ends in -html contain markup and are inserted unescaped: keep the tags
# and do not add placeholders to them.

skip-to-content = Skip to content
nav-main = Main
nav-groups = Groups
nav-feed = Feed
nav-new-group = New group
nav-find = Find
nav-settings = Settings
nav-federation = Federation
nav-sign-out = Sign out
nav-sign-in = Sign in
nav-register = Register
footer-powered-html = Powered by Allmende, free software under the <a href="https://www.gnu.org/licenses/agpl-3.0.html">AGPL-3.0-or-later</a>.
language-menu = Language
language-change = Change language
form-correct-errors = Please correct the marked fields.
form-save = Save
form-markdown-hint = (Markdown)
pager-older-threads = Older threads →
pager-more-groups = More groups →
pager-older-posts = Older posts →
pager-first-replies = ← First replies
pager-later-replies = Later replies →
pager-previous-page = ← Previous page
pager-next-page = Next page →
back-to-thread = ← Back to the thread

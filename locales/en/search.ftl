# Full-text search of posts and threads (the search page and the search box in the header).
search-posts-heading = Search
search-posts-intro-html = Words find public posts and threads. A handle such as <code>@energy@forum.example</code> or the address of a group or person finds them here or on any other instance (signed-in members only).
search-posts-label = Words, handle or address
search-results-label = Results
search-results-none = No public posts match { $query }.
search-result-reply = Reply in:
search-results-pages = More results
search-results-previous = Previous results
search-results-next = Next results
search-header-label = Search posts
search-header-placeholder = Search…

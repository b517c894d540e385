# Projects of project groups, the project directory.

projects-nav = Projects
project-heading = Project
project-edit = Edit the project
project-status = Status
project-status-idea = Idea
project-status-planned = Planned
project-status-running = Running
project-status-completed = Completed
project-status-paused = Paused
project-from = from { $date }
project-until = until { $date }
project-focus-areas = Focus areas
project-focus-mobility = Mobility
project-focus-buildings = Buildings
project-focus-energy = Energy
project-focus-co-creation = Co-creation
project-focus-leadership = Leadership
project-focus-adaptation = Climate adaptation
project-focus-nature = Nature
project-tags = Tags
project-region = Region or place
project-partners = Partners
project-funders = Funders
project-website = Website
project-contact = Contact
project-measures = Measures
project-measure-planned = planned
project-measure-running = under way
project-measure-done = done
project-measure-due = due { $date }
project-edit-title = Project of { $group }
project-field-summary = Summary
project-field-start = Start date
project-field-end = End date
project-field-date-hint = Dates are written as YYYY-MM-DD, e.g. 2027-03-31.
project-field-tags-hint = Separated by commas, e.g. solar, schools.
project-field-partners-hint = One per line: a name, a handle like @energy@forum.example or a web address, or both as "name | handle".
project-field-funders-hint = One per line: a name, optionally with a web address as "name | https://…".
project-field-measures-hint = One per line: "title | planned, running or done | due date" (status and date may be left out).
project-save = Save the project
project-error-status = Choose one of the offered statuses.
project-error-measure-status = Write the status of a measure as planned, running or done.
project-error-date = Write the date as YYYY-MM-DD, e.g. 2027-03-31.
project-error-end-before-start = The end must not be before the start.
project-error-focus-area = Choose among the offered focus areas.
project-error-url = Enter a web address starting with http:// or https://.
project-error-partner = Enter a handle like @name@host or a web address after the "|".
project-error-too-many = This list has too many entries.
project-error-line-name = Every line needs a name.
projects-title = Projects
projects-intro = The projects of this network, and projects in other regions that members follow or coordinators recommend.
projects-count =
    { $count ->
        [one] { $count } project
       *[other] { $count } projects
    }
projects-filter-any = Any
projects-filter-partner = Partner
projects-filter-submit = Filter
projects-local = on this instance
projects-on-instance = on { $host }
projects-featured = Featured
projects-followed = followed here
projects-empty = No projects match.
projects-unfeature = Stop featuring
projects-feature-heading = Feature a project from another instance
projects-feature-handle = Handle or address of the project group, e.g. @solar@forum.example
projects-feature-submit = Feature
projects-feature-not-found = No project group was found at { $handle }.

network-link = Network feed
network-title = Network of { $group }
network-intro = Threads of the groups this group follows, marked with where they come from. Replies go to the group each thread belongs to.
network-from = from @{ $group }
network-following =
    { $count ->
        [one] Follows { $count } group
       *[other] Follows { $count } groups
    }
network-pending = waiting for acceptance
network-unfollow = Stop following
network-none = This group follows no other groups yet.
network-follow-handle = Group to follow, by handle or address, e.g. @energy@forum.example
network-follow-submit = Follow as this group
network-not-found = No group on another instance was found at { $handle }.

# Climate goals and progress updates.

nav-goals = Climate goals
goals-title = Climate goals
goals-heading = Climate goals
goals-intro = The goals members and projects of this network have set, and how far each has come from its baseline toward its target.
goals-new = Set a goal
goals-filtered = Goals of { $owner }.
goals-show-all = Show all goals
goals-none = No goals yet.
goals-of-group = Goal of the project
goals-of-member = Goal of
goals-of-this-group = Climate goals
goals-baseline = Baseline
goals-target = Target
goals-latest = Latest
goals-progress-label = Progress toward the target
goals-progress-of-way = { $percent } of the way
goals-no-updates = No progress reported yet
goals-percent = { $percent }%
goals-amount-in-year = { $amount } ({ $year })
goals-field-group = Project group (optional)
goals-field-group-hint = Leave empty for a goal of your own; give the name of a project group you own or moderate for the group's goal.
goals-field-title = Title
goals-field-metric = What is measured
goals-field-unit = Unit
goals-field-unit-hint = For example t CO2e/year, MWh or %.
goals-field-baseline-value = Baseline value
goals-field-baseline-year = Baseline year
goals-field-target-value = Target value
goals-field-target-year = Target year
goals-field-scope = Scope
goals-create = Set goal
goals-chart-title = Progress of { $goal }
goals-chart-baseline = Baseline { $year }: { $amount }
goals-chart-target = Target { $year }: { $amount }
goals-chart-desc =
    { $baseline }. { $target }. { $count ->
        [one] One progress update
       *[other] { $count } progress updates
    }; the latest, on { $date }, is { $amount }, { $percent } of the way.
goals-chart-desc-empty = { $baseline }. { $target }. No progress reported yet.
goals-chart-caption = The dashed line is the planned path, the solid line the reported progress. The table below has the same data.
goals-chart-download = Chart as SVG
goals-updates = Progress
goals-table-caption = Baseline, progress updates and target
goals-table-date = Date
goals-table-value = Value
goals-table-way = Of the way
goals-table-note = Note
goals-table-discussion = Discussion
goals-discuss = Discuss
goals-report = Report progress
goals-field-value = Value in { $unit }
goals-field-post-group = Post the update in group
goals-field-post-group-hint = Every update is also a new thread in a group, so others can discuss it: name (or name@host for a group elsewhere).
goals-report-submit = Report progress
goals-thread-title = Progress: { $goal }
goals-thread-value = On { $date }: { $value } (target { $target } by { $year }).
goals-thread-link = The goal and its chart: { $url }
field-error-number = Please enter a number, such as 1234.5.
field-error-date = Please enter a date such as 2026-11-23.
field-error-target-equals-baseline = The target must differ from the baseline.
field-error-target-year = The target year must not be before the baseline year.
field-error-goal-group = Please name a group you can post in.
field-error-year = Please enter a year from { $min } to { $max }.

# Events, the calendar and event feeds.

nav-calendar = Calendar
events-heading = Events
events-of-group = Events of { $group }
events-feed-title = Events of { $group }
events-ical-link = Calendar (iCal)
events-new = New event
events-create = Create event
events-upcoming = Upcoming
events-past = Past
events-none-upcoming = No upcoming events.
events-none-past = No past events.
event-remote = This event belongs to a group on another instance:
event-when = When
event-where = Where
event-map = Map
event-online = Online
event-participants = Participants
event-going-count =
    { $count ->
        [one] { $count } going
       *[other] { $count } going
    }
event-places = { $count } of { $capacity } places taken
event-full = This event is full.
event-you-go = You are going.
event-you-do-not-go = You are not going.
event-rsvp-going = I'm going
event-rsvp-not-going = I'm not going
event-sign-in-html = <a href="/login">Sign in</a> to say whether you are going.
event-who-goes = Who is going
event-nobody-yet = Nobody has said they are going yet.
event-edit = Edit event
event-delete = Delete event
event-save = Save event
event-field-start = Starts (date and time)
event-field-end = Ends (date and time)
event-field-time-zone = Time zone (e.g. Europe/Berlin)
event-field-address = Address
event-field-latitude = Latitude (optional)
event-field-longitude = Longitude (optional)
event-field-online-url = Online link
event-field-capacity = Places (optional)
event-field-description = Description
event-place-hint = Give an address, an online link, or both.
calendar-month-title = { $month } { $year }
calendar-month-1 = January
calendar-month-2 = February
calendar-month-3 = March
calendar-month-4 = April
calendar-month-5 = May
calendar-month-6 = June
calendar-month-7 = July
calendar-month-8 = August
calendar-month-9 = September
calendar-month-10 = October
calendar-month-11 = November
calendar-month-12 = December
calendar-weekday-1 = Mon
calendar-weekday-2 = Tue
calendar-weekday-3 = Wed
calendar-weekday-4 = Thu
calendar-weekday-5 = Fri
calendar-weekday-6 = Sat
calendar-weekday-7 = Sun
calendar-months = Months
calendar-years = Years
calendar-previous = Previous month
calendar-next = Next month
calendar-year-link = The year { $year }
calendar-year-title = The year { $year } at a glance
calendar-events-this-month =
    { $count ->
        [one] { $count } event this month
       *[other] { $count } events this month
    }
calendar-events-this-year =
    { $count ->
        [one] { $count } event this year
       *[other] { $count } events this year
    }
calendar-empty = No events.
calendar-feeds = Subscribe
calendar-instance-feed = All events of this instance (iCal)
calendar-private-feed = Your private calendar address, with the events you are going to. Anyone who knows it can read it.
calendar-private-create = Make my private calendar address
calendar-private-reset = Replace my private calendar address
calendar-private-name = My events on { $instance }
field-error-time-zone = Please choose a time zone such as Europe/Berlin.
field-error-datetime = Please enter a date and time.
field-error-end-after-start = The end must be after the start.
field-error-latitude = Please enter a latitude from -90 to 90.
field-error-longitude = Please enter a longitude from -180 to 180.
field-error-latitude-missing = Please enter the latitude too.
field-error-longitude-missing = Please enter the longitude too.
field-error-place-missing = Please give an address or an online link.
field-error-link = Please enter a link starting with http:// or https://.
field-error-capacity = Please enter a whole number from 1 to 100,000.
field-error-rsvp = Please answer going or not going.
field-error-event-full = Sorry, this event is full.

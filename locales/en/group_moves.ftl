# Moving a group to another instance (issue 15)
group-moving-link = Move this group to another instance
group-moving-title = Moving the group { $group }
group-moving-moved-saved = The group has moved. Its followers have been told.
group-moved-notice = This group has moved to
group-moving-aliases-heading = This group elsewhere
group-moving-aliases-intro = To move a group from another instance to this one, name it here first: one a line, as @name@host or its address.
group-moving-aliases-label = The group's other addresses
group-moving-move-heading = Move to a group on another instance
group-moving-move-intro = The new group must first list { $group } as an alias. The group's followers will follow the new group, and this one stays as it is, marked as moved.
group-moving-move-label = The new group
group-moving-move-button = Move this group
modlog-kind-group-moved = Group moved
field-error-group-moved = This group has moved to { $place } and takes no new posts here.

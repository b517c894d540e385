# A closed group's follow requests, for its moderators.

follow-requests-link = Follow requests
follow-requests-title = Follow requests for { $group }
follow-requests-closed-label = New followers need approval
follow-requests-save = Save
follow-requests-closed = New followers of this group need approval.
follow-requests-open = Anyone can follow this group; only its owner can change that.
follow-requests-approve = Approve
follow-requests-reject = Reject
follow-requests-none = No pending requests.

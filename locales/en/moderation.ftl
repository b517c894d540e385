# A closed group's follow requests, for its moderators.

follow-requests-link = Follow requests
follow-requests-title = Follow requests for { $group }
follow-requests-closed-label = Private group: new followers need approval and only members see its threads
follow-requests-save = Save
follow-requests-closed = This group is private: new followers need approval, and only its members see its threads.
follow-requests-open = Anyone can follow this group; only its owner can change that.
follow-requests-approve = Approve
follow-requests-reject = Reject
follow-requests-none = No pending requests.

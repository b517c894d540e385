# Members as organisations and people; joining the network (approval, invites).

org-type-municipality = Municipality
org-type-company = Company
org-type-municipal-utility = Municipal utility
org-type-association = Association / NGO
org-type-school = School
org-type-research = Research institution
org-type-public-authority = Public authority
org-type-citizen = Citizen
settings-org-heading = Organisation
settings-org-hint = If this profile speaks for an organisation, choose its type and give its name. Others see it on your profile, also on other servers.
settings-org-none = A person, not an organisation
settings-org-type = Type
settings-org-name = Name of the organisation
settings-org-location = Location
settings-org-website = Website
profile-org-location = Location
profile-org-website = Website
login-pending = Your application to join has not been approved yet. You can sign in as soon as a coordinator approves it.
login-rejected = Your application to join was not approved.
login-rejected-with-message = Your application to join was not approved. Message from the coordinators: { $message }
register-approval-note = New members are approved by the network's coordinators. Tell them who you are; you can sign in once they have approved your application.
register-reason-hint = Only the coordinators see your answer.
register-apply = Apply to join
register-invite-needed = Joining this network needs an invite link from a coordinator. Open the link you received, or ask the coordinators for one.
register-applied-title = Application received
register-applied-text = Thank you. The coordinators will look at your application; you can sign in as soon as it is approved.
nav-registrations = Registrations
applications-title = Applications to join
applications-mode = Registration mode: { $mode }.
applications-question = Question to applicants:
applications-applied = applied { $date }
applications-message = Message to the applicant (optional)
applications-approve = Approve
applications-reject = Reject
applications-none = No applications are waiting.
invites-title = Invite links
invites-not-invite-mode = Registration is not in invite mode, so the register page does not ask for an invite. Links made here still work while they are valid.
invites-created = The new invite link. Copy it now: it is shown only once.
invites-link = Invite link
invites-max-uses = How many people may use it (empty: no limit)
invites-valid-days = Valid for how many days (empty: no limit)
invites-create = Create invite link
invites-created-at = Created
invites-by = By
invites-used = Used
invites-expires = Expires
invites-state = State
invites-live = valid
invites-spent = used up or expired
invites-delete = Delete
invites-none = No invite links yet.
invites-never = never
invites-uses =
    { $count ->
        [one] used once
       *[other] used { $count } times
    }
invites-uses-of = { $count } of { $max } used
field-error-org-type = Please choose one of the offered types.
field-error-website = Please enter a web address that starts with https:// or http://.
field-error-invite = This invite link is not valid or has expired.
field-error-decision = Please approve or reject.
field-error-whole-number = Please enter a whole number from { $min } to { $max }.

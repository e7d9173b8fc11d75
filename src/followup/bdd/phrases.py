"""How the step library says things: the words for action kinds, things sent and channels.

One table each, shared by the steps that read scenarios (`steps`) and by the tools that write
them (`followup spec --generate`, the counterexamples of `followup prove`), so a sentence one
writes is always one the other reads.  Nothing here imports pytest.
"""

from __future__ import annotations

# Each action kind as a step says it ("the next step is a check-in ...").
ACTION_SAID = {
    "thank_you": "a thank-you",
    "thank_you_note": "a handwritten note",
    "check_in": "a check-in",
    "final_check_in": "a final check-in",
    "share_update": "an update",
    "network": "networking",
    "move_on": "to move on",
    "keep_promise": "promised follow-up",
    "record_interview": "to record the new interview date",
    "answer_offer": "to answer their offer",
    "withdraw": "to withdraw politely",
}
# What "I sent ..." says for each contact event.
SENT_SAID = {
    "thank_you_sent": "a thank-you",
    "note_sent": "a handwritten note",
    "check_in_sent": "a check-in",
    "update_sent": "an update",
}
# The sentence for getting in touch some other way (`contacted`), before its channel and day.
GOT_IN_TOUCH = "I got in touch"
# A channel as it follows a step ("... by email", "... through the recruiter").
CHANNEL_SAID = {
    "email": "by email",
    "phone": "by phone",
    "mail": "by mail",
    "text": "by text",
    "recruiter": "through the recruiter",
    "portal": "on the portal",
    "linkedin": "on LinkedIn",
    "in_person": "in person",
}

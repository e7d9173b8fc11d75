"""The fixed words of the follow-up domain: states, events, actions, channels, anchors and facts.

Playbooks may add action kinds of their own; everything else here is fixed, because case files,
scripts and other tools depend on these exact spellings.
"""

from __future__ import annotations

from typing import Final

# The lifecycle of one application, in order.
STATES: Final = ("interviewed", "thanked", "waiting", "checked-in", "on-hold", "closed")
INITIAL_STATE: Final = "interviewed"
CLOSED: Final = "closed"
OPEN_STATES: Final = STATES[:-1]

# How an application can end.  `moved_on` is the playbook giving up, which a late reply reopens.
OUTCOMES: Final = ("offer", "rejection", "withdrew", "moved_on")

# What the job seeker records.
EVENT_TYPES: Final = (
    "thank_you_sent",
    "note_sent",
    "check_in_sent",
    "update_sent",
    "contacted",
    "networked",
    "reply",
    "competing_offer",
    "portfolio_update",
    "committed",
    "withdrew",
    "accepted",
    "declined",
    "accepted_elsewhere",
)
REPLY_OUTCOMES: Final = ("still_deciding", "next_round", "offer", "rejection", "no_follow_up")

# Events a playbook may hang its own transitions on.  Replies and withdrawal have fixed meanings
# (see engine semantics), so a playbook cannot redefine them.
PLAYBOOK_TRIGGERS: Final = tuple(
    e for e in EVENT_TYPES if e not in ("reply", "withdrew", "accepted", "declined")
)

# Things a playbook can recommend.  Each core kind is completed by one recorded event type;
# `move_on` is advice with nothing to send, completed by the day passing.
CORE_ACTION_KINDS: Final = (
    "thank_you",
    "thank_you_note",
    "check_in",
    "final_check_in",
    "share_update",
    "network",
    "move_on",
    "keep_promise",
    "withdraw",
)
COMPLETED_BY: Final[dict[str, str | None]] = {
    "thank_you": "thank_you_sent",
    "thank_you_note": "note_sent",
    "check_in": "check_in_sent",
    "final_check_in": "check_in_sent",
    "share_update": "update_sent",
    "network": "networked",
    "move_on": None,
    # Keeping a promise to follow up is recorded as the follow-up it was (a check-in or an
    # update); either one counts as keeping it.
    "keep_promise": "check_in_sent",
    "withdraw": "withdrew",
}
# Steps only the engine itself recommends, never a playbook's rule: recording the date of a new
# round's interview when the reply that invited you did not give it.
ENGINE_ONLY_KINDS: Final = ("record_interview", "answer_offer")
# Every kind of step a plan can show, apart from a playbook's own kinds.
STEP_KINDS: Final = (*CORE_ACTION_KINDS, *ENGINE_ONLY_KINDS)
# Nudges about the decision: the kinds that pest-protection rules (minimum gap, "asked not to
# follow up", "not before the date they gave") apply to.
NUDGE_KINDS: Final = frozenset({"check_in", "final_check_in"})

CHANNELS: Final = ("email", "phone", "mail", "text", "recruiter", "portal", "linkedin", "in_person")
# Contact that lands in a person's inbox or phone: never on a weekend or public holiday.
DIRECT_CHANNELS: Final = frozenset({"email", "phone", "mail", "text", "recruiter"})
PREFERRED_CHANNELS: Final = ("email", "phone", "portal", "recruiter")
FOLLOW_UP_PERMISSIONS: Final = ("invited", "not_wanted", "unspecified")
# Whom a step goes to (an action's `to`): the people you deal with (the interviewers, or the
# recruiter by the recruiter channel), or the company itself (its main line, reception).
DEFAULT_RECIPIENT: Final = "contact"  # the people you deal with (interviewers, recruiter)
COMPANY_RECIPIENT: Final = "company"  # the company's main line or reception
RECIPIENTS: Final = (DEFAULT_RECIPIENT, COMPANY_RECIPIENT)

# Dates a due date or timer can be measured from.
ANCHORS: Final[dict[str, str]] = {
    "interview": "the interview (of the current round)",
    "thank_you_sent": "the first thank-you you sent",
    "last_contact": "your last follow-up of any kind (the interview if none since)",
    "state_entered": "the day the application entered its current state",
    "decision_by": "the employer's stated decision date",
    "follow_up_after": "the date they said you may check in",
    "committed": "the date you committed to",
    "competing_offer": "the day you got a competing offer",
    "offer_deadline": "the deadline on your competing offer",
    "portfolio_update": "the day you had news to share",
    "reply": "the employer's last reply",
    "accepted_elsewhere": "the day you accepted a job elsewhere",
}

# When in the day the interview was (the case's `interview: YYYY-MM-DDTHH:MM`), for advice such
# as "thank them the same afternoon after a morning interview, first thing next morning after an
# afternoon one"; `unknown` when the case gives only the day.
PARTS_OF_DAY: Final = ("morning", "afternoon", "evening", "unknown")
# The part of the day a step is best done in (an action's `at`): "call them the next morning".
STEP_PARTS: Final = PARTS_OF_DAY[:3]
# What becomes of a step whose window (`until`) has passed with nothing recorded (an action's
# `late`): it stays in the plan, due now (the default: better late than never), or it lapses.
LATE_DO, LATE_SKIP = "do", "skip"
IF_LATE: Final = (LATE_DO, LATE_SKIP)

# Facts a guard can test, with their type: "bool", "int", or the tuple of allowed values.
FACTS: Final[dict[str, str | tuple[str, ...]]] = {
    "follow_up": FOLLOW_UP_PERMISSIONS,
    "preferred_channel": (*PREFERRED_CHANNELS, "none"),
    "may_call": "bool",
    "has_decision_date": "bool",
    "has_follow_up_after": "bool",
    "competing_offer": "bool",
    "portfolio_update": "bool",
    "committed": "bool",
    "told_no_follow_up": "bool",
    "networked": "bool",
    "accepted_elsewhere": "bool",
    "interview_part": PARTS_OF_DAY,
    "last_reply": ("none", "still_deciding", "next_round", "no_follow_up"),
    "check_ins": "int",
    "contacts": "int",
    # Caps per round and over the whole application ("at most 2 check-ins a round, 5 in all"):
    # `check_ins` starts over at every reply that restarts nudging, these only as named.
    "check_ins_this_round": "int",
    "check_ins_all_rounds": "int",
    "contacts_all_rounds": "int",
    "round": "int",
    "interviewers": "int",
}

# The operators a condition may test a fact with, and each as a phrase says it.
OPERATOR_WORDS: Final = {
    "is": "is",
    "is_not": "is not",
    "in": "is one of",
    "not_in": "is none of",
    "lt": "is below",
    "le": "is at most",
    "gt": "is above",
    "ge": "is at least",
}
GUARD_OPERATORS: Final = tuple(OPERATOR_WORDS)

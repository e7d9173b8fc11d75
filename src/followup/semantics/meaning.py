"""The engine's fixed meaning as data: what each recorded event and each reply does.

A playbook decides what to recommend and when to move on; what the job seeker's own records and
the employer's replies *do* is fixed here, the same in every playbook.  The compiler builds the
built-in moves from `REPLIES` and the closing events, the engine applies `EVENTS`' effects and
the constants, and lint explores the same effects over facts; `followup.semantics.rules` puts
them into words.
"""

from __future__ import annotations

from datetime import time, timedelta
from typing import Final

import msgspec

from followup.model.vocabulary import CLOSED, COMPANY_RECIPIENT, COMPLETED_BY

# Two nudges about the decision are never recommended closer together than this.
MIN_NUDGE_GAP_DAYS: Final = 3
MIN_NUDGE_GAP: Final = timedelta(days=MIN_NUDGE_GAP_DAYS)
# Any two direct contacts (email, mail, phone, recruiter, text), recorded or planned, are never
# recommended closer together than this either: it is the same people's inbox and phone, whatever
# the step is called.  A step it would land too close is moved later, and says why.
MIN_CONTACT_GAP_DAYS: Final = MIN_NUDGE_GAP_DAYS
MIN_CONTACT_GAP: Final = timedelta(days=MIN_CONTACT_GAP_DAYS)
# The steps the gap never moves, each with the reason (they still count as contacts, so the next
# step waits after them).  News of a competing offer is one too while the offer has a deadline:
# it must land before it.
UNPACED_KINDS: Final[dict[str, str]] = {
    "thank_you": "the thank-you, which opens the follow-up",
    "thank_you_note": "the handwritten thank-you note",
    "keep_promise": "a promise on the day you gave (they agreed to it)",
    "withdraw": "withdrawing (it ends the contact; waiting only keeps them busy with you)",
    "answer_offer": "answering their offer (it must reach them before their answer-by date)",
}
# The steps that are the job seeker's own word, which the employer agreed to: a playbook's
# limits (`followup.lint`) never count them, since a limit is about what the playbook
# recommends unasked; the steps after them still wait for them and count from them.
OWN_WORD_KINDS: Final = frozenset({"keep_promise"})
# Recipients (`RECIPIENTS`) whose phone may be called although the case does not allow calls:
# the case's `may_call` is the interviewer's wish about calls to them, and a company's main line
# is there to be called.  Such a call is still a direct contact, counted and kept off days off.
CALLS_WITHOUT_INVITATION: Final = frozenset({COMPANY_RECIPIENT})
# Dates the employer gave that a check-in waits past: none falls on or before them, so the
# earliest is the next day after (the next business day, by a direct channel).
WAIT_PAST: Final = ("decision_by", "follow_up_after")
# Telling them about a competing offer only helps before its deadline: while you hold one with a
# deadline, a step of this kind is due by the day before it at the latest, and expires after that.
NEWS_KIND: Final = "share_update"
# The playbook's own advice to let the application go: it waits as long as giving up does
# (keep-promises, open-past-their-date), so it never comes before the case may close.
GIVE_UP_KIND: Final = "move_on"
# The step kinds that thank them for an interview; if none is recorded by the time the plan has
# moved past the interview, the plan says so.
THANKS_KINDS: Final = ("thank_you", "thank_you_note")
# A reply recorded without an outcome.
DEFAULT_REPLY: Final = "still_deciding"
# The ending that waits for your answer (accepted or declined).
OFFER: Final = "offer"
# The one ending that news can undo: the playbook giving up, not the employer or you deciding.
REOPENABLE: Final = "moved_on"

# Where a date an event carries comes from (`EventMeaning.dates`).
ON_THE_DAY: Final = "day"  # the day it is recorded on
FIRST_DAY: Final = "first day"  # the first such day of the round; later ones leave it
DUE_OR_DAY: Final = "due"  # the date it names (`due`), else the day
DEADLINE: Final = "deadline"  # the deadline it names, if any


class EventMeaning(msgspec.Struct, frozen=True):
    """What recording one event type does, apart from the playbook's own moves on it.

    Attributes:
        type: the event type, as case files spell it.
        words: what it is, for people ("you sent a check-in").
        contact: a follow-up you sent: it resets ``last_contact``, and counts in ``contacts``
            when sent by a direct channel (or none named).
        does_step: recording it counts as doing a recommended step it completes.
        sets: facts it sets, with their new values (in order).
        counts: count facts it adds one to.
        dates: anchors it dates, each with where the date comes from.
        nudge: a nudge about the decision; the minimum gap between nudges counts from it.
        follows_up: a follow-up they can turn down: once they asked you not to follow up, no
            step it does is recommended (a check-in, or a playbook's own kind done by it).
        remembers_channel: the channel it names is kept (the ``committed`` channel option).
        closes_as: the outcome it closes the case with, from any state (None: it does not).
        renews: step kinds it makes due again, even if done before (a new promise).
        answers_offer: your answer to their offer (the type names it); it closes the case as an
            offer if it was still open, and ends the reminder to answer.
    """

    type: str
    words: str
    contact: bool = False
    does_step: bool = False
    sets: tuple[tuple[str, object], ...] = ()
    counts: tuple[str, ...] = ()
    dates: tuple[tuple[str, str], ...] = ()
    nudge: bool = False
    follows_up: bool = False
    remembers_channel: bool = False
    closes_as: str | None = None
    renews: tuple[str, ...] = ()
    answers_offer: bool = False

    @property
    def fixed(self) -> bool:
        """Whether the engine alone decides where it moves the case (no playbook may)."""
        return self.closes_as is not None or self.type == "reply" or self.answers_offer

    @property
    def completes(self) -> tuple[str, ...]:
        """The built-in step kinds it completes."""
        return tuple(kind for kind, event in COMPLETED_BY.items() if event == self.type)


class ReplyMeaning(msgspec.Struct, frozen=True):
    """What a reply from the employer with one outcome does, in every playbook.

    Attributes:
        outcome: the reply's outcome, as case files spell it.
        words: the reply in people's words ("saying they are still deciding").
        dest: the state it moves the case to.
        closes_as: the outcome it closes the case with (None: the case stays open).
        restarts_nudges: the employer spoke: check-ins count from zero again, check-ins and
            reminders may be done again, and a decision date it gives becomes the new one,
            with no nudge before it.
        new_round: it starts a new interview round: the playbook starts over from the
            interview it names (`ROUND_START` facts).
        sets: other facts it sets.
        after_giving_up: it also applies to a case the playbook closed as `REOPENABLE`
            (reopening it, or giving it its real ending); any other closed case ignores it.
    """

    outcome: str
    words: str
    dest: str
    closes_as: str | None = None
    restarts_nudges: bool = False
    new_round: bool = False
    sets: tuple[tuple[str, object], ...] = ()
    after_giving_up: bool = True

    @property
    def remembered(self) -> bool:
        """Whether the case remembers it as ``last_reply`` (every reply that leaves it open)."""
        return self.closes_as is None


# A promise to follow up (`committed`) is kept by following up, not by a thank-you that happens
# to come later; sharing an update also shares the news you had.
_CONTACT_EVENTS = (
    EventMeaning(
        "thank_you_sent", "you sent a thank-you", True, True, dates=(("thank_you_sent", FIRST_DAY),)
    ),
    EventMeaning("note_sent", "you sent a handwritten note", True, True),
    EventMeaning(
        "check_in_sent",
        "you sent a check-in",
        True,
        True,
        sets=(("committed", False),),
        counts=("check_ins", "check_ins_this_round", "check_ins_all_rounds"),
        nudge=True,
        follows_up=True,
    ),
    EventMeaning(
        "update_sent",
        "you shared an update",
        True,
        True,
        sets=(("committed", False), ("competing_offer", False), ("portfolio_update", False)),
    ),
    # Getting in touch in some other way: a quiet note during a long wait, one call to the
    # company's main line.  A direct contact like any other, but no check-in: it neither counts
    # among the check-ins nor holds the next one back (a playbook's own kind is done by it).
    # Like a check-in, it is not recommended once they asked you not to follow up.
    EventMeaning("contacted", "you got in touch without a check-in", True, True, follows_up=True),
)
EVENTS: Final[dict[str, EventMeaning]] = {
    e.type: e
    for e in (
        *_CONTACT_EVENTS,
        EventMeaning("networked", "you networked", does_step=True, sets=(("networked", True),)),
        EventMeaning("reply", "the employer replied"),
        EventMeaning(
            "competing_offer",
            "you got a competing offer",
            sets=(("competing_offer", True),),
            dates=(("competing_offer", ON_THE_DAY), ("offer_deadline", DEADLINE)),
        ),
        EventMeaning(
            "portfolio_update",
            "you have news to share",
            sets=(("portfolio_update", True),),
            dates=(("portfolio_update", ON_THE_DAY),),
        ),
        EventMeaning(
            "committed",
            "you promised to follow up",
            sets=(("committed", True),),
            dates=(("committed", DUE_OR_DAY),),
            remembers_channel=True,
            renews=("keep_promise",),
        ),
        EventMeaning("withdrew", "you withdrew", closes_as="withdrew"),
        EventMeaning("accepted", "you accepted their offer", closes_as="offer", answers_offer=True),
        EventMeaning("declined", "you declined their offer", closes_as="offer", answers_offer=True),
        EventMeaning(
            "accepted_elsewhere",
            "you accepted a job elsewhere",
            # A promise you made here is off: what you owe them now is to withdraw politely.
            sets=(("accepted_elsewhere", True), ("committed", False)),
            dates=(("accepted_elsewhere", ON_THE_DAY),),
        ),
    )
}

REPLIES: Final[dict[str, ReplyMeaning]] = {
    r.outcome: r
    for r in (
        ReplyMeaning(
            "still_deciding", "saying they are still deciding", "waiting", restarts_nudges=True
        ),
        ReplyMeaning("next_round", "inviting you to another round", "interviewed", new_round=True),
        ReplyMeaning("offer", "with an offer", CLOSED, closes_as="offer"),
        ReplyMeaning("rejection", "with a rejection", CLOSED, closes_as="rejection"),
        ReplyMeaning(
            "no_follow_up",
            "asking you not to follow up",
            "waiting",
            restarts_nudges=True,
            # A promise you made before they asked is off: they no longer want to hear from you.
            sets=(("told_no_follow_up", True), ("follow_up", "not_wanted"), ("committed", False)),
        ),
    )
}

# Count facts a direct contact adds one to: this round's and the whole application's.
CONTACT_COUNTS: Final = ("contacts", "contacts_all_rounds")
# Anchors a new interview round dates afresh (or clears): the others keep their dates.
ROUND_ANCHORS: Final = (
    "interview",
    "state_entered",
    "last_contact",
    "thank_you_sent",
    "reply",
    "decision_by",
    "follow_up_after",
)
# Facts a new interview round starts over with.
ROUND_START: Final[dict[str, object]] = {
    "last_reply": "none",
    "check_ins": 0,
    "check_ins_this_round": 0,
    "contacts": 0,
    "has_decision_date": False,
    "has_follow_up_after": False,
    # A new round's interview is given as a day only.
    "interview_part": "unknown",
}
# Facts the case file gives at the start (what the employer said, who interviewed).
FROM_CASE: Final = (
    "follow_up",
    "preferred_channel",
    "may_call",
    "has_decision_date",
    "has_follow_up_after",
    "interviewers",
    "interview_part",
)
# Where the parts of the day begin (hours, in the case's timezone): morning until noon,
# afternoon until 18:00, then evening.
AFTERNOON_FROM: Final = 12
EVENING_FROM: Final = 18


def part_of_day(moment: time | None) -> str:
    """`PARTS_OF_DAY` for a time of day (``unknown`` without one)."""
    if moment is None:
        return "unknown"
    if moment.hour < AFTERNOON_FROM:
        return "morning"
    return "afternoon" if moment.hour < EVENING_FROM else "evening"


# Every other fact, at rest until something happens.
AT_REST: Final[dict[str, object]] = {
    "competing_offer": False,
    "portfolio_update": False,
    "committed": False,
    "told_no_follow_up": False,
    "networked": False,
    "accepted_elsewhere": False,
    "round": 1,
    "check_ins_all_rounds": 0,
    "contacts_all_rounds": 0,
    **{k: v for k, v in ROUND_START.items() if k not in FROM_CASE},
}
# Anchors whose date is known exactly when a fact has one of these values.
ANCHOR_KNOWN_WHEN: Final[dict[str, tuple[str, tuple[object, ...]]]] = {
    "decision_by": ("has_decision_date", (True,)),
    "follow_up_after": ("has_follow_up_after", (True,)),
    # A new round forgets the reply that started it; a closing reply closes the case.
    "reply": ("last_reply", tuple(r.outcome for r in REPLIES.values() if r.restarts_nudges)),
}

MEANINGS: tuple[EventMeaning | ReplyMeaning, ...] = (*EVENTS.values(), *REPLIES.values())
# Facts from the case file that nothing recorded changes.
UNCHANGING: Final = tuple(
    fact
    for fact in FROM_CASE
    if fact not in ROUND_START and all(fact not in dict(m.sets) for m in MEANINGS)
)

CONTACT_EVENTS: Final = frozenset(e.type for e in EVENTS.values() if e.contact)
STEP_EVENTS: Final = frozenset(e.type for e in EVENTS.values() if e.does_step)
NUDGE_EVENTS: Final = frozenset(e.type for e in EVENTS.values() if e.nudge)
# Events the job seeker records whose moves each playbook decides.
FREE_EVENTS: Final = tuple(e.type for e in EVENTS.values() if not e.fixed)
CLOSING_REPLIES: Final = tuple(r.outcome for r in REPLIES.values() if r.closes_as)
CLOSING_EVENTS: Final = tuple(e.type for e in EVENTS.values() if e.closes_as)

"""The replay state of one case: its facts and anchors, as plain slotted attributes.

Facts are attributes named like the guard facts of the playbook language, and anchors are
``at_<anchor>``, so compiled guards and dates read them with a plain attribute lookup.  How they
start (from the case file, and at each new interview round) is defined here; how events and time
change them is `followup.engine.run`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import msgspec

from followup.compile.machine import CompiledAction, CompiledPlaybook, Move
from followup.engine.result import TraceEntry
from followup.model.case import Case
from followup.model.playbook import Transition
from followup.model.vocabulary import INITIAL_STATE
from followup.semantics.meaning import WAIT_PAST, part_of_day
from followup.semantics.rules import OPEN_PAST_THEIR_DATE
from followup.timeline.calendar import BusinessCalendar
from followup.timeline.durations import shift_days


class Pending(msgspec.Struct, frozen=True, gc=False):
    """An action that applies now, with the date and channel the engine resolved for it.

    A msgspec Struct, built in C and left out of the garbage collector (it holds no cycles): the
    engine makes millions of these in a batch, and this costs a third of a plain slotted class.
    """

    compiled: CompiledAction
    due: date
    channel: str | None
    # The last day it is worth doing (news before a deadline), if it has one.
    expires: date | None = None
    # The direct contact the minimum gap made it wait after, if it moved it.
    paced_after: date | None = None
    # The end of the window the playbook gives it (its ``until``): still due, but late after.
    latest: date | None = None
    # The day it fell due on, when that was a weekend or holiday the engine moved it off.
    moved_from: date | None = None


class Facts:
    """What a run knows about its case at one moment: facts, anchors, per-rule progress.

    `followup.engine.run.Run` adds what happens to them; the slots are all declared here.
    """

    __slots__ = (
        "accepted_elsewhere",
        "at_accepted_elsewhere",
        "at_committed",
        "at_competing_offer",
        "at_decision_by",
        "at_follow_up_after",
        "at_interview",
        "at_last_contact",
        "at_offer_deadline",
        "at_portfolio_update",
        "at_reply",
        "at_state_entered",
        "at_thank_you_sent",
        "awaiting_interview",
        "cal",
        "case",
        "check_ins",
        "check_ins_all_rounds",
        "check_ins_this_round",
        "closed_on",
        "committed",
        "committed_channel",
        "committed_note",
        "competing_offer",
        "contacts",
        "contacts_all_rounds",
        "cp",
        "credits",
        "doable_cache",
        "doable_version",
        "done",
        "entered_by",
        "follow_up",
        "gives_up_after",
        "has_decision_date",
        "has_follow_up_after",
        "interview_part",
        "interviewers",
        "last_direct",
        "last_done",
        "last_nudge",
        "last_reply",
        "may_call",
        "networked",
        "not_before",
        "now",
        "offer_answer",
        "offer_answer_by",
        "outcome",
        "pending_cache",
        "pending_version",
        "portfolio_update",
        "preferred_channel",
        "promise_called_off",
        "reminder_cache",
        "reminder_version",
        "round",
        "state",
        "timer_cache",
        "timer_version",
        "told_no_follow_up",
        "trace",
        "version",
    )

    def __init__(
        self,
        cp: CompiledPlaybook,
        case: Case,
        cal: BusinessCalendar,
        trace: list[TraceEntry] | None = None,
    ) -> None:
        self.cp = cp
        self.case = case
        self.cal = cal
        self.trace = trace
        employer = case.employer
        self.state = INITIAL_STATE
        # The playbook's transition that entered the current state (None: the start, or one of
        # the engine's own moves): the plan tells its advice, which says why the case is here.
        self.entered_by: Transition | None = None
        # The latest moment replay has reached: a timer whose condition only just came true fires
        # now, not back on the date it named.
        self.now = case.interview
        # Bumped by every change; lets next_timer reuse its answer while nothing has changed.
        self.version = 0
        self.timer_version = -1
        self.timer_cache: tuple[date, Move] | None = None
        self.reminder_version = -1
        self.reminder_cache: tuple[date, CompiledAction] | None = None
        # What `pending` found between changes (``settled``), for the whole state and for its
        # steps to do, each at the version named.
        self.pending_version = -1
        self.pending_cache: list[Pending] = []
        self.doable_version = -1
        self.doable_cache: list[Pending] = []
        self.outcome: str | None = None
        self.closed_on: date | None = None
        # Their offer: the date they asked you to answer by, and your answer once recorded.
        self.offer_answer_by: date | None = None
        self.offer_answer: str | None = None
        self.follow_up = employer.follow_up
        self.preferred_channel = employer.preferred_channel or "none"
        self.may_call = employer.may_call
        self.interviewers = len(case.interviewers)
        # The facts at rest, as `AT_REST` has them (written out: a loop of setattr costs more
        # per case than the whole start; a test holds the two equal).
        self.competing_offer = False
        self.portfolio_update = False
        self.committed = False
        self.told_no_follow_up = False
        self.networked = False
        self.accepted_elsewhere = False
        self.at_accepted_elsewhere: date | None = None
        self.round = 1
        self.check_ins_all_rounds = 0
        self.contacts_all_rounds = 0
        self.committed_channel: str | None = None
        self.committed_note = ""
        # Spacing between nudges holds across rounds: it is about the same people's inboxes.
        self.last_nudge: date | None = None
        # The last direct contact (`MIN_CONTACT_GAP` counts from it), likewise across rounds.
        self.last_direct: date | None = None
        self.at_competing_offer: date | None = None
        self.at_offer_deadline: date | None = None
        self.at_portfolio_update: date | None = None
        self.at_committed: date | None = None
        # The day they asked you not to follow up while a promise of yours was still to keep.
        self.promise_called_off: date | None = None
        self._start_round(case.interview, case.interview)
        self.interview_part = part_of_day(case.interview_time)
        decision_by = employer.decision_by
        if decision_by is None and employer.decision_in is not None:
            decision_by = cal.add(case.interview, employer.decision_in)
        self.at_decision_by = decision_by
        self.has_decision_date = decision_by is not None
        after = employer.follow_up_after
        self.at_follow_up_after = cal.add(case.interview, after) if after else None
        self.has_follow_up_after = after is not None
        self._wait_past_their_dates()

    def _wait_past_their_dates(self) -> None:
        """Check-ins wait past the dates the employer gave (`WAIT_PAST`): the day after."""
        latest: date | None = None
        for anchor in WAIT_PAST:
            given = getattr(self, "at_" + anchor)
            if given is not None and (latest is None or given > latest):
                latest = given
        self.wait_past(latest)

    def wait_past(self, given: date | None) -> None:
        """Hold check-ins until the day after ``given`` (None: no date to wait for); giving up
        waits for the check-in held for it (`followup.engine.due.Scheduling.give_up_floor`)."""
        if given is None:
            self.not_before = self.gives_up_after = None
            return
        self.not_before = shift_days(given, 1)
        # Giving up waits for that check-in's day, the first business day from ``not_before``.
        self.gives_up_after = (
            None
            if OPEN_PAST_THEIR_DATE in self.cp.opted_out
            else shift_days(self.cal.roll_forward(self.not_before), 1)
        )

    def _start_round(self, interview: date | None, day: date) -> None:
        """Begin an interview round on ``interview`` (None: its date is not known yet, and
        nothing is planned until it is): counters and per-rule progress start over."""
        self.not_before = self.gives_up_after = None
        # The day you were invited to a round whose date is not known yet, else None.
        self.awaiting_interview = day if interview is None else None
        self.at_interview = interview
        self.at_state_entered = day if interview is None else interview
        self.at_last_contact = day if interview is None else interview
        self.at_thank_you_sent: date | None = None
        self.at_reply: date | None = None
        self.at_decision_by = None
        self.at_follow_up_after = None
        # The facts a round starts with, as `ROUND_START` has them (a test holds the two equal).
        self.last_reply = "none"
        self.check_ins = 0
        self.check_ins_this_round = 0
        self.contacts = 0
        self.has_decision_date = False
        self.has_follow_up_after = False
        self.interview_part = "unknown"
        self.done: dict[str, int] = {}
        self.last_done: dict[str, date] = {}
        self.credits: dict[str, int] = {}


def _slot_copier(names: tuple[str, ...]) -> Callable[[Facts, Facts], None]:
    """A function copying these slots from one run to another, one assignment per slot.

    A projection clones the run at every step it tries, and the prover at every branch: plain
    assignments are about six times faster than a loop of ``getattr``/``setattr``.  The code is
    made from the class's own slot names (never anything a user wrote), the way ``dataclasses``
    makes ``__init__``.
    """
    if not all(name.isidentifier() for name in names):  # only ever slot names: say so
        raise ValueError(f"not slot names: {names!r}")
    body = "".join(f"    other.{name} = self.{name}\n" for name in names)
    namespace: dict[str, Callable[[Facts, Facts], None]] = {}
    exec(f"def copy(self, other):\n{body}", namespace)
    return namespace["copy"]


# A clone's facts: the mutable containers are copied on their own; the trace is never shared.
copy_slots = _slot_copier(
    tuple(n for n in Facts.__slots__ if n not in ("done", "last_done", "credits", "trace"))
)


def lapsed_words(p: Pending, window: str = "its window", today: date | None = None) -> str:
    """Why a step that is pending is no longer worth doing (`DueDates.done_on`), naming its
    window as ``window`` says ("the window for check-in"), as seen on ``today`` (a window that
    ends later "ends"; without a day, or once over, it "ended")."""
    if p.expires is not None:
        return f"news worth telling until {p.expires} only"
    ends = "ends" if today is not None and p.latest is not None and p.latest >= today else "ended"
    if p.latest is not None and p.latest < p.due:
        return (
            f"{window} {ends} on {p.latest}, before the engine's own rules let it be done "
            f"({p.due}), and the playbook lets it go (late: skip)"
        )
    return f"{window} {ends} on {p.latest}, and the playbook lets it go (late: skip)"

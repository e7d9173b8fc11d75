"""What the engine answers: frozen values that the renderers turn into text or JSON."""

from __future__ import annotations

from datetime import date

import msgspec


class Step(msgspec.Struct, frozen=True):
    """One recommended action on one date."""

    action: str
    due: date
    channel: str | None
    rule_id: str
    advice: str
    source: str
    optional: bool = False
    # What the case says about this step in the user's own words (a promise's note).
    note: str = ""
    # The day to do it when that is not its due date: an overdue email seen on a weekend or
    # holiday is sent on the next business day, never "now".
    send_on: date | None = None
    # The direct contact it waits after, when the minimum gap between contacts moved it later.
    paced_after: date | None = None
    # The last day of the step's window when the playbook gives one (``due`` is the first).
    latest: date | None = None
    # Whom it goes to (`RECIPIENTS`): the people you deal with, or the company's main line.
    to: str = "contact"
    # The rule ids of the check-ins that waited for this promise and that keeping it counts as.
    covers: tuple[str, ...] = ()
    # The day it fell due on, when that was a weekend or public holiday it moved off.
    moved_from: date | None = None
    # The part of the day the playbook says to do it in (`STEP_PARTS`), if it says one.
    at: str | None = None
    # What the playbook calls a step of its own kind (`ActionKind.words`); "" for a core kind.
    words: str = ""

    @property
    def why(self) -> str:
        """Which rule recommends this, and the advice it encodes."""
        return f"{self.rule_id}: {self.advice}"


class TraceEntry(msgspec.Struct, frozen=True):
    """One line of a replay trace: what happened on a date and what the engine made of it."""

    date: date
    kind: str
    text: str
    details: tuple[str, ...] = ()


class Plan(msgspec.Struct, frozen=True):
    """Where an application stands on ``today`` and what to do from here."""

    case_id: str
    playbook_id: str
    today: date
    state: str
    next: tuple[Step, ...]
    schedule: tuple[Step, ...]
    closes_on: date | None
    outcome: str | None
    avoid: tuple[str, ...]
    ignored_future_events: int = 0
    # Lines worth knowing that are not steps: a promise not kept, a step that expired.
    notes: tuple[str, ...] = ()
    # Why the playbook never closes a case on its own, when its coach says so (``closes: never``).
    never_closes: str = ""
    # The last day to tell them about a competing offer the case holds unshared (whether or not
    # the playbook has a step for it: `followup.engine.notes.news_tell_by`).
    tell_news_by: date | None = None
    # The last day the projection looked at, when it stopped with more still to come (its step
    # count or its horizon ran out); None when it reached the end of what the playbook does.
    looks_until: date | None = None
    # The day the playbook would close the case, when that is after ``looks_until``.
    closes_later: date | None = None
    # The day the case entered its state, and the playbook's rule that moved it there with
    # that rule's advice ("rule-id: advice"), if a rule of the playbook did and says why.
    state_since: date | None = None
    state_why: str = ""

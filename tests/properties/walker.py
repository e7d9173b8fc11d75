"""A random job seeker and a random employer, driving the real engine one day at a time.

Independent of the prover's search (no abstract states, no memo, no look-ahead): each day, every
step the engine has due that day is done or passed over, the day's timers fire, and then news
may come, when `prove`'s space says it can (on a day a contact was due, or on the day the
playbook gives up on the case).  The events recorded are a real case file's events, replayed in
the engine's own same-day order (`followup.lint.search.record` mirrors `situation_at`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from followup.compile.machine import CompiledAction, CompiledPlaybook
from followup.engine.run import Run
from followup.lint.search import direct_contact, record
from followup.model.case import Case, Event
from followup.model.vocabulary import CLOSED, DIRECT_CHANNELS
from followup.semantics.meaning import CONTACT_EVENTS, NUDGE_EVENTS, OWN_WORD_KINDS, REOPENABLE
from followup.timeline.calendar import BusinessCalendar

# The walk asks: ("do", rule id) -> bool; ("news", (day, closing)) -> an Event or None.
Chooser = Callable[[str, object], object]
MAX_EVENTS = 200


@dataclass(frozen=True, slots=True)
class Walked:
    """A finished walk: its events, and the figures `prove` bounds."""

    events: tuple[Event, ...]
    contacts: int
    per7: int
    per30: int
    gap: int | None
    open: int
    closed: bool
    per_round: int = 0  # the most direct contacts between two "next round" replies


def _per_round(events: list[Event], own: set[int]) -> int:
    """The most direct contacts in one interview round (a next-round reply starts one)."""
    most = count = 0
    for i, e in enumerate(events):
        if e.type == "reply" and e.outcome == "next_round":
            count = 0
        elif direct_contact(e.type, e.channel) and i not in own:
            count += 1
            most = max(most, count)
    return most


def _window(days: list[date], size: int) -> int:
    return max(
        (sum(1 for d in days if first <= d < first + timedelta(days=size)) for first in days),
        default=0,
    )


def figures(
    events: list[Event],
    open_days: int,
    closed: bool,
    own: set[int] | None = None,
    word_only: set[int] | None = None,
) -> Walked:
    """Count on a case's events what `prove` bounds (recomputed here, not taken from it).

    ``own``: the positions of the events that kept a promise of the job seeker's own, which no
    limit counts (`OWN_WORD_KINDS`): not as a contact, nor the gap before it; the next check-in
    counts from it, unless it is in ``word_only``: a promise kept with no check-in waiting for
    it, which is none of the playbook's check-ins (keep-promises), so the next one counts from
    the check-in before.
    """
    own = own or set()
    word_only = word_only or set()
    direct = [
        e.date for i, e in enumerate(events) if direct_contact(e.type, e.channel) and i not in own
    ]
    nudges = [
        (i, e.date) for i, e in enumerate(events) if e.type in NUDGE_EVENTS and i not in word_only
    ]
    gaps = [(b - a).days for (_, a), (j, b) in pairwise(nudges) if j not in own]
    return Walked(
        tuple(events),
        len(direct),
        _window(direct, 7),
        _window(direct, 30),
        min(gaps) if gaps else None,
        open_days,
        closed,
        _per_round(events, own),
    )


class _Walk:
    def __init__(self, cp: CompiledPlaybook, case: Case, cal: BusinessCalendar) -> None:
        self.run = Run(cp, case, cal)
        self.doable = {
            s: tuple(a for a in g if a.completed_by is not None) for s, g in cp.actions.items()
        }
        self.events: list[Event] = []
        self.own: set[int] = set()  # the events that kept a promise (`figures`)
        # Of those, the check-ins the engine did not count as the playbook's (`figures`).
        self.word_only: set[int] = set()
        self.passed: set[tuple[str, date]] = set()

    def due_on(self, day: date) -> object | None:
        """A step due ``day`` not yet decided (done or passed over), if any."""
        run = self.run
        among: tuple[CompiledAction, ...] | None = self.doable.get(run.state)
        for p in run.pending(among) if among else ():
            when = max(p.due, run.now)
            if p.channel in DIRECT_CHANNELS:
                when = run.cal.roll_forward(when)
            if when <= day and (p.compiled.id, p.due) not in self.passed:
                return p
        return None

    def steps(self, day: date, choose: Chooser) -> bool:
        """Do or pass over every step due ``day``; fire the day's timers.

        Returns:
            Whether a contact was due that day (news can come then).
        """
        contact_due = False
        run = self.run
        while run.state != CLOSED:
            p = self.due_on(day)
            if p is not None:
                assert hasattr(p, "compiled")
                kind = p.compiled.completed_by
                assert kind is not None
                self.passed.add((p.compiled.id, p.due))
                contact_due = contact_due or kind in CONTACT_EVENTS
                if choose("do", p.compiled.id):
                    ev = Event(day, kind, len(self.events), channel=p.channel)
                    check_ins = run.check_ins_all_rounds
                    record(run, ev)
                    if p.compiled.action.kind in OWN_WORD_KINDS:
                        self.own.add(len(self.events))
                        if kind in NUDGE_EVENTS and run.check_ins_all_rounds == check_ins:
                            self.word_only.add(len(self.events))
                    self.events.append(ev)
                continue
            version = run.version
            run.advance(day, inclusive=True)
            if run.version == version:
                break
        return contact_due


def walk(
    cp: CompiledPlaybook,
    case: Case,
    cal: BusinessCalendar,
    choose: Chooser,
    horizon: int,
) -> Walked:
    """Walk one case to its close, or to ``horizon`` days after the employer's last word."""
    w = _Walk(cp, case, cal)
    run = w.run
    last_word = case.interview
    longest = 0
    day = case.interview
    while len(w.events) < MAX_EVENTS:
        if (day - last_word).days > horizon:
            return figures(w.events, max(longest, horizon), False, w.own, w.word_only)
        contact_due = w.steps(day, choose)
        closing = run.state == CLOSED
        if closing and (run.outcome != REOPENABLE or run.closed_on != day):
            assert run.closed_on is not None
            return figures(
                w.events, max(longest, (run.closed_on - last_word).days), True, w.own, w.word_only
            )
        news = choose("news", (day, closing)) if contact_due or closing else None
        if isinstance(news, Event):
            record(run, news)
            w.events.append(news)
            w.passed.clear()  # news decides afresh which steps are taken, as in the search
            # Word from the employer: a reply, or the next interview it sets; a promise they
            # agreed to, from the day it falls due (the playbook waits for it).
            word = (news.interview or day) if news.type == "reply" else None
            if news.type == "committed" and news.due is not None:
                word = max(last_word, news.due)
            if word is not None and word != last_word:
                longest = max(longest, (day - last_word).days)
                last_word = word
            continue  # the same day again: steps the news brings due today
        if closing:
            assert run.closed_on is not None
            return figures(
                w.events, max(longest, (run.closed_on - last_word).days), True, w.own, w.word_only
            )
        day += timedelta(days=1)
    raise AssertionError(f"more than {MAX_EVENTS} events on one walk")

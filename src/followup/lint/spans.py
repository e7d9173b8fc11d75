"""Dates for lint's stand-in for a case, where a condition tests the time between two of them.

Lint explores facts, not dates (`followup.lint.reach`), and treats each ``time_between`` test
as a fact it tries both ways.  A compiled test reads the two dates, for lint as for a real case,
so the stand-in carries dates that give the answers being explored.  Here, once per playbook,
every combination of answers that some dates give is found, each with such dates; a
combination no dates give ("at least 3w" but not "at least 2w" between the same dates) is not
a case, and lint does not explore it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from followup.compile.expressions import compile_guard
from followup.model.playbook import Span
from followup.timeline.calendar import BusinessCalendar
from followup.timeline.durations import DateRangeError

# The first date of each group of linked anchors is each day of this week in turn (a Monday with
# no holiday near it): business days count differently from different weekdays.
FIRST_WEEK = date(2026, 3, 2)
# The calendar the stand-in counts business days and months by (weekends only, like the prover).
CALENDAR = BusinessCalendar(None)
DAY = timedelta(days=1)
Answers = tuple[bool, ...]
Dates = tuple[date | None, ...]


class Dated:
    """Dates as a compiled ``time_between`` test reads them: ``at_<anchor>``, and a calendar."""

    cal = CALENDAR

    def __init__(self, attrs: tuple[str, ...], dates: Dates) -> None:
        for attr, day in zip(attrs, dates, strict=True):
            setattr(self, attr, day)


@dataclass(frozen=True, slots=True)
class SpanDates:
    """For each combination of answers to a playbook's ``time_between`` tests, dates giving it.

    Attributes:
        names: The tests, by the names lint gives them as facts (`Span.name`).
        attrs: The attributes of a case the dates go in (``at_<anchor>``), one per anchor.
        witnesses: Per combination of answers (in the order of ``names``) that some dates give,
            one such set of dates (in the order of ``attrs``; None: not known for the case).
    """

    names: tuple[str, ...]
    attrs: tuple[str, ...]
    witnesses: dict[Answers, Dates]

    def possible(self, answers: Answers) -> bool:
        """Whether some dates give these answers."""
        return answers in self.witnesses

    def dates(self, answers: Answers) -> Dates:
        """Dates giving ``answers`` (KeyError if none do: see `possible`)."""
        return self.witnesses[answers]


def span_dates(spans: Iterable[Span]) -> SpanDates:
    """Every combination of answers the tests ``spans`` can give together, with dates for each.

    The dates tried for an anchor are "unknown" and the days where a test of it against a date
    already chosen changes its answer (and the days either side), so every combination some dates
    give is found: between the thresholds nothing changes.
    """
    tests = tuple({s.name: s for s in spans}.values())
    anchors = _linked_order(tests)
    attrs = tuple("at_" + a for a in anchors)
    checks = tuple(compile_guard(s) for s in tests)
    found: dict[Answers, Dates] = {}
    everything = 2 ** len(tests)
    chosen: dict[str, date | None] = {}

    def choose(i: int) -> None:
        if len(found) == everything:
            return
        if i == len(anchors):
            dates = tuple(chosen[a] for a in anchors)
            case = Dated(attrs, dates)
            found.setdefault(tuple(check(case) for check in checks), dates)
            return
        for day in _candidates(anchors[i], tests, chosen):
            chosen[anchors[i]] = day
            choose(i + 1)
        del chosen[anchors[i]]

    choose(0)
    return SpanDates(tuple(s.name for s in tests), attrs, found)


def _linked_order(tests: tuple[Span, ...]) -> tuple[str, ...]:
    """The anchors the tests read, each after one it is tested against where there is one."""
    order: list[str] = []
    for first in dict.fromkeys(a for s in tests for a in (s.start, s.end)):
        if first in order:
            continue
        order.append(first)
        grown = True
        while grown:
            grown = False
            for s in tests:
                for a, b in ((s.start, s.end), (s.end, s.start)):
                    if a in order and b not in order:
                        order.append(b)
                        grown = True
    return tuple(order)


def _candidates(
    anchor: str, tests: tuple[Span, ...], chosen: dict[str, date | None]
) -> list[date | None]:
    """Unknown, and the days around each threshold of ``anchor`` against a date chosen already
    (each day of `FIRST_WEEK` when there is none)."""
    near: set[date] = set()
    for s in tests:
        if s.end == anchor and chosen.get(s.start) is not None:
            base, sign = chosen[s.start], s.offset.sign
        elif s.start == anchor and chosen.get(s.end) is not None:
            base, sign = chosen[s.end], -s.offset.sign
        else:
            continue
        assert base is not None
        try:
            edge = CALENDAR.add(base, s.offset.duration, sign)
            near |= {edge - DAY, edge, edge + DAY}
        except (DateRangeError, OverflowError):
            continue  # past the calendar: the test can only come out one way from here
    if not near:
        near = {FIRST_WEEK + k * DAY for k in range(7)}
    return [None, *sorted(near)]

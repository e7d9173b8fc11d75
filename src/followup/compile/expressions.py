"""Compile guards and date rules into small closures over a running case.

Guards and dates are data in the playbook (never evaluated text); here each becomes a plain
function so the engine's hot loop pays one call per test instead of walking a tree every time.
A running case exposes facts as attributes named like the fact, and anchors as ``at_<anchor>``.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any, Protocol

from followup.model.playbook import (
    AllOf,
    AnyOf,
    Compare,
    DateRule,
    DateTerm,
    Guard,
    Not,
    Offset,
    Span,
)
from followup.timeline.calendar import BusinessCalendar
from followup.timeline.durations import add_months, shift_days


class HasCalendar(Protocol):
    cal: BusinessCalendar


GuardFn = Callable[[Any], bool]
MEMO_LIMIT = 100_000
DateFn = Callable[[Any], "date | None"]

_OPS: dict[str, Callable[[Any, Any], bool]] = {
    "is": operator.eq,
    "is_not": operator.ne,
    "lt": operator.lt,
    "le": operator.le,
    "gt": operator.gt,
    "ge": operator.ge,
    "in": lambda a, b: a in b,
    "not_in": lambda a, b: a not in b,
}


def always(_: Any) -> bool:
    """The guard of a rule without ``when``."""
    return True


def compile_guard(guard: Guard | None) -> GuardFn:
    """A function of a running case that says whether ``guard`` holds."""
    if guard is None:
        return always
    if isinstance(guard, Compare):
        get = operator.attrgetter(guard.fact)
        value = guard.value
        # The usual tests written out: a guard is asked hundreds of thousands of times in a
        # batch, and a call to the operator's function costs as much as the test itself.
        if guard.op == "is":
            return lambda run: get(run) == value
        if guard.op == "is_not":
            return lambda run: get(run) != value
        test = _OPS[guard.op]
        return lambda run: test(get(run), value)
    if isinstance(guard, AllOf | AnyOf):
        parts = tuple(compile_guard(g) for g in guard.items)
        if len(parts) == 1:
            return parts[0]
        if len(parts) == 2:  # the common case, without a generator per test
            first, second = parts
            if isinstance(guard, AllOf):
                return lambda run: first(run) and second(run)
            return lambda run: first(run) or second(run)
        if isinstance(guard, AllOf):
            return lambda run: all(p(run) for p in parts)
        return lambda run: any(p(run) for p in parts)
    if isinstance(guard, Not):
        inner = compile_guard(guard.item)
        return lambda run: not inner(run)
    if isinstance(guard, Span):
        return _compile_span(guard)
    raise TypeError(f"not a guard: {guard!r}")  # pragma: no cover - the model has no other kinds


def _compile_span(span: Span) -> GuardFn:
    """``to`` compared with ``from`` moved by the duration: "at least 2w from the interview to
    the decision date" holds when the decision date is on or after interview + 2w."""
    start = operator.attrgetter("at_" + span.start)
    end = operator.attrgetter("at_" + span.end)
    test = _OPS[span.op]
    offset = span.offset

    def between(run: Any) -> bool:
        first: date | None = start(run)
        last: date | None = end(run)
        if first is None or last is None:
            return False
        return bool(test(last, shift(run, first, offset)))

    return between


def shift(run: HasCalendar, day: date, offset: Offset | None) -> date:
    """Move ``day`` by ``offset``, using the case's business calendar where it matters."""
    if offset is None:
        return day
    d = offset.duration
    if d.business_days or d.months:
        return run.cal.add(day, d, offset.sign)
    return shift_days(day, offset.sign * d.days)


def _compile_term(term: DateTerm) -> DateFn:
    get = operator.attrgetter("at_" + term.anchor)
    offset = term.offset
    if offset is None:
        return get
    d = offset.duration
    if not d.business_days and not d.months:
        delta = timedelta(days=offset.sign * d.days)

        def plain(run: Any) -> date | None:
            base: date | None = get(run)
            if base is None:
                return None
            try:  # free unless raised (3.11): the hot path stays a single addition
                return base + delta
            except OverflowError:
                return shift_days(base, delta.days)  # raises our own DateRangeError

        return plain

    # Month and business-day arithmetic is slow next to a dict lookup, and a batch meets the same
    # few hundred dates again and again: remember results per date (and calendar, where the
    # business days of a country matter).
    if not d.business_days:
        months = offset.sign * d.months
        extra = timedelta(days=offset.sign * d.days)
        by_day: dict[date, date] = {}

        def monthly(run: Any) -> date | None:
            base: date | None = get(run)
            if base is None:
                return None
            found = by_day.get(base)
            if found is None:
                if len(by_day) > MEMO_LIMIT:
                    by_day.clear()
                found = by_day[base] = shift_days(add_months(base, months), extra.days)
            return found

        return monthly

    memo: dict[tuple[date, str | None], date] = {}

    def calendared(run: Any) -> date | None:
        base: date | None = get(run)
        if base is None:
            return None
        key = (base, run.cal.country)
        found = memo.get(key)
        if found is None:
            if len(memo) > MEMO_LIMIT:
                memo.clear()
            found = memo[key] = shift(run, base, offset)
        return found

    return calendared


def compile_date(rule: DateRule) -> DateFn:
    """A function of a running case giving the date ``rule`` names, or None if unknown yet."""
    terms = tuple(_compile_term(t) for t in rule.terms)
    if len(terms) == 1:
        return terms[0]
    later = rule.combine == "later"

    def combined(run: Any) -> date | None:
        best: date | None = None
        for term in terms:
            d = term(run)
            if d is not None and (best is None or (d > best if later else d < best)):
                best = d
        return best

    return combined

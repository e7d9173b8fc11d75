"""L113: an action's window (``due`` .. ``until``) whose end can come before its start.

The engine then shrinks the window to its first day, so the ``until`` says nothing; most often
the two dates were swapped, or measured from anchors whose order the case decides.
"""

from __future__ import annotations

from followup.lint.rules import Checks
from followup.model.playbook import AllOf, AnyOf, DateRule, DateTerm, Guard, Span

# The fewest days from one anchor to another that an action's condition asks for
# (``time_between: {from: A, to: B, ge: 2w}``), by (A, B).
Apart = dict[tuple[str, str], int]

# Public holidays a run of business days may span, besides weekends (two at Christmas and the
# New Year, or at Easter, in many countries' calendars).
HOLIDAYS_ON_THE_WAY = 2
# The most ways an action's condition is read as holding (`alternatives`), to bound the work.
MAX_ALTERNATIVES = 64


def _days(term: DateTerm) -> tuple[int, int]:
    """The fewest and most calendar days a term can lie after its anchor."""
    if term.offset is None:
        return 0, 0
    d = term.offset.duration
    # Business days may also span a public holiday or two on a country's calendar.
    low, high = d.fewest_days, d.most_days(holidays=HOLIDAYS_ON_THE_WAY)
    return (low, high) if term.offset.sign > 0 else (-high, -low)


def _units(term: DateTerm) -> tuple[int, int, int]:
    """A term's offset as signed months, days and business days."""
    if term.offset is None:
        return 0, 0, 0
    d, sign = term.offset.duration, term.offset.sign
    return sign * d.months, sign * d.days, sign * d.business_days


def apart(guard: Guard | None) -> Apart:
    """The fewest days between anchors a condition holds only with: its ``time_between``
    tests of at least (``ge``, ``gt``) a duration, alone or among the tests all of which must
    hold (one under ``any`` or ``not`` may not)."""
    items = guard.items if isinstance(guard, AllOf) else (guard,) if guard is not None else ()
    out: Apart = {}
    for item in items:
        if isinstance(item, Span) and item.op in ("ge", "gt") and item.offset.sign > 0:
            days = item.offset.duration.fewest_days + (item.op == "gt")
            key = (item.start, item.end)
            out[key] = max(out.get(key, days), days)
    return out


def alternatives(guard: Guard | None) -> list[Apart]:
    """The fewest days between anchors for each way a condition can hold: one `apart` for a
    condition of tests that must all hold, and one for each choice where one of them is an
    ``any`` (each alternative with what the others ask for; at most `MAX_ALTERNATIVES`, past
    which the ``any`` tells nothing)."""
    items = guard.items if isinstance(guard, AllOf) else (guard,) if guard is not None else ()
    ways = [apart(guard)]
    for item in items:
        if isinstance(item, AnyOf) and len(ways) * len(item.items) <= MAX_ALTERNATIVES:
            ways = [_joined(way, apart(alt)) for way in ways for alt in item.items]
    return ways


def _joined(one: Apart, other: Apart) -> Apart:
    """Both conditions' fewest days between anchors: the larger where both ask."""
    return {k: max(one.get(k, 0), other.get(k, 0)) for k in one.keys() | other.keys()}


def _after(end: DateTerm, start: DateTerm, spans: Apart | None = None) -> bool:
    """Whether ``end`` is never before ``start``: for terms of one anchor, it moves the same
    date at least as far in each unit (each moves a date monotonically), or its fewest days are
    at least the other's most; for two anchors, when the condition keeps ``end``'s anchor at
    least so many days after ``start``'s (``spans``) and that with ``end``'s fewest days is at
    least ``start``'s most."""
    if end.anchor != start.anchor:
        gap = (spans or {}).get((start.anchor, end.anchor))
        return gap is not None and gap + _days(end)[0] >= _days(start)[1]
    if all(e >= s for e, s in zip(_units(end), _units(start), strict=True)):
        return True
    return _days(end)[0] >= _days(start)[1]


def _never_before(until: DateRule, due: DateRule, spans: Apart | None = None) -> bool:
    """Whether the date ``until`` names is never before the one ``due`` names, known from
    pairs of terms of one anchor (`_after`).  The later of several dates is their largest, the
    earlier their smallest, so: the later of the ends is after the later of the starts when
    every start has an end after it; after the earlier of the starts when some end is after
    some start; the earlier of the ends is after the later of the starts when every end is
    after every start, and after the earlier of them when every end is after some start."""
    ends_later = until.combine == "later" or len(until.terms) == 1
    starts_later = due.combine == "later" or len(due.terms) == 1
    if ends_later and starts_later:
        return all(any(_after(u, d, spans) for u in until.terms) for d in due.terms)
    if ends_later:
        return any(_after(u, d, spans) for u in until.terms for d in due.terms)
    if starts_later:
        return all(_after(u, d, spans) for u in until.terms for d in due.terms)
    return all(any(_after(u, d, spans) for d in due.terms) for u in until.terms)


def window_ends_early(c: Checks) -> None:
    """Windows whose end (``until``) can come before their start (``due``)."""
    for action in c.cp.playbook.actions:
        until = action.until
        if until is None or all(
            _never_before(until, action.due, way) for way in alternatives(action.when)
        ):
            continue
        c.report(
            "L113",
            action,
            "until",
            f"the window of action '{action.id}' can end ({until}) before it starts "
            f"({action.due}); the step is then due on its first day only",
            "an until that is never earlier than due, such as the same anchor with a longer offset",
        )

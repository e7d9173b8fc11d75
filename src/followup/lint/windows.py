"""L113: an action's window (``due`` .. ``until``) whose end can come before its start.

The engine then shrinks the window to its first day, so the ``until`` says nothing; most often
the two dates were swapped, or measured from anchors whose order the case decides.
"""

from __future__ import annotations

from followup.lint.rules import Checks
from followup.model.playbook import DateRule, DateTerm

# Public holidays a run of business days may span, besides weekends (two at Christmas and the
# New Year, or at Easter, in many countries' calendars).
HOLIDAYS_ON_THE_WAY = 2


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


def _after(end: DateTerm, start: DateTerm) -> bool:
    """Whether ``end`` is never before ``start`` (known only for terms of one anchor): it
    moves the same date at least as far in each unit (each moves a date monotonically), or its
    fewest days are at least the other's most."""
    if end.anchor != start.anchor:
        return False
    if all(e >= s for e, s in zip(_units(end), _units(start), strict=True)):
        return True
    return _days(end)[0] >= _days(start)[1]


def _never_before(end: DateTerm, due: DateRule) -> bool:
    """Whether ``end`` never comes before the date ``due`` names."""
    # The later of several dates is after each; the earlier of them is after one at least.
    if due.combine == "later" or len(due.terms) == 1:
        return all(_after(end, t) for t in due.terms)
    return any(_after(end, t) for t in due.terms)


def window_ends_early(c: Checks) -> None:
    """Windows whose end (``until``) can come before their start (``due``)."""
    for action in c.cp.playbook.actions:
        until = action.until
        if until is None:
            continue
        ok = [_never_before(t, action.due) for t in until.terms]
        if any(ok) if until.combine == "later" and len(until.terms) > 1 else all(ok):
            continue
        c.report(
            "L113",
            action,
            "until",
            f"the window of action '{action.id}' can end ({until}) before it starts "
            f"({action.due}); the step is then due on its first day only",
            "an until that is never earlier than due, such as the same anchor with a longer offset",
        )

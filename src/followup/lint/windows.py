"""L113: an action's window (``due`` .. ``until``) whose end can come before its start.

The engine then shrinks the window to its first day, so the ``until`` says nothing; most often
the two dates were swapped, or measured from anchors whose order the case decides.
"""

from __future__ import annotations

from followup.lint.rules import Checks
from followup.model.playbook import DateRule, DateTerm


def _days(term: DateTerm) -> tuple[int, int]:
    """The fewest and most calendar days a term can lie after its anchor."""
    if term.offset is None:
        return 0, 0
    d = term.offset.duration
    # Business days span weekends (and a public holiday or two) as `followup.lint.offsets`
    # counts them; a month is 28 to 31 days.
    n = d.business_days
    low = d.fewest_days
    high = d.days + 31 * d.months + (n + 2 * (n // 5) + 2 if n else 0)
    return (low, high) if term.offset.sign > 0 else (-high, -low)


def _after(end: DateTerm, start: DateTerm) -> bool:
    """Whether ``end`` is never before ``start`` (known only for terms of one anchor)."""
    return end.anchor == start.anchor and _days(end)[0] >= _days(start)[1]


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

"""L114: a playbook that says it never closes a case on its own, and yet does.

``closes: never`` replaces lint's demand for a way to ``closed`` (L102) with the coach's word;
this check holds the playbook to that word.
"""

from __future__ import annotations

from followup.lint.rules import Checks
from followup.model.vocabulary import CLOSED


def closes_after_all(c: Checks) -> None:
    """Timers to ``closed``, and a ``max_days_open``, in a playbook that says it never closes."""
    pb = c.cp.playbook
    if pb.never_closes is None:
        return
    for t in pb.transitions:
        if t.after is not None and t.dest == CLOSED:
            c.report(
                "L114",
                t,
                "to",
                f"timer '{t.id}' closes the case, but the playbook says it never closes on its "
                "own (closes: never)",
                "no timer to closed, or no closes: never",
            )
    if pb.limits.max_days_open is not None:
        c.report(
            "L114",
            None,
            "limits",
            "max_days_open promises the case closes within a number of days, but the playbook "
            "says it never closes on its own (closes: never)",
            "no max_days_open, or no closes: never",
        )

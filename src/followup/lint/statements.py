"""What a playbook says about itself, held to what it does: L114, a playbook that says it never
closes a case on its own and yet does; L115, an opt-out of an engine rule that changes nothing.

``closes: never`` replaces lint's demand for a way to ``closed`` (L102) with the coach's word,
and an opt-out is a coach's deliberate word against an engine rule: both should be true.
"""

from __future__ import annotations

from followup.errors import Problem
from followup.lint.rules import Checks
from followup.model.vocabulary import CLOSED, DIRECT_CHANNELS, NUDGE_KINDS
from followup.semantics.meaning import NEWS_KIND, REOPENABLE, UNPACED_KINDS
from followup.semantics.rules import (
    BUSINESS_DAYS_ONLY,
    CHECK_IN_GAP,
    CONTACT_GAP,
    KEEP_PROMISES,
    NEWS_BEFORE_DEADLINE,
    OPEN_PAST_THEIR_DATE,
    WAIT_PAST_THEIR_DATE,
)


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


def opt_out_without_effect(c: Checks) -> None:
    """Opt-outs of an engine rule that none of the playbook's own steps is subject to."""
    pb = c.cp.playbook
    kinds = {a.kind for a in pb.actions}
    direct = any(
        o.use in (*DIRECT_CHANNELS, "preferred", "committed") for a in pb.actions for o in a.channel
    )
    touches = {
        BUSINESS_DAYS_ONLY: direct or KEEP_PROMISES not in c.cp.opted_out,
        CHECK_IN_GAP: bool(kinds & NUDGE_KINDS),
        CONTACT_GAP: direct and bool(kinds - UNPACED_KINDS.keys()),
        WAIT_PAST_THEIR_DATE: bool(kinds & NUDGE_KINDS),
        KEEP_PROMISES: True,
        NEWS_BEFORE_DEADLINE: NEWS_KIND in kinds,
        OPEN_PAST_THEIR_DATE: any(
            m.outcome == REOPENABLE for moves in c.cp.timers.values() for m in moves
        ),
    }
    for o in pb.opt_outs:
        if touches.get(o.rule, True):
            continue
        file, line, col = o.origin.file, o.origin.line, o.origin.col
        c.problems.append(
            Problem(
                file,
                line,
                col,
                f"the opt-out of '{o.rule}' changes nothing: no step of this playbook is subject "
                "to that rule",
                "an opt-out only of a rule that applies to one of its steps",
                "L115",
            )
        )

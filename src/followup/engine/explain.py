"""``explain``: the replay of a case as a trace, then the projection from today."""

from __future__ import annotations

from datetime import date

from followup.compile.machine import CompiledPlaybook
from followup.engine.plan import project, situation_at
from followup.engine.result import Step, TraceEntry
from followup.model.case import Case
from followup.semantics.meaning import MIN_CONTACT_GAP_DAYS
from followup.timeline.calendar import BusinessCalendar


def explain_case(
    cp: CompiledPlaybook, case: Case, today: date, cal: BusinessCalendar
) -> list[TraceEntry]:
    """Every event, timer, move and rule considered up to ``today``, then the projected steps."""
    trace: list[TraceEntry] = [
        TraceEntry(case.interview, "start", f"interview; state {cp.playbook.id}:interviewed")
    ]
    run, _ = situation_at(cp, case, today, cal, trace)
    steps, closes_on = project(run, today)
    for step in steps:
        via = f" by {step.channel}" if step.channel else ""
        trace.append(
            TraceEntry(step.due, "projected", f"{step.action}{via} [{step.rule_id}]", _why(step))
        )
    if closes_on and run.outcome is None:
        trace.append(TraceEntry(closes_on, "projected", "the playbook closes the case"))
    return trace


def _why(step: Step) -> tuple[str, ...]:
    """Why a projected step is later than its rule alone would have it."""
    why: list[str] = []
    if step.paced_after is not None:
        why.append(paced_words(step.paced_after))
    if step.covers:
        why.append("also counts as " + promise_covers_words(step.covers))
    if step.moved_from is not None:
        why.append(moved_words(step.moved_from))
    return tuple(why)


def moved_words(was: date) -> str:
    """Why a step is on a later day than its rule's (business-days-only), in words."""
    return (
        f"moved from {was:%a} {was.isoformat()}, a weekend or public holiday: messages to "
        "people go on business days"
    )


def promise_covers_words(rule_ids: tuple[str, ...]) -> str:
    """Which check-ins keeping a promise counts as, in words."""
    return (
        f"your check-in ({', '.join(rule_ids)}), which waited for the day you promised: "
        "one message keeps your word and asks where things stand"
    )


def paced_words(after: date) -> str:
    """Why the minimum gap between direct contacts moved a step, in words."""
    return (
        f"waits at least {MIN_CONTACT_GAP_DAYS} days after the direct contact on "
        f"{after.isoformat()}: the minimum gap between any two direct contacts"
    )

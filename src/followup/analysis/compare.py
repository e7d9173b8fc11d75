"""One case under several playbooks: the plans side by side and where they disagree."""

from __future__ import annotations

from datetime import date
from typing import Any

from followup.compile.machine import CompiledPlaybook
from followup.engine.plan import plan_case
from followup.engine.result import Plan
from followup.model.case import Case
from followup.model.vocabulary import DIRECT_CHANNELS, NUDGE_KINDS
from followup.semantics.meaning import NEWS_KIND
from followup.timeline.calendar import BusinessCalendar


def compare_case(
    cps: list[CompiledPlaybook], case: Case, today: date, cal: BusinessCalendar
) -> list[Plan]:
    """The plan of ``case`` under each playbook, in the order given."""
    return [plan_case(cp, case, today, cal) for cp in cps]


def direct_contacts(plan: Plan) -> int:
    """How many steps of a plan's schedule reach a person directly."""
    return sum(1 for s in plan.schedule if s.channel in DIRECT_CHANNELS)


def _first(plan: Plan, kinds: frozenset[str]) -> date | None:
    return next((s.due for s in plan.schedule if s.action in kinds), None)


def news_to_tell_by(plan: Plan) -> date | None:
    """The last day to tell them about a competing offer, while that day is still to come
    (None: no such news, or too late to tell)."""
    by = plan.tell_news_by
    return by if by is not None and by >= plan.today else None


def _word(value: object) -> str:
    """A value as a coach reads it: yes/no, never, or the value itself (not Python's True)."""
    if value is None:
        return "never"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _spread(label: str, values: dict[str, Any]) -> str | None:
    shown = {k: _word(v) for k, v in values.items()}
    if len(set(shown.values())) <= 1:
        return None
    parts = ", ".join(f"{pid} {v}" for pid, v in shown.items())
    return f"{label}: {parts}"


def disagreements(plans: list[Plan]) -> list[str]:
    """Plain sentences naming each point where the playbooks differ for this case."""
    if len(plans) < 2:
        return []
    checks: list[tuple[str, dict[str, Any]]] = [
        ("state now", {p.playbook_id: p.state for p in plans}),
        ("next check-in", {p.playbook_id: _first(p, NUDGE_KINDS) for p in plans}),
        ("direct contacts", {p.playbook_id: direct_contacts(p) for p in plans}),
        ("closes on", {p.playbook_id: p.closes_on for p in plans}),
        (
            "uses the phone",
            {p.playbook_id: any(s.channel == "phone" for s in p.schedule) for p in plans},
        ),
        (
            "networks on LinkedIn",
            {
                p.playbook_id: any(
                    s.action == "network" or s.channel == "linkedin" for s in p.schedule
                )
                for p in plans
            },
        ),
    ]
    if any(news_to_tell_by(p) is not None for p in plans):
        checks.insert(
            2,
            (
                "tells them about your competing offer",
                {p.playbook_id: _first(p, frozenset({NEWS_KIND})) for p in plans},
            ),
        )
    found = [line for label, values in checks if (line := _spread(label, values))]
    return found

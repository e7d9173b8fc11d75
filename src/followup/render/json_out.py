"""Engine answers as JSON-ready dicts.

The keys here are a public contract that scripts rely on: extend, never rename.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from followup.analysis.compare import direct_contacts, disagreements
from followup.engine.result import Plan, Step
from followup.model.case import Case
from followup.model.vocabulary import DEFAULT_RECIPIENT


def step_brief(step: Step) -> dict[str, Any]:
    """A schedule entry: what, when, how (and the note you wrote, for a promise)."""
    out = {"action": step.action, "due": step.due.isoformat(), "channel": step.channel}
    if step.note:
        out["note"] = step.note
    if step.latest is not None:
        out["latest"] = step.latest.isoformat()
    if step.to != DEFAULT_RECIPIENT:
        out["to"] = step.to
    if step.at is not None:
        out["at"] = step.at
    return out


def step_full(step: Step) -> dict[str, Any]:
    """A next step with its reasons: which rule, what advice, which source."""
    return {
        "action": step.action,
        "due": step.due.isoformat(),
        "channel": step.channel,
        "why": step.why,
        "source": step.source,
        **({"note": step.note} if step.note else {}),
        **({"send_on": step.send_on.isoformat()} if step.send_on else {}),
        **({"latest": step.latest.isoformat()} if step.latest else {}),
        **({"to": step.to} if step.to != DEFAULT_RECIPIENT else {}),
        **({"at": step.at} if step.at is not None else {}),
        **({"paced_after": step.paced_after.isoformat()} if step.paced_after else {}),
        **({"covers": list(step.covers)} if step.covers else {}),
        **({"moved_from": step.moved_from.isoformat()} if step.moved_from else {}),
    }


def plan_json(plan: Plan) -> dict[str, Any]:
    """``followup plan --json``."""
    return {
        "case": plan.case_id,
        "playbook": plan.playbook_id,
        "today": plan.today.isoformat(),
        "state": plan.state,
        "next": [step_full(s) for s in plan.next],
        "schedule": [step_brief(s) for s in plan.schedule],
        "closes_on": plan.closes_on.isoformat() if plan.closes_on else None,
        "outcome": plan.outcome,
        "avoid": list(plan.avoid),
        "notes": list(plan.notes),
        **({"never_closes": plan.never_closes} if plan.never_closes else {}),
        **({"looks_until": plan.looks_until.isoformat()} if plan.looks_until else {}),
        **({"closes_later": plan.closes_later.isoformat()} if plan.closes_later else {}),
        "state_since": plan.state_since.isoformat() if plan.state_since else None,
        **({"state_why": plan.state_why} if plan.state_why else {}),
    }


def agenda_json(
    case_id: str, playbook_id: str, state: str, outcome: str | None, steps: list[Step]
) -> dict[str, Any]:
    """One line of ``followup agenda --json``: where the case stands (closed: how it ended) and
    its first next step, if any."""
    return {
        "case": case_id,
        "playbook": playbook_id,
        "state": state,
        "outcome": outcome,
        "next": step_full(steps[0]) if steps else None,
    }


def compare_json(
    case: Case, today: date, plans: list[Plan], titles: dict[str, str]
) -> dict[str, Any]:
    """``followup compare --json``."""
    return {
        "case": case.id,
        "today": today.isoformat(),
        "playbooks": [
            {
                "playbook": p.playbook_id,
                "title": titles.get(p.playbook_id, ""),
                "state": p.state,
                "schedule": [step_brief(s) for s in p.schedule],
                "direct_contacts": direct_contacts(p),
                "closes_on": p.closes_on.isoformat() if p.closes_on else None,
                "outcome": p.outcome,
                "avoid": list(p.avoid),
            }
            for p in plans
        ],
        "disagreements": disagreements(plans),
    }

"""The tracker's views as lines and JSON: one application's history, one step of ``today``.

Everything a user or coach wrote goes through `followup.errors.visible` here, value by value,
so a newline in a note cannot fake a line of the view.
"""

from __future__ import annotations

import textwrap
from typing import Any

from followup.engine.result import Plan
from followup.errors import visible
from followup.model.case import Case, Interviewer
from followup.render.json_out import step_full
from followup.render.words import action_words, day, relative
from followup.services import recording
from followup.services.today import Item
from followup.tracker.records import Entry, is_edit

WIDTH = 88
INDENT = " " * 6


def title(case: Case) -> str:
    return visible(" - ".join(x for x in (case.company, case.role) if x) or case.id)


def person(p: Interviewer) -> str:
    return visible(f"{p.name} <{p.email}>" if p.email else p.name)


def app_json(case: Case, playbook: str) -> dict[str, Any]:
    """An application's facts under the keys every command uses for them."""
    return {
        "id": case.id,
        "company": case.company,
        "role": case.role,
        "interview": case.interview.isoformat(),
        "playbook": playbook,
    }


def item_json(item: Item) -> dict[str, Any]:
    return {
        "id": item.case.id,
        "company": item.case.company,
        "role": item.case.role,
        **step_full(item.step),
        "days_overdue": max(0, (item.today - item.step.due).days),
        "recipients": [{"name": p.name, "email": p.email or None} for p in item.recipients],
    }


def item_lines(item: Item) -> list[str]:
    step = item.step
    what = action_words(step.action, step.channel)
    if item.recipients:
        what += " to " + ", ".join(person(p) for p in item.recipients)
    opt = " (optional)" if step.optional else ""
    return [
        f"  {day(step.due)} ({relative(step.due, item.today)})  {item.case.id}  {title(item.case)}",
        *textwrap.wrap(f"{what}{opt}", WIDTH, initial_indent=INDENT, subsequent_indent=INDENT),
        *textwrap.wrap(f"why: {step.why}", WIDTH, initial_indent=INDENT, subsequent_indent=INDENT),
    ]


def entry_json(e: Entry) -> dict[str, Any]:
    """One history row: ``kind`` is ``event``, ``edit`` or ``retraction``; an event carries
    ``event``, an edit ``edit`` and ``was`` (the values before), a retraction ``retracts``."""
    if e.retracts is not None:
        return {
            "seq": e.seq,
            "kind": "retraction",
            "recorded_at": e.recorded_at,
            "retracts": e.retracts,
            "reason": e.data.get("reason"),
        }
    if is_edit(e.data):
        return {
            "seq": e.seq,
            "kind": "edit",
            "recorded_at": e.recorded_at,
            "edit": e.data["edit"],
            "was": e.data.get("was", {}),
            "retracted_by": e.retracted_by,
        }
    return {
        "seq": e.seq,
        "kind": "event",
        "recorded_at": e.recorded_at,
        "event": e.data,
        "retracted_by": e.retracted_by,
    }


def entry_line(e: Entry) -> str:
    if e.retracts is not None:
        return f"  #{e.seq}  retracts #{e.retracts} ({e.data.get('reason')})"
    mark = f"  [retracted by #{e.retracted_by}]" if e.retracted_by is not None else ""
    when = f"{e.recorded_at[:10]} " if is_edit(e.data) else ""
    return f"  #{e.seq}  {when}{recording.describe(e.data)}{mark}"


def plan_state(plan: Plan) -> dict[str, Any]:
    """Where an application stands, as every command that changes one answers in JSON."""
    return {
        "state": plan.state,
        "outcome": plan.outcome,
        "next": [step_full(s) for s in plan.next],
    }
